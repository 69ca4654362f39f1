package io.muster.escalation.api;

import io.muster.escalation.api.PlanDocumentRecords.BackupChannelRequest;
import io.muster.escalation.api.PlanDocumentRecords.BackupChannelResponse;
import io.muster.escalation.api.PlanDocumentRecords.Comparison;
import io.muster.escalation.api.PlanDocumentRecords.OverviewRequest;
import io.muster.escalation.api.PlanDocumentRecords.OverviewResponse;
import io.muster.escalation.api.PlanDocumentRecords.PublishRequest;
import io.muster.escalation.api.PlanDocumentRecords.ReviewRequest;
import io.muster.escalation.api.PlanDocumentRecords.ReviewResponse;
import io.muster.escalation.api.PlanDocumentRecords.VersionResponse;
import io.muster.escalation.domain.PlanDocumentVersion;
import io.muster.escalation.service.PlanDocuments;
import io.muster.escalation.service.PlanDocuments.Format;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The incident response plan document: rendered live from the data (viewers see contact details masked), its
 * overview and review schedule, backup communication channels, and published versions with their comparison.
 */
@Path("/api/v1/plan-document")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanDocumentResource {

    static final String HTML = "text/html;charset=UTF-8";
    static final String MARKDOWN = "text/markdown;charset=UTF-8";
    private static final String FORMATS = "html|markdown";
    private static final String FORMATS_MESSAGE = "must be html or markdown";

    @Inject
    PlanDocuments documents;

    @Inject
    SecurityIdentity identity;

    /** {@code ?format=html|markdown}; without it, Markdown when the Accept header asks for text/markdown first. */
    @GET
    @Produces({ HTML, MARKDOWN })
    @RolesAllowed(Roles.VIEWER)
    public Response document(@QueryParam("format") @Pattern(regexp = FORMATS, message = FORMATS_MESSAGE) String format,
            @Context HttpHeaders headers) {
        Format chosen = format(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        return text(chosen, documents.render(chosen, seesContactDetails()));
    }

    @GET
    @Path("overview")
    @RolesAllowed(Roles.VIEWER)
    public OverviewResponse overview() {
        return OverviewResponse.of(documents.overview());
    }

    @PUT
    @Path("overview")
    @RolesAllowed(Roles.ADMIN)
    public OverviewResponse defineOverview(@NotNull @Valid OverviewRequest request) {
        return OverviewResponse.of(documents.defineOverview(request.text(), actor()));
    }

    @GET
    @Path("review")
    @RolesAllowed(Roles.VIEWER)
    public ReviewResponse review() {
        return ReviewResponse.of(documents.review());
    }

    @PUT
    @Path("review")
    @RolesAllowed(Roles.ADMIN)
    public ReviewResponse defineReview(@NotNull @Valid ReviewRequest request) {
        return ReviewResponse.of(documents.defineReview(request.toFields(), actor()));
    }

    @GET
    @Path("backup-channels")
    @RolesAllowed(Roles.VIEWER)
    public List<BackupChannelResponse> backupChannels() {
        boolean full = seesContactDetails();
        return documents.backupChannels().stream().map(c -> BackupChannelResponse.of(c, full)).toList();
    }

    @GET
    @Path("backup-channels/{id}")
    @RolesAllowed(Roles.VIEWER)
    public BackupChannelResponse backupChannel(@PathParam("id") UUID id) {
        return BackupChannelResponse.of(documents.backupChannel(id), seesContactDetails());
    }

    @POST
    @Path("backup-channels")
    @RolesAllowed(Roles.ADMIN)
    public Response createBackupChannel(@NotNull @Valid BackupChannelRequest request) {
        BackupChannelResponse body = BackupChannelResponse.of(documents.createBackupChannel(request.toFields(),
                actor()), true);
        return Response.created(URI.create("/api/v1/plan-document/backup-channels/" + body.id())).entity(body)
                .build();
    }

    @PUT
    @Path("backup-channels/{id}")
    @RolesAllowed(Roles.ADMIN)
    public BackupChannelResponse updateBackupChannel(@PathParam("id") UUID id,
            @NotNull @Valid BackupChannelRequest request) {
        return BackupChannelResponse.of(documents.updateBackupChannel(id, request.toFields(), actor()), true);
    }

    @DELETE
    @Path("backup-channels/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response deleteBackupChannel(@PathParam("id") UUID id) {
        documents.deleteBackupChannel(id, actor());
        return Response.noContent().build();
    }

    /** Whoever ran the test (joined the room, dialled the bridge) records it: responders too. */
    @POST
    @Path("backup-channels/{id}/tested")
    @RolesAllowed(Roles.RESPONDER)
    public BackupChannelResponse tested(@PathParam("id") UUID id) {
        return BackupChannelResponse.of(documents.tested(id, actor()), true);
    }

    @POST
    @Path("versions")
    @RolesAllowed(Roles.ADMIN)
    public Response publish(@NotNull @Valid PublishRequest request) {
        VersionResponse body = VersionResponse.of(documents.publish(request.note(), actor()));
        return Response.created(URI.create("/api/v1/plan-document/versions/" + body.version())).entity(body).build();
    }

    @GET
    @Path("versions")
    @RolesAllowed(Roles.VIEWER)
    public List<VersionResponse> versions() {
        return documents.versions().stream().map(VersionResponse::of).toList();
    }

    /** The snapshot as approved, rendered for an admin (contact details in full): responders and admins only. */
    @GET
    @Path("versions/{n}")
    @Produces({ HTML, MARKDOWN })
    @RolesAllowed(Roles.RESPONDER)
    public Response version(@PathParam("n") @Min(1) @Max(1_000_000) int n,
            @QueryParam("format") @Pattern(regexp = FORMATS, message = FORMATS_MESSAGE) String format,
            @Context HttpHeaders headers) {
        PlanDocumentVersion version = documents.version(n);
        Format chosen = format(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        return text(chosen, chosen == Format.HTML ? version.html : version.markdown);
    }

    /** A line diff of two versions' Markdown, as JSON hunks and as unified-diff text. */
    @GET
    @Path("versions/compare")
    @RolesAllowed(Roles.RESPONDER)
    public Comparison compare(@QueryParam("from") @NotNull @Min(1) @Max(1_000_000) Integer from,
            @QueryParam("to") @NotNull @Min(1) @Max(1_000_000) Integer to) {
        return Comparison.of(from, to, documents.compare(from, to));
    }

    private static Format format(String format, String accept) {
        if (format != null) {
            return Format.valueOf(format.toUpperCase(Locale.ROOT));
        }
        if (accept != null) {
            String a = accept.toLowerCase(Locale.ROOT);
            int markdown = a.indexOf("text/markdown");
            int html = a.indexOf("text/html");
            if (markdown >= 0 && (html < 0 || markdown < html)) {
                return Format.MARKDOWN;
            }
        }
        return Format.HTML;
    }

    private static Response text(Format format, String body) {
        return Response.ok(body, format == Format.HTML ? HTML : MARKDOWN).build();
    }

    /** Responders and admins see contact details in full; viewers see them masked. */
    private boolean seesContactDetails() {
        return identity.hasRole(Roles.RESPONDER) || identity.hasRole(Roles.ADMIN);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
