package io.muster.console.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Response plans (incident type x severity -> roles and an escalation policy) and severity definitions, with an
 * editor for admins (escalation's rule: admins change plans and policies) and the preview of who a raise would page
 * right now: escalation-service's own response-team preview, which applies the same rule and opening as a raise and
 * pages nobody.
 */
@Path("/plans")
@Produces(MediaType.TEXT_HTML)
public class PlansPage {

    /** Asked of the preview for a plan that covers every type ({@code *}): a type no plan of its own names. */
    static final String ANY_TYPE_PROBE = "any-other-type";

    /**
     * The plans, policies, severities and preview are the services' JSON as maps and lists, which Qute cannot
     * type-check: they go in as untyped data (TemplateInstance.data); the declared parameters stay checked.
     */
    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance page(String previewProblem, String previewType, long plansSharingPolicy,
                String notice, String problem);
    }

    @Inject
    ServiceApi api;

    @GET
    public TemplateInstance page(@QueryParam("plan") String plan, @QueryParam("done") String done) {
        String notice = switch (Objects.toString(done, "")) {
            case "plan-saved" -> "The plan was saved; the preview below is recomputed from it.";
            case "stages-saved" -> "The policy's stages were saved; the preview below is recomputed from them.";
            default -> null;
        };
        return render(OnCallPage.uuid(Forms.trimmed(plan, 36)), notice, null, null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePlan(@PathParam("id") String id, @FormParam("policyId") String policyId,
            @FormParam("requiredRoles") List<String> requiredRoles,
            @FormParam("rolesToEngage") List<String> rolesToEngage) {
        UUID plan = OnCallPage.uuid(id);
        if (plan == null) {
            return Response.status(404).entity(render(null, null, "No such plan", null)).build();
        }
        ApiResult current = api.get(Backend.ESCALATION, "/api/v1/response-plans/" + plan);
        if (!current.ok()) {
            return Response.status(IntegrationsPage.status(current)).entity(render(plan, null, current.failure(), null))
                    .build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidentType", current.object().get("incidentType"));
        body.put("severity", current.object().get("severity"));
        String policy = Forms.trimmed(policyId, 36);
        body.put("policyId", OnCallPage.uuid(policy) == null ? current.object().get("policyId") : policy);
        body.put("rolesToEngage", keys(rolesToEngage));
        body.put("requiredRoles", keys(requiredRoles));
        ApiResult saved = api.put(Backend.ESCALATION, "/api/v1/response-plans/" + plan, body);
        if (!saved.ok()) {
            return Response.status(IntegrationsPage.status(saved)).entity(render(plan, null, saved.failure(), body))
                    .build();
        }
        return Response.seeOther(URI.create("/plans?plan=" + plan + "&done=plan-saved#plan-preview")).build();
    }

    @POST
    @Path("{id}/stages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveStages(@PathParam("id") String id, @FormParam("policyId") String policyId,
            @FormParam("stageRoles") List<String> stageRoles, @FormParam("stageTimeout") List<String> stageTimeout) {
        UUID plan = OnCallPage.uuid(id);
        UUID policy = OnCallPage.uuid(Forms.trimmed(policyId, 36));
        if (plan == null || policy == null) {
            return Response.status(400).entity(render(plan, null, "No such plan or policy (policyId)", null)).build();
        }
        ApiResult current = api.get(Backend.ESCALATION, "/api/v1/escalation-policies/" + policy);
        if (!current.ok()) {
            return Response.status(IntegrationsPage.status(current)).entity(render(plan, null, current.failure(), null))
                    .build();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> existing = (List<Map<String, Object>>) current.object().getOrDefault("stages",
                List.of());
        StageForm.Parsed parsed = StageForm.parse(bounded(stageRoles), bounded(stageTimeout), existing);
        if (parsed.problem() != null) {
            return Response.status(400).entity(render(plan, null, parsed.problem(), null)).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", current.object().get("name"));
        body.put("repeats", current.object().get("repeats"));
        body.put("stages", parsed.stages());
        body.put("stakeholders", current.object().get("stakeholders"));
        ApiResult saved = api.put(Backend.ESCALATION, "/api/v1/escalation-policies/" + policy, body);
        if (!saved.ok()) {
            return Response.status(IntegrationsPage.status(saved)).entity(render(plan, null, saved.failure(), null))
                    .build();
        }
        return Response.seeOther(URI.create("/plans?plan=" + plan + "&done=stages-saved#plan-preview")).build();
    }

    private TemplateInstance render(UUID planId, String notice, String problem, Map<String, Object> keptPlan) {
        ApiResult plans = api.get(Backend.ESCALATION, "/api/v1/response-plans");
        ApiResult severities = api.get(Backend.ESCALATION, "/api/v1/severities");
        ApiResult policies = api.get(Backend.ESCALATION, "/api/v1/escalation-policies");
        ApiResult roles = api.get(Backend.DIRECTORY, "/api/v1/roles");
        if (problem == null) {
            problem = List.of(plans, severities, policies, roles).stream().map(ApiResult::failure)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        Map<String, String> policyNames = policies.rows().stream().collect(Collectors.toMap(
                p -> Objects.toString(p.get("id")), p -> Objects.toString(p.get("name")), (a, b) -> a));
        List<Map<String, Object>> planRows = new ArrayList<>();
        for (Map<String, Object> p : plans.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(p);
            row.put("policyName", policyNames.getOrDefault(Objects.toString(p.get("policyId")), "?"));
            planRows.add(row);
        }
        planRows.sort((a, b) -> (Objects.toString(a.get("incidentType")) + severityRank(a))
                .compareTo(Objects.toString(b.get("incidentType")) + severityRank(b)));

        Map<String, Object> selected = planRows.stream()
                .filter(p -> planId != null && planId.toString().equals(p.get("id"))).findFirst().orElse(null);
        Map<String, Object> policy = null;
        List<Map<String, Object>> stages = List.of();
        Map<String, Object> preview = null;
        String previewProblem = null;
        String previewType = null;
        long sharing = 0;
        if (selected != null) {
            if (keptPlan != null) {
                selected = new LinkedHashMap<>(selected);
                selected.putAll(keptPlan);
            }
            Object policyId = selected.get("policyId");
            policy = policies.rows().stream().filter(p -> Objects.equals(p.get("id"), policyId)).findFirst()
                    .orElse(null);
            if (policy != null) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> s = (List<Map<String, Object>>) policy.getOrDefault("stages", List.of());
                stages = s;
            }
            sharing = planRows.stream().filter(p -> Objects.equals(p.get("policyId"), policyId)).count();
            Set<String> types = planRows.stream().map(p -> Objects.toString(p.get("incidentType")))
                    .collect(Collectors.toSet());
            previewType = Objects.toString(selected.get("incidentType"));
            if ("*".equals(previewType)) {
                previewType = ANY_TYPE_PROBE;
                while (types.contains(previewType)) {
                    previewType = previewType + "-x";
                }
            }
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("incidentType", previewType);
            query.put("severity", selected.get("severity"));
            ApiResult team = api.get(Backend.ESCALATION, "/api/v1/response-team", query);
            preview = team.ok() ? team.object() : null;
            previewProblem = team.failure();
        }
        List<Map<String, Object>> roleOptions = new ArrayList<>();
        for (Map<String, Object> r : roles.rows()) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("key", r.get("key"));
            option.put("name", r.get("name"));
            option.put("required", selected != null && listed(selected.get("requiredRoles"), r.get("key")));
            option.put("engage", selected != null && listed(selected.get("rolesToEngage"), r.get("key")));
            roleOptions.add(option);
        }
        return Templates.page(previewProblem, previewType, sharing, notice, problem)
                .data("plans", planRows).data("severities", severities.rows()).data("policies", policies.rows())
                .data("selected", selected).data("policy", policy).data("stages", stages).data("roles", roleOptions)
                .data("preview", preview);
    }

    private static boolean listed(Object list, Object value) {
        return list instanceof List<?> l && l.contains(value);
    }

    private static String severityRank(Map<String, Object> plan) {
        return switch (Objects.toString(plan.get("severity"))) {
            case "CRITICAL" -> "0";
            case "HIGH" -> "1";
            case "MEDIUM" -> "2";
            default -> "3";
        };
    }

    private static List<String> keys(List<String> values) {
        return bounded(values).stream().map(v -> Forms.trimmed(v, 80)).filter(Objects::nonNull).distinct().toList();
    }

    private static List<String> bounded(List<String> values) {
        return values == null ? List.of() : values.subList(0, Math.min(values.size(), 20));
    }
}
