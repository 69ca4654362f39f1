package io.muster.console.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import java.net.URI;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.contracts.Severity;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.console.web.IncidentViews.Incident;
import io.muster.console.web.IncidentViews.Playbook;
import io.muster.console.web.IncidentViews.Team;
import io.muster.console.web.IncidentViews.TimelineEntry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Incidents: the list with its filters, one incident's detail (facts, timeline, responders, playbook, deadline clocks)
 * with the actions escalation-service offers on it, and the raise form. Every write is a POST form mapped to the
 * service's own call; success redirects (303) to the page with a fixed notice, a refusal re-renders it with the
 * service's words and status.
 */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Map<String, Object>> incidents, Map<String, String> filter,
                List<String> statuses, Severity[] severities, String notice, String problem);

        static native TemplateInstance detail(Incident incident, List<TimelineEntry> timeline, Team team,
                Playbook playbook, List<String> unavailable, Severity[] severities, IncidentPhase[] phases,
                Map<String, String> form, String notice, String problem);

        static native TemplateInstance raise(Map<String, String> form, List<String> types, Severity[] severities,
                String notice, String problem);
    }

    /** The fixed notices a redirect may ask for (never text from the URL). */
    static final Map<String, String> DONE = Map.of(
            "raised", "Incident raised: the plan's roles are being paged.",
            "acknowledged", "Acknowledged: you have taken the incident; escalation stops for your roles.",
            "resolved", "Resolved.",
            "note", "Note added to the timeline.",
            "severity", "Severity changed; the plan for the new severity applies.",
            "phase", "Phase changed.",
            "step", "Step marked done.");

    private static final Pattern STEP_KEY = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern INCIDENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    @Inject
    ServiceApi api;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("drill") String drill) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("status", Forms.oneOf(status, Set.copyOf(withAll(IncidentStatus.NAMES))));
        filter.put("severity", Forms.oneOf(severity, Forms.names(Severity.values())));
        filter.put("type", Forms.trimmed(type, 80));
        filter.put("drill", Forms.oneOf(drill, Set.of("true", "false")));

        List<String> statuses = filter.get("status") == null ? IncidentStatus.OPEN
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
        return Templates.list(incidents, filter, IncidentStatus.NAMES, Severity.values(), null, problem);
    }

    @GET
    @Path("new")
    public TemplateInstance raiseForm() {
        // Every field present (null when empty): the template reads each of them.
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("title", "summary", "severity", "incidentType", "drill")) {
            form.put(field, null);
        }
        form.put("severity", "HIGH");
        return raisePage(form, null);
    }

    /** Raises the incident as the signed-in person (their token), then shows it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raise(@RestForm String title, @RestForm String summary, @RestForm String severity,
            @RestForm String incidentType, @RestForm String drill) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", Forms.trimmed(title, 200));
        form.put("summary", Forms.trimmed(summary, 10_000));
        form.put("severity", Forms.oneOf(severity, Forms.names(Severity.values())));
        form.put("incidentType", Forms.trimmed(incidentType, 80));
        form.put("drill", "on".equals(drill) || "true".equals(drill) ? "true" : null);
        List<String> missing = new ArrayList<>();
        if (form.get("title") == null) {
            missing.add("title must not be blank");
        }
        if (form.get("severity") == null) {
            missing.add("severity must be one of CRITICAL, HIGH, MEDIUM, LOW");
        }
        if (form.get("incidentType") == null || !INCIDENT_TYPE.matcher(form.get("incidentType")).matches()) {
            missing.add("incidentType must be chosen from the known types");
        }
        if (!missing.isEmpty()) {
            return Response.status(400).entity(raisePage(form, "Invalid request (" + String.join("; ", missing) + ")"))
                    .build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.get("title"));
        body.put("summary", form.get("summary"));
        body.put("severity", form.get("severity"));
        body.put("incidentType", form.get("incidentType"));
        body.put("source", "console");
        body.put("drill", form.get("drill") != null);
        ApiResult result = api.post(Backend.ESCALATION, "/api/v1/incidents", body);
        Object id = result.object().get("id");
        if (!result.ok() || id == null) {
            return Response.status(refusedStatus(result)).entity(raisePage(form, result.failure())).build();
        }
        return done(id.toString(), "raised");
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id, @QueryParam("done") String done) {
        return detailPage(id, Map.of(), done == null ? null : DONE.get(done), null, 200);
    }

    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("id") String id) {
        return write(id, Map.of(), "acknowledged",
                () -> api.post(Backend.ESCALATION, incidentPath(id) + "/acknowledge", null));
    }

    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") String id) {
        return write(id, Map.of(), "resolved", () -> api.post(Backend.ESCALATION, incidentPath(id) + "/resolve", null));
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNote(@PathParam("id") String id, @RestForm String text) {
        String note = Forms.trimmed(text, 4_000);
        Map<String, String> form = note == null ? Map.of() : Map.of("note", note);
        if (note == null) {
            return detailPage(id, form, null, "Invalid request (text must not be blank)", 400);
        }
        return write(id, form, "note", () -> api.post(Backend.ESCALATION, incidentPath(id) + "/notes",
                Map.of("text", note)));
    }

    /** The page's form is a POST; the service's call is a PUT. */
    @POST
    @Path("{id}/severity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeSeverity(@PathParam("id") String id, @RestForm String severity) {
        String chosen = Forms.oneOf(severity, Forms.names(Severity.values()));
        if (chosen == null) {
            return detailPage(id, Map.of(), null, "Invalid request (severity must be one of CRITICAL, HIGH, MEDIUM, LOW)",
                    400);
        }
        return write(id, Map.of(), "severity", () -> api.put(Backend.ESCALATION, incidentPath(id) + "/severity",
                Map.of("severity", chosen)));
    }

    @POST
    @Path("{id}/phase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePhase(@PathParam("id") String id, @RestForm String phase) {
        String chosen = Forms.oneOf(phase, Forms.names(IncidentPhase.values()));
        if (chosen == null) {
            return detailPage(id, Map.of(), null, "Invalid request (phase must be one of "
                    + String.join(", ", Forms.names(IncidentPhase.values()).stream().sorted().toList()) + ")", 400);
        }
        return write(id, Map.of(), "phase", () -> api.post(Backend.ESCALATION, incidentPath(id) + "/phase",
                Map.of("phase", chosen)));
    }

    @POST
    @Path("{id}/steps/{stepKey}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stepDone(@PathParam("id") String id, @PathParam("stepKey") String stepKey, @RestForm String note) {
        if (stepKey == null || !STEP_KEY.matcher(stepKey).matches()) {
            return detailPage(id, Map.of(), null, "Invalid request (stepKey must be a step key)", 400);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", Forms.trimmed(note, 2_000));
        return write(id, Map.of(), "step", () -> api.post(Backend.ESCALATION,
                incidentPath(id) + "/playbook/steps/" + ServiceApi.segment(stepKey) + "/done", body));
    }

    private Response write(String id, Map<String, String> form, String done, java.util.function.Supplier<ApiResult> call) {
        if (uuid(id) == null) {
            return notFound(id);
        }
        ApiResult result = call.get();
        if (!result.ok()) {
            return detailPage(id, form, null, result.failure(), refusedStatus(result));
        }
        return done(id, done);
    }

    private Response detailPage(String id, Map<String, String> given, String notice, String problem, int status) {
        // The note the person typed is kept when a write is refused; the template reads the key either way.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("note", given.get("note"));
        UUID incidentId = uuid(id);
        if (incidentId == null) {
            return notFound(id);
        }
        String path = incidentPath(id);
        ApiResult incident = api.get(Backend.ESCALATION, path);
        Incident found = incident.ok() ? IncidentViews.read(incident.body(), Incident.class) : null;
        if (found == null) {
            int code = incident.status() == 404 ? 404 : incident.answered() ? incident.status() : 503;
            return Response.status(code).entity(Templates.detail(null, List.of(), null, null, List.of(),
                    Severity.values(), IncidentPhase.values(), form, notice, problem != null ? problem
                            : incident.status() == 404 ? "No incident has this id." : incident.failure())).build();
        }
        List<String> unavailable = new ArrayList<>();
        ApiResult timeline = api.get(Backend.ESCALATION, path + "/timeline");
        ApiResult team = api.get(Backend.ESCALATION, path + "/responders");
        ApiResult playbook = api.get(Backend.ESCALATION, path + "/playbook");
        for (ApiResult r : List.of(timeline, team, playbook)) {
            if (!r.ok()) {
                unavailable.add(r.failure());
            }
        }
        List<TimelineEntry> entries = new ArrayList<>(IncidentViews.readList(timeline.ok() ? timeline.body() : null,
                TimelineEntry.class));
        // Newest first: the page is read during an incident, when the latest entry matters most.
        entries.sort(Comparator.comparing((TimelineEntry e) -> AuditFeed.instant(e.at()),
                Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Comparator.comparingLong(TimelineEntry::id).reversed()));
        return Response.status(status).entity(Templates.detail(found, entries,
                team.ok() ? IncidentViews.read(team.body(), Team.class) : null,
                playbook.ok() ? IncidentViews.read(playbook.body(), Playbook.class) : null,
                unavailable.stream().distinct().toList(), Severity.values(), IncidentPhase.values(), form, notice,
                problem)).build();
    }

    private TemplateInstance raisePage(Map<String, String> form, String problem) {
        // The known incident types: those with a playbook or a response plan ("*" is every type's fallback).
        Set<String> types = new TreeSet<>();
        String unavailable = null;
        ApiResult playbooks = api.get(Backend.ESCALATION, "/api/v1/playbooks");
        ApiResult plans = api.get(Backend.ESCALATION, "/api/v1/response-plans");
        for (ApiResult r : List.of(playbooks, plans)) {
            if (!r.ok()) {
                unavailable = r.failure();
            }
            r.rows().forEach(row -> {
                Object type = row.get("incidentType");
                if (type != null && INCIDENT_TYPE.matcher(type.toString()).matches()) {
                    types.add(type.toString());
                }
            });
        }
        return Templates.raise(form, List.copyOf(types), Severity.values(), null,
                problem != null ? problem : unavailable);
    }

    private static Response done(String id, String code) {
        return Response.seeOther(URI.create("/incidents/" + ServiceApi.segment(id) + "?done=" + code)).build();
    }

    private Response notFound(String id) {
        return Response.status(404).entity(Templates.detail(null, List.of(), null, null, List.of(), Severity.values(),
                IncidentPhase.values(), Map.of(), null, "No incident has this id.")).build();
    }

    /** The service's own 4xx; a service that did not answer (or failed) is a 502/503 of the page. */
    static int refusedStatus(ApiResult result) {
        if (!result.answered()) {
            return 503;
        }
        return result.status() >= 400 && result.status() < 500 ? result.status() : 502;
    }

    private static String incidentPath(String id) {
        return "/api/v1/incidents/" + ServiceApi.segment(id);
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> withAll(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add("ALL");
        return all;
    }
}
