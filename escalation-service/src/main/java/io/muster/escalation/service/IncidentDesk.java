package io.muster.escalation.service;

import io.muster.contracts.incidents.IncidentPhase;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.DrillFaults;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.TimelineKind;
import io.muster.escalation.persistence.IncidentRepository;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where incidents are raised: a trigger opens an incident, or folds into the open one with its dedup key. What
 * happens next lives beside it: {@link IncidentAcknowledgements}, {@link IncidentChanges}, {@link IncidentQueries}.
 */
@ApplicationScoped
public class IncidentDesk {

    static final String AUDIT_INCIDENT = "incident";

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    AuditViews views;

    @Inject
    Clock clock;

    @Inject
    EscalationEngine engine;

    @Inject
    Timeline timeline;

    @Inject
    IncidentAccess access;

    @Inject
    IncidentPlaybooks playbooks;

    @Inject
    IncidentChanges changes;

    @Inject
    IncidentRepository incidents;

    /** The outcome of a trigger: the incident, and whether the trigger opened it or was folded into it. */
    public record Raised(Incident incident, boolean opened) {
    }

    @Transactional
    public Raised raise(RaiseIncident request, Caller who) {
        access.mayRaise(who, request.drill());
        String caller = who.name();
        if (request.silent() && !request.drill()) {
            throw Refusal.invalid("silent", "only a drill can be silent");
        }
        if (request.drillFaults() != null && !request.drill()) {
            throw Refusal.invalid("drillFaults", "only a drill can inject faults");
        }
        Instant now = clock.instant();
        String dedupKey = request.dedupKey() == null || request.dedupKey().isBlank()
                ? UUID.randomUUID().toString() : request.dedupKey().strip();
        incidents.lockDedupKey(dedupKey);
        Optional<Incident> open = incidents.findOpenByDedupKey(dedupKey);
        if (open.isPresent()) {
            return new Raised(foldInto(open.get(), request, who, now), false);
        }
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.title = request.title().strip();
        incident.summary = request.summary() == null ? "" : request.summary().strip();
        incident.severity = request.severity();
        incident.incidentType = request.incidentType();
        incident.source = request.source() == null || request.source().isBlank() ? caller : request.source().strip();
        incident.dedupKey = dedupKey;
        incident.status = IncidentStatus.TRIGGERED;
        incident.drill = request.drill();
        incident.silent = request.silent();
        incident.injectFaults(request.drillFaults());
        incident.requiredRoles(request.requiredRoles());
        incident.triggerCount = 1;
        incident.createdBy = caller;
        incident.raisedBy = who.ref();
        incident.createdAt = now;
        incident.updatedAt = now;
        incident.phase = IncidentPhase.DETECT;
        incident.phaseSince = IncidentPhases.since(now);
        incident.persist();
        outbox.publish(new IncidentTriggered(incident.id, incident.title, incident.severity, incident.incidentType,
                incident.source, incident.dedupKey, incident.drill));
        timeline.record(incident.id, TimelineKind.TRIGGERED, caller, incident.severity + " " + incident.incidentType
                + ": " + incident.title + (incident.drill ? " (drill)" : ""));
        DrillFaults faults = incident.drillFaults();
        if (!faults.isNone()) {
            timeline.record(incident.id, TimelineKind.DRILL_FAULTS, caller, describe(faults));
        }
        playbooks.assign(incident);
        engine.start(incident);
        audit.record(AUDIT_INCIDENT, incident.id, "raised", caller, null, views.incident(incident));
        return new Raised(incident, true);
    }

    /** Another trigger with the open incident's dedup key: counted, and a higher severity applies. */
    private Incident foldInto(Incident incident, RaiseIncident request, Caller who, Instant now) {
        access.mayFoldInto(incident, who);
        String caller = who.name();
        Object before = views.incident(incident);
        incident.triggerCount++;
        incident.updatedAt = now;
        timeline.record(incident.id, TimelineKind.RETRIGGERED, caller,
                "trigger " + incident.triggerCount + " folded in by dedup key");
        if (request.severity().isMoreSevereThan(incident.severity)) {
            changes.raiseSeverity(incident, request.severity(), caller);
        }
        audit.record(AUDIT_INCIDENT, incident.id, "retriggered", caller, before, views.incident(incident));
        return incident;
    }

    private static String describe(DrillFaults faults) {
        List<String> parts = new ArrayList<>();
        if (!faults.unavailableContacts().isEmpty()) {
            parts.add("unavailable contacts " + faults.unavailableContacts());
        }
        if (!faults.unavailableRoles().isEmpty()) {
            parts.add("unavailable roles " + faults.unavailableRoles());
        }
        if (!faults.downChannels().isEmpty()) {
            parts.add("channels down " + faults.downChannels());
        }
        return "drill faults injected: " + String.join("; ", parts);
    }
}
