package io.muster.console.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.contracts.Severity;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Incidents: the list with its filters (more pages of this area live beside it). */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

    /** Incident statuses as escalation-service names them; "open" is the first two. */
    static final List<String> STATUSES = List.of("TRIGGERED", "ACKNOWLEDGED", "RESOLVED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Map<String, Object>> incidents, Map<String, String> filter,
                List<String> statuses, Severity[] severities, String notice, String problem);
    }

    @Inject
    ServiceApi api;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("drill") String drill) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("status", Forms.oneOf(status, Set.copyOf(withAll(STATUSES))));
        filter.put("severity", Forms.oneOf(severity, Forms.names(Severity.values())));
        filter.put("type", Forms.trimmed(type, 80));
        filter.put("drill", Forms.oneOf(drill, Set.of("true", "false")));

        List<String> statuses = filter.get("status") == null ? List.of("TRIGGERED", "ACKNOWLEDGED")
                : "ALL".equals(filter.get("status")) ? java.util.Collections.singletonList(null)
                : List.of(filter.get("status"));
        List<Map<String, Object>> incidents = new ArrayList<>();
        String problem = null;
        for (String s : statuses) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("status", s);
            query.put("severity", filter.get("severity"));
            query.put("incidentType", filter.get("type"));
            query.put("drill", filter.get("drill"));
            query.put("limit", 100);
            ApiResult result = api.get(Backend.ESCALATION, "/api/v1/incidents", query);
            if (!result.ok()) {
                problem = result.failure();
            }
            incidents.addAll(result.rows());
        }
        incidents.sort(Comparator.comparing((Map<String, Object> i) -> Objects.toString(i.get("createdAt"), ""))
                .reversed());
        return Templates.list(incidents, filter, STATUSES, Severity.values(), null, problem);
    }

    private static List<String> withAll(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add("ALL");
        return all;
    }
}
