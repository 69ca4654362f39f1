package io.muster.console.web;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.console.web.DirectoryViews.Finding;
import io.muster.console.web.DirectoryViews.Readiness;
import io.muster.console.web.ReadinessReport.Subject;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The directory's readiness report: what would stop the right people being paged, per person and role; printable. */
@Path("/readiness")
@Produces(MediaType.TEXT_HTML)
public class ReadinessPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance readiness(String generatedAt, Map<String, Long> counts, List<Subject> subjects,
                String notice, String problem);
    }

    @Inject
    ServiceApi api;

    @GET
    public Response readiness() {
        ApiResult result = api.get(Backend.DIRECTORY, "/api/v1/readiness");
        Readiness report = result.ok() ? IncidentViews.read(result.body(), Readiness.class) : null;
        List<Finding> findings = report == null || report.findings() == null ? List.of() : report.findings();
        return Response.status(result.ok() ? 200 : IncidentPages.refusedStatus(result))
                .entity(Templates.readiness(report == null ? null : report.generatedAt(),
                        ReadinessReport.counts(findings), ReadinessReport.bySubject(findings), null,
                        result.failure()))
                .build();
    }
}
