package io.muster.gameday.api;

import io.muster.gameday.service.ReviewBook;
import io.muster.gameday.service.RunReports;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import io.muster.platform.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** What happened in a run: its scorecard as JSON, the printable report, and the lessons learned. */
@Path("/api/v1/runs")
public class RunsResource {

    @Inject
    RunReports reports;

    @Inject
    ReviewBook reviews;

    @Inject
    SecurityIdentity identity;

    /** Replaces the lessons learned and action items of the run's review (opened by the first call). */
    @PUT
    @Path("{id}/lessons")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESPONDER)
    public ReviewResponse recordLessons(@PathParam("id") UUID id, @NotNull @Valid LessonsRequest request) {
        return ReviewResponse.of(reviews.recordRunLessons(id, request.toFields(), identity.getPrincipal().getName()));
    }

    @GET
    @Path("{id}/lessons")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    public ReviewResponse lessons(@PathParam("id") UUID id) {
        return ReviewResponse.of(reviews.ofRun(id));
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(RunReportView view);
    }

    /** The scorecard as a printable HTML page with an inline SVG timeline; no scripts. */
    @GET
    @Path("{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance report(@PathParam("id") UUID id) {
        return Templates.report(RunReportView.of(reports.card(id), reviews.findOfRun(id).orElse(null)));
    }

    @GET
    @Path("{id}/scorecard")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    public RunReports.RunCard scorecard(@PathParam("id") UUID id) {
        return reports.card(id);
    }
}
