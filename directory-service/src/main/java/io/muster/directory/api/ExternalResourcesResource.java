package io.muster.directory.api;

import io.muster.directory.service.ExternalResourceFields;
import io.muster.directory.domain.ExternalResource;
import io.muster.directory.service.ExternalResources;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/external-resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExternalResourcesResource {

    @Inject
    ExternalResources resources;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ExternalResourceResponse> list(@QueryParam("kind") ExternalResource.Kind kind) {
        boolean full = CallerAccess.seesContactDetails(identity);
        return resources.list(kind).stream().map(r -> ExternalResourceResponse.of(r, full)).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public ExternalResourceResponse get(@PathParam("id") UUID id) {
        return ExternalResourceResponse.of(resources.get(id), CallerAccess.seesContactDetails(identity));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid ExternalResourceFields request) {
        ExternalResourceResponse created = ExternalResourceResponse.of(
                resources.create(request, CallerAccess.actor(identity)), true);
        return Response.created(URI.create("/api/v1/external-resources/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public ExternalResourceResponse replace(@PathParam("id") UUID id, @NotNull @Valid ExternalResourceFields request) {
        return ExternalResourceResponse.of(resources.replace(id, request, CallerAccess.actor(identity)), true);
    }

    /** Records that the primary contact was reached and answered. */
    @POST
    @Path("{id}/contact-verified")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public ExternalResourceResponse markContactVerified(@PathParam("id") UUID id) {
        return ExternalResourceResponse.of(resources.markContactVerified(id, CallerAccess.actor(identity)), true);
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        resources.delete(id, CallerAccess.actor(identity));
        return Response.noContent().build();
    }
}
