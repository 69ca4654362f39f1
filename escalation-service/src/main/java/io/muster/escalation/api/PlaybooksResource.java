package io.muster.escalation.api;

import io.muster.escalation.service.PlaybookCatalog;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Playbooks per incident type ({@code *} for every type without one): admins write, viewers read. */
@Path("/api/v1/playbooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlaybooksResource {

    @Inject
    PlaybookCatalog catalog;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<PlaybookRecords.PlaybookResponse> playbooks() {
        return catalog.playbooks().stream().map(PlaybookRecords.PlaybookResponse::of).toList();
    }

    @GET
    @Path("{incidentType}")
    @RolesAllowed(Roles.VIEWER)
    public PlaybookRecords.PlaybookResponse playbook(@PathParam("incidentType") @Size(max = 80)
            @Pattern(regexp = PlaybookRecords.PLAYBOOK_TYPE,
                    message = "must be lower-case words joined by dashes, or * for every type") String incidentType) {
        return PlaybookRecords.PlaybookResponse.of(catalog.playbook(incidentType));
    }

    /** 201 when it created the playbook, 200 when it replaced one. */
    @PUT
    @Path("{incidentType}")
    @RolesAllowed(Roles.ADMIN)
    public Response put(@PathParam("incidentType") @Size(max = 80)
            @Pattern(regexp = PlaybookRecords.PLAYBOOK_TYPE,
                    message = "must be lower-case words joined by dashes, or * for every type") String incidentType,
            @NotNull @Valid PlaybookRecords.PlaybookRequest request) {
        PlaybookCatalog.Saved saved = catalog.put(incidentType, request.toFields(), actor());
        PlaybookRecords.PlaybookResponse playbook = PlaybookRecords.PlaybookResponse.of(saved.playbook());
        return saved.created()
                ? Response.created(URI.create("/api/v1/playbooks/" + (incidentType.equals("*") ? "%2A" : incidentType)))
                        .entity(playbook).build()
                : Response.ok(playbook).build();
    }

    @DELETE
    @Path("{incidentType}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("incidentType") @Size(max = 80)
            @Pattern(regexp = PlaybookRecords.PLAYBOOK_TYPE,
                    message = "must be lower-case words joined by dashes, or * for every type") String incidentType) {
        catalog.delete(incidentType, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
