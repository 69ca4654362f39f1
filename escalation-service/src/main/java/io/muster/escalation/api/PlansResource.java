package io.muster.escalation.api;

import io.muster.escalation.service.PlanCatalog;
import io.muster.platform.security.Roles;
import io.muster.contracts.Severity;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Escalation policies and response plans: admins write, viewers read. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlansResource {

    @Inject
    PlanCatalog catalog;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("escalation-policies")
    @RolesAllowed(Roles.ADMIN)
    public Response createPolicy(@NotNull @Valid PlanRecords.PolicyRequest request) {
        PlanRecords.PolicyResponse body = PlanRecords.PolicyResponse.of(catalog.createPolicy(request.toFields(),
                actor()));
        return Response.created(URI.create("/api/v1/escalation-policies/" + body.id())).entity(body).build();
    }

    @PUT
    @Path("escalation-policies/{id}")
    @RolesAllowed(Roles.ADMIN)
    public PlanRecords.PolicyResponse updatePolicy(@PathParam("id") UUID id,
            @NotNull @Valid PlanRecords.PolicyRequest request) {
        return PlanRecords.PolicyResponse.of(catalog.updatePolicy(id, request.toFields(), actor()));
    }

    @DELETE
    @Path("escalation-policies/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response deletePolicy(@PathParam("id") UUID id) {
        catalog.deletePolicy(id, actor());
        return Response.noContent().build();
    }

    @GET
    @Path("escalation-policies/{id}")
    @RolesAllowed(Roles.VIEWER)
    public PlanRecords.PolicyResponse policy(@PathParam("id") UUID id) {
        return PlanRecords.PolicyResponse.of(catalog.policy(id));
    }

    @GET
    @Path("escalation-policies")
    @RolesAllowed(Roles.VIEWER)
    public List<PlanRecords.PolicyResponse> policies() {
        return catalog.policies().stream().map(PlanRecords.PolicyResponse::of).toList();
    }

    @POST
    @Path("response-plans")
    @RolesAllowed(Roles.ADMIN)
    public Response createPlan(@NotNull @Valid PlanRecords.PlanRequest request) {
        PlanRecords.PlanResponse body = PlanRecords.PlanResponse.of(catalog.createPlan(request.toFields(), actor()));
        return Response.created(URI.create("/api/v1/response-plans/" + body.id())).entity(body).build();
    }

    @PUT
    @Path("response-plans/{id}")
    @RolesAllowed(Roles.ADMIN)
    public PlanRecords.PlanResponse updatePlan(@PathParam("id") UUID id,
            @NotNull @Valid PlanRecords.PlanRequest request) {
        return PlanRecords.PlanResponse.of(catalog.updatePlan(id, request.toFields(), actor()));
    }

    @DELETE
    @Path("response-plans/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response deletePlan(@PathParam("id") UUID id) {
        catalog.deletePlan(id, actor());
        return Response.noContent().build();
    }

    @GET
    @Path("response-plans/{id}")
    @RolesAllowed(Roles.VIEWER)
    public PlanRecords.PlanResponse plan(@PathParam("id") UUID id) {
        return PlanRecords.PlanResponse.of(catalog.plan(id));
    }

    @GET
    @Path("response-plans")
    @RolesAllowed(Roles.VIEWER)
    public List<PlanRecords.PlanResponse> plans() {
        return catalog.plans().stream().map(PlanRecords.PlanResponse::of).toList();
    }

    /** Severity definitions, most severe first, as they drive escalation. */
    @GET
    @Path("severities")
    @RolesAllowed(Roles.VIEWER)
    public List<PlanRecords.SeverityResponse> severities() {
        return catalog.severities().stream()
                .sorted(java.util.Comparator.comparing(d -> d.severity))
                .map(PlanRecords.SeverityResponse::of).toList();
    }

    @PUT
    @Path("severities/{severity}")
    @RolesAllowed(Roles.ADMIN)
    public PlanRecords.SeverityResponse defineSeverity(@PathParam("severity") Severity severity,
            @NotNull @Valid PlanRecords.SeverityRequest request) {
        return PlanRecords.SeverityResponse.of(catalog.defineSeverity(severity, request.toFields(), actor()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
