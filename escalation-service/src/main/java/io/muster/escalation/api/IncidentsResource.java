package io.muster.escalation.api;

import io.muster.contracts.Severity;
import io.muster.escalation.domain.IncidentFilter;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.service.DeadlineClocks;
import io.muster.escalation.service.IncidentAcknowledgements;
import io.muster.escalation.service.IncidentAcknowledgements.Acknowledgement;
import io.muster.escalation.service.IncidentChanges;
import io.muster.escalation.service.IncidentDesk;
import io.muster.escalation.service.IncidentPhases;
import io.muster.escalation.service.IncidentPlaybooks;
import io.muster.escalation.service.IncidentQueries;
import io.muster.escalation.service.Responders;
import io.muster.platform.problem.ProblemException;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentsResource {

    @Inject
    IncidentDesk desk;

    @Inject
    IncidentAcknowledgements acknowledgements;

    @Inject
    IncidentChanges changes;

    @Inject
    IncidentQueries queries;

    @Inject
    SecurityIdentity identity;

    @Inject
    Responders responders;

    @Inject
    IncidentPlaybooks playbooks;

    @Inject
    IncidentPhases phases;

    @Inject
    DeadlineClocks clocks;

    /** 201 when the trigger opened an incident, 200 when its dedup key folded it into an open one. */
    @POST
    @RolesAllowed({ Roles.RESPONDER, Roles.INTEGRATION, Roles.GAMEDAY })
    public Response raise(@NotNull @Valid RaiseIncidentRequest request) {
        IncidentDesk.Raised raised = desk.raise(request.command(), Callers.of(identity));
        IncidentResponse body = IncidentResponse.of(raised.incident());
        return raised.opened()
                ? Response.created(URI.create("/api/v1/incidents/" + body.id())).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VIEWER, Roles.INTEGRATION, Roles.GAMEDAY })
    public IncidentResponse get(@PathParam("id") UUID id) {
        return IncidentResponse.of(queries.get(id)).withClocks(clocks.of(id));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<IncidentResponse> list(@QueryParam("status") IncidentStatus status,
            @QueryParam("severity") Severity severity,
            @QueryParam("incidentType") @Size(max = 80) String incidentType,
            @QueryParam("drill") Boolean drill,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return queries.list(new IncidentFilter(status, severity, incidentType, drill, limit)).stream()
                .map(IncidentResponse::of).toList();
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({ Roles.VIEWER, Roles.GAMEDAY })
    public List<TimelineEntryResponse> timeline(@PathParam("id") UUID id) {
        return queries.timeline(id).stream().map(TimelineEntryResponse::of).toList();
    }

    /** Each person paged, for which roles, each channel's outcome and how they answered; each role's engagement. */
    @GET
    @Path("{id}/responders")
    @RolesAllowed({ Roles.VIEWER, Roles.INTEGRATION, Roles.GAMEDAY })
    public Responders.Team responders(@PathParam("id") UUID id) {
        return responders.of(id);
    }

    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed({ Roles.RESPONDER, Roles.INTEGRATION, Roles.GAMEDAY })
    public IncidentResponse acknowledge(@PathParam("id") UUID id) {
        return acknowledged(acknowledgements.acknowledge(Acknowledgement.byCaller(id, Callers.of(identity))));
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed({ Roles.RESPONDER, Roles.INTEGRATION, Roles.GAMEDAY })
    public IncidentResponse resolve(@PathParam("id") UUID id) {
        return IncidentResponse.of(changes.resolve(id, Callers.of(identity)));
    }

    /** For calling systems that know only the dedup key they raised with. */
    @POST
    @Path("acknowledge")
    @RolesAllowed({ Roles.RESPONDER, Roles.INTEGRATION, Roles.GAMEDAY })
    public IncidentResponse acknowledgeByDedupKey(@NotNull @Valid IncidentRequests.ByDedupKey request) {
        return acknowledged(acknowledgements.acknowledge(
                Acknowledgement.byCallerWithDedupKey(request.dedupKey(), Callers.of(identity))));
    }

    @POST
    @Path("resolve")
    @RolesAllowed({ Roles.RESPONDER, Roles.INTEGRATION, Roles.GAMEDAY })
    public IncidentResponse resolveByDedupKey(@NotNull @Valid IncidentRequests.ByDedupKey request) {
        return IncidentResponse.of(changes.resolveByDedupKey(request.dedupKey(), Callers.of(identity)));
    }

    @POST
    @Path("{id}/notes")
    @RolesAllowed(Roles.RESPONDER)
    public Response addNote(@PathParam("id") UUID id, @NotNull @Valid IncidentRequests.Note request) {
        return Response.status(201).entity(TimelineEntryResponse.of(changes.addNote(id, request.text(), caller())))
                .build();
    }

    @PUT
    @Path("{id}/severity")
    @RolesAllowed(Roles.RESPONDER)
    public IncidentResponse changeSeverity(@PathParam("id") UUID id,
            @NotNull @Valid IncidentRequests.SeverityChange request) {
        return IncidentResponse.of(changes.changeSeverity(id, request.severity(), caller()));
    }

    /** The incident's playbook steps by phase, done or not, by whom and when. */
    @GET
    @Path("{id}/playbook")
    @RolesAllowed({ Roles.VIEWER, Roles.INTEGRATION, Roles.GAMEDAY })
    public PlaybookRecords.IncidentPlaybook playbook(@PathParam("id") UUID id) {
        return PlaybookRecords.IncidentPlaybook.of(playbooks.of(id));
    }

    /** Marks a step done (once: again is a 409); a calling system only on incidents it raised. */
    @POST
    @Path("{id}/playbook/steps/{stepKey}/done")
    @RolesAllowed({ Roles.RESPONDER, Roles.INTEGRATION, Roles.GAMEDAY })
    public PlaybookRecords.IncidentStep stepDone(@PathParam("id") UUID id,
            @PathParam("stepKey") @Size(max = 63) @Pattern(regexp = PlaybookRecords.KEY,
                    message = "must be a step key: a lower-case letter, then lower-case letters, digits or dashes")
            String stepKey,
            @Valid PlaybookRecords.StepDone request) {
        return PlaybookRecords.IncidentStep.of(playbooks.markDone(id, stepKey, request == null ? null : request.note(),
                Callers.of(identity)));
    }

    @POST
    @Path("{id}/phase")
    @RolesAllowed(Roles.RESPONDER)
    public IncidentResponse changePhase(@PathParam("id") UUID id,
            @NotNull @Valid PlaybookRecords.PhaseChange request) {
        return IncidentResponse.of(phases.move(id, request.phase(), caller()));
    }

    /** Reclassifies the incident: the new type's plan and playbook apply; a calling system only its own. */
    @POST
    @Path("{id}/type")
    @RolesAllowed({ Roles.RESPONDER, Roles.INTEGRATION })
    public IncidentResponse reclassify(@PathParam("id") UUID id,
            @NotNull @Valid PlaybookRecords.TypeChange request) {
        return IncidentResponse.of(changes.reclassify(id, request.incidentType(), Callers.of(identity)));
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    /*
     * An acknowledgement a drill fault ignores was recorded on the timeline (committed), but the caller did not
     * take the incident: 409, so a client never mistakes it for success.
     */
    private static IncidentResponse acknowledged(IncidentAcknowledgements.Outcome outcome) {
        if (outcome.ignored()) {
            throw ProblemException.conflict("drill-fault-ack-ignored", "drillFaults", "acknowledgement ignored: "
                    + "the caller is unavailable in this drill (" + outcome.ignoredBecause()
                    + "); escalation continues");
        }
        return IncidentResponse.of(outcome.incident());
    }
}
