package io.muster.escalation.service;

import io.muster.contracts.Severity;
import io.muster.contracts.incidents.IncidentReclassified;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.SeverityDefinition;
import io.muster.escalation.domain.TimelineEntry;
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
import java.util.List;
import java.util.UUID;

/** What responders change on an incident once it is raised: resolve it, annotate it, change its severity or type. */
@ApplicationScoped
public class IncidentChanges {

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
    IncidentMetrics metrics;

    @Inject
    IncidentAccess access;

    @Inject
    IncidentPlaybooks playbooks;

    @Inject
    IncidentPhases phases;

    @Inject
    IncidentQueries queries;

    @Inject
    IncidentRepository incidents;

    /** Ends the incident (from triggered or acknowledged); a second resolve is refused. */
    @Transactional
    public Incident resolve(UUID id, Caller caller) {
        Incident incident = queries.locked(id);
        access.mayResolve(incident, caller);
        String actor = caller.name();
        if (incident.status == IncidentStatus.RESOLVED) {
            throw Refusal.conflict("incident-resolved", "status", "incident " + id + " is already resolved");
        }
        Object before = views.incident(incident);
        Instant now = clock.instant();
        incident.status = IncidentStatus.RESOLVED;
        incident.resolvedAt = now;
        incident.resolvedBy = actor;
        incident.updatedAt = now;
        engine.stop(incident);
        timeline.record(id, TimelineKind.RESOLVED, actor, "resolved");
        outbox.publish(new IncidentResolved(id, actor, incident.drill));
        metrics.resolved(incident, now);
        phases.resolved(incident, actor);
        audit.record(IncidentDesk.AUDIT_INCIDENT, id, "resolved", actor, before, views.incident(incident));
        return incident;
    }

    @Transactional
    public Incident resolveByDedupKey(String dedupKey, Caller caller) {
        return resolve(queries.openByDedupKey(dedupKey).id, caller);
    }

    @Transactional
    public TimelineEntry addNote(UUID id, String text, String actor) {
        Incident incident = queries.locked(id);
        incident.updatedAt = clock.instant();
        timeline.record(id, TimelineKind.NOTE, actor, text.strip());
        TimelineEntry note = incidents.latestEntry(id);
        audit.record(IncidentDesk.AUDIT_INCIDENT, id, "note-added", actor, null, views.timelineEntry(note));
        return note;
    }

    @Transactional
    public Incident changeSeverity(UUID id, Severity severity, String actor) {
        Incident incident = queries.locked(id);
        if (incident.status == IncidentStatus.RESOLVED) {
            throw Refusal.conflict("incident-resolved", "status",
                    "incident " + id + " is resolved; its severity is final");
        }
        Object before = views.incident(incident);
        Severity was = incident.severity;
        if (severity.isMoreSevereThan(incident.severity)) {
            raiseSeverity(incident, severity, actor);
        } else if (incident.severity != severity) {
            timeline.record(id, TimelineKind.SEVERITY_CHANGED, actor, incident.severity + " -> " + severity
                    + "; everyone already paged stays engaged");
            SeverityDefinition lower = SeverityDefinition.of(severity);
            outbox.publish(new IncidentSeverityChanged(id, incident.severity, severity, List.of(),
                    lower.allChannelsAtOnce, lower.bundlingExempt, actor, incident.drill));
            incident.severity = severity;
            incident.updatedAt = clock.instant();
        }
        if (was != incident.severity) {
            audit.record(IncidentDesk.AUDIT_INCIDENT, id, "severity-changed", actor, before,
                    views.incident(incident));
        }
        return incident;
    }

    /**
     * Changes the incident's type (a suspected malware infection found to be a personal-data breach): the new type's
     * plan applies the way a severity raise applies a new plan (the roles it requires that the incident has not
     * engaged are paged now), its playbook replaces the steps not yet done, and {@code IncidentReclassified} tells
     * the other services (deadline clocks start from it). Open incidents only; a calling system reclassifies only
     * what it raised.
     */
    @Transactional
    public Incident reclassify(UUID id, String incidentType, Caller caller) {
        Incident incident = queries.locked(id);
        access.mayChange(incident, caller, "reclassify");
        String actor = caller.name();
        if (incident.status == IncidentStatus.RESOLVED) {
            throw Refusal.conflict("incident-resolved", "incidentType",
                    "incident " + id + " is resolved; its type is final");
        }
        if (incident.incidentType.equals(incidentType)) {
            throw Refusal.conflict("same-incident-type", "incidentType",
                    "incident " + id + " is already of type " + incidentType);
        }
        Object before = views.incident(incident);
        String from = incident.incidentType;
        incident.incidentType = incidentType;
        incident.updatedAt = clock.instant();
        IncidentPlaybooks.Swap swap = playbooks.reclassified(incident);
        timeline.record(id, TimelineKind.RECLASSIFIED, actor, from + " -> " + incidentType + "; " + swap.describe());
        List<String> added = engine.replan(incident);
        timeline.record(id, TimelineKind.REPLANNED, Timeline.SYSTEM, added.isEmpty()
                ? "the " + incidentType + " / " + incident.severity + " plan requires no role the incident has not "
                        + "engaged"
                : "the " + incidentType + " / " + incident.severity + " plan requires " + String.join(", ", added)
                        + ": paged now");
        outbox.publish(new IncidentReclassified(id, from, incidentType, added, actor, incident.drill));
        audit.record(IncidentDesk.AUDIT_INCIDENT, id, "reclassified", actor, before, views.incident(incident));
        return incident;
    }

    /** Up: the plan for the new severity applies, and the roles it adds are paged now. */
    @Transactional(Transactional.TxType.MANDATORY)
    void raiseSeverity(Incident incident, Severity severity, String actor) {
        Severity was = incident.severity;
        timeline.record(incident.id, TimelineKind.SEVERITY_CHANGED, actor, was + " -> " + severity);
        incident.severity = severity;
        incident.updatedAt = clock.instant();
        List<String> added = List.of();
        if (incident.status != IncidentStatus.RESOLVED) {
            added = engine.replan(incident);
            timeline.record(incident.id, TimelineKind.REPLANNED, Timeline.SYSTEM, added.isEmpty()
                    ? "the " + severity + " plan requires no role the incident has not engaged"
                    : "the " + severity + " plan requires " + String.join(", ", added) + ": paged now");
        }
        SeverityDefinition higher = SeverityDefinition.of(severity);
        outbox.publish(new IncidentSeverityChanged(incident.id, was, severity, added, higher.allChannelsAtOnce,
                higher.bundlingExempt, actor, incident.drill));
    }
}
