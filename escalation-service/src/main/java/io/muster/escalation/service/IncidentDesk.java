package io.muster.escalation.service;

import io.muster.contracts.Severity;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.contracts.incidents.IncidentReclassified;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.contracts.pages.AckMethod;
import io.muster.escalation.api.IncidentResponse;
import io.muster.escalation.api.RaiseIncidentRequest;
import io.muster.escalation.api.TimelineEntryResponse;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.DrillFaults;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.SeverityDefinition;
import io.muster.escalation.domain.TimelineEntry;
import io.muster.escalation.domain.TimelineKind;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.outbox.Outbox;
import io.muster.platform.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where incidents are raised, deduplicated, acknowledged, resolved, annotated and looked up. */
@ApplicationScoped
public class IncidentDesk {

    static final String AUDIT_INCIDENT = "incident";

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    EscalationEngine engine;

    @Inject
    Timeline timeline;

    @Inject
    IncidentMetrics metrics;

    @Inject
    OnCallResolver resolver;

    @Inject
    IncidentAccess access;

    @Inject
    IncidentPlaybooks playbooks;

    @Inject
    IncidentPhases phases;

    @Inject
    DrillAcknowledgements drillAcks;

    /** The outcome of a trigger: the incident, and whether the trigger opened it or was folded into it. */
    public record Raised(Incident incident, boolean opened) {
    }

    /**
     * The outcome of an acknowledgement through the API: taken, or ignored because a drill fault makes the caller
     * unavailable ({@code ignoredBecause} says which fault; escalation carries on).
     */
    public record Acknowledgement(Incident incident, String ignoredBecause) {
        public boolean ignored() {
            return ignoredBecause != null;
        }
    }

    /** Filters for listing; null means "any". */
    public record Filter(IncidentStatus status, Severity severity, String incidentType, Boolean drill, int limit) {
    }

    @Transactional
    public Raised raise(RaiseIncidentRequest request, Caller who) {
        access.mayRaise(who, Boolean.TRUE.equals(request.drill()));
        String caller = who.name();
        if (Boolean.TRUE.equals(request.silent()) && !Boolean.TRUE.equals(request.drill())) {
            throw ProblemException.badRequest("silent", "only a drill can be silent");
        }
        if (request.drillFaults() != null && !Boolean.TRUE.equals(request.drill())) {
            throw ProblemException.badRequest("drillFaults", "only a drill can inject faults");
        }
        Instant now = clock.instant();
        String dedupKey = request.dedupKey() == null || request.dedupKey().isBlank()
                ? UUID.randomUUID().toString() : request.dedupKey().strip();
        // Two triggers with one dedup key at the same moment (an alert source retrying) must fold, not collide.
        Incident.getEntityManager().createNativeQuery(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "dedup:" + dedupKey).getSingleResult();
        Optional<Incident> open = Incident.findOpenByDedupKey(dedupKey);
        if (open.isPresent()) {
            Incident incident = open.get();
            access.mayFoldInto(incident, who);
            IncidentResponse before = IncidentResponse.of(incident);
            incident.triggerCount++;
            incident.updatedAt = now;
            timeline.record(incident.id, TimelineKind.RETRIGGERED, caller,
                    "trigger " + incident.triggerCount + " folded in by dedup key");
            if (request.severity().isMoreSevereThan(incident.severity)) {
                raiseSeverity(incident, request.severity(), caller);
            }
            audit.record(AUDIT_INCIDENT, incident.id, "retriggered", caller, before, IncidentResponse.of(incident));
            return new Raised(incident, false);
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
        incident.drill = Boolean.TRUE.equals(request.drill());
        incident.silent = Boolean.TRUE.equals(request.silent());
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
                + ": "
                + incident.title + (incident.drill ? " (drill)" : ""));
        DrillFaults faults = incident.drillFaults();
        if (!faults.isNone()) {
            timeline.record(incident.id, TimelineKind.DRILL_FAULTS, caller, describe(faults));
        }
        playbooks.assign(incident);
        engine.start(incident);
        audit.record(AUDIT_INCIDENT, incident.id, "raised", caller, null, IncidentResponse.of(incident));
        return new Raised(incident, true);
    }

    /** Takes the incident; idempotent while it is acknowledged, refused once it is resolved. */
    @Transactional
    public Incident acknowledge(UUID id, String actor, UUID contactId) {
        Incident incident = locked(id);
        if (incident.status == IncidentStatus.RESOLVED) {
            throw ProblemException.conflict("incident-resolved", "status",
                    "incident " + id + " is resolved and can no longer be acknowledged");
        }
        if (incident.status == IncidentStatus.ACKNOWLEDGED) {
            engine.engagedBy(incident, contactId, actor);
            return incident;
        }
        IncidentResponse before = IncidentResponse.of(incident);
        Instant now = clock.instant();
        incident.status = IncidentStatus.ACKNOWLEDGED;
        incident.acknowledgedAt = now;
        incident.acknowledgedBy = actor;
        incident.acknowledgedContactId = contactId;
        incident.updatedAt = now;
        engine.stop(incident);
        timeline.record(id, TimelineKind.ACKNOWLEDGED, actor, "acknowledged; escalation stopped"
                + (contactId == null ? "" : " (by " + resolver.nameOf(contactId) + ")"));
        outbox.publish(new IncidentAcknowledged(id, contactId, actor, incident.drill));
        metrics.acknowledged(incident, now);
        engine.engagedBy(incident, contactId, actor);
        audit.record(AUDIT_INCIDENT, id, "acknowledged", actor, before, IncidentResponse.of(incident));
        return incident;
    }

    /**
     * An acknowledgement through the API, by a person or a calling system, once {@link IncidentAccess} lets the
     * caller take this incident. In a drill with faults, a caller the directory replica knows as an unavailable
     * person (by name, or paged for an unavailable role) is not listened to: the timeline records the ignored
     * acknowledgement and the escalation goes on as if nobody had answered.
     */
    @Transactional
    public Acknowledgement acknowledgeAsCaller(UUID id, Caller caller) {
        Incident incident = locked(id);
        String actor = caller.name();
        List<UUID> callerIs = access.acknowledgers(incident, caller);
        if (incident.status != IncidentStatus.RESOLVED) {
            for (UUID contact : callerIs) {
                Optional<DrillFaults.Unavailability> why = drillAcks.unavailable(incident, contact);
                if (why.isPresent()) {
                    drillAcks.ignored(incident, actor, contact, why.get());
                    return new Acknowledgement(incident, why.get().reason());
                }
            }
        }
        // The caller's ack answers their person's pages and engages the roles they were paged for; a caller who is
        // nobody in the directory (a monitoring system, an admin without a person) takes the incident and engages
        // no role.
        answerPages(incident, callerIs);
        Incident acknowledged = acknowledge(id, actor, callerIs.isEmpty() ? null : callerIs.get(0));
        callerIs.stream().skip(1).forEach(contact -> engine.engagedBy(acknowledged, contact, actor));
        return new Acknowledgement(acknowledged, null);
    }

    @Transactional
    public Acknowledgement acknowledgeByDedupKeyAsCaller(String dedupKey, Caller caller) {
        return acknowledgeAsCaller(openByDedupKey(dedupKey).id, caller);
    }

    /** The people's pages on the incident count as answered through the API. */
    private void answerPages(Incident incident, List<UUID> people) {
        if (people.isEmpty() || incident.status == IncidentStatus.RESOLVED) {
            return;
        }
        Instant now = clock.instant();
        Engagement.<Engagement>list("incidentId = ?1 and contactId in ?2 and notifyOnly = false", incident.id, people)
                .stream().filter(page -> page.acknowledgedAt == null).forEach(page -> {
                    page.status = Engagement.Status.ACKNOWLEDGED;
                    page.acknowledgedAt = now;
                    page.ackMethod = AckMethod.API;
                });
    }

    /** Ends the incident (from triggered or acknowledged); a second resolve is refused. */
    @Transactional
    public Incident resolve(UUID id, Caller caller) {
        Incident incident = locked(id);
        access.mayResolve(incident, caller);
        String actor = caller.name();
        if (incident.status == IncidentStatus.RESOLVED) {
            throw ProblemException.conflict("incident-resolved", "status", "incident " + id + " is already resolved");
        }
        IncidentResponse before = IncidentResponse.of(incident);
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
        audit.record(AUDIT_INCIDENT, id, "resolved", actor, before, IncidentResponse.of(incident));
        return incident;
    }

    @Transactional
    public Incident resolveByDedupKey(String dedupKey, Caller caller) {
        return resolve(openByDedupKey(dedupKey).id, caller);
    }

    /** A PageAcknowledged from a responder: takes the incident unless it is already taken or over. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pageAcknowledged(UUID incidentId, UUID pageId, UUID contactId, AckMethod method, String actor) {
        Incident incident = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            return;
        }
        Optional<DrillFaults.Unavailability> why = drillAcks.unavailable(incident, contactId);
        if (why.isPresent()) {
            // The page stays REQUESTED: to the escalation it is as if this person never answered.
            drillAcks.ignored(incident, actor, contactId, why.get());
            return;
        }
        Engagement page = pageId == null ? null : Engagement.findById(pageId);
        if (page != null && page.incidentId.equals(incidentId)) {
            page.status = Engagement.Status.ACKNOWLEDGED;
            if (page.acknowledgedAt == null) {
                page.acknowledgedAt = clock.instant();
                page.ackMethod = method;
            }
        }
        if (incident.status == IncidentStatus.TRIGGERED) {
            acknowledge(incidentId, actor, contactId);
        } else {
            timeline.record(incidentId, TimelineKind.PAGE_ACKNOWLEDGED, actor,
                    "acknowledged a page after the incident was "
                    + incident.status.name().toLowerCase());
            if (incident.status == IncidentStatus.ACKNOWLEDGED) {
                engine.engagedBy(incident, contactId, actor);
            }
        }
    }

    @Transactional
    public TimelineEntry addNote(UUID id, String text, String actor) {
        Incident incident = locked(id);
        incident.updatedAt = clock.instant();
        timeline.record(id, TimelineKind.NOTE, actor, text.strip());
        TimelineEntry note = TimelineEntry.find("incidentId = ?1", Sort.by("id", Sort.Direction.Descending), id)
                .firstResult();
        audit.record(AUDIT_INCIDENT, id, "note-added", actor, null, TimelineEntryResponse.of(note));
        return note;
    }

    @Transactional
    public Incident changeSeverity(UUID id, Severity severity, String actor) {
        Incident incident = locked(id);
        if (incident.status == IncidentStatus.RESOLVED) {
            throw ProblemException.conflict("incident-resolved", "status",
                    "incident " + id + " is resolved; its severity is final");
        }
        IncidentResponse before = IncidentResponse.of(incident);
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
        if (before.severity() != incident.severity) {
            audit.record(AUDIT_INCIDENT, id, "severity-changed", actor, before, IncidentResponse.of(incident));
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
        Incident incident = locked(id);
        access.mayChange(incident, caller, "reclassify");
        String actor = caller.name();
        if (incident.status == IncidentStatus.RESOLVED) {
            throw ProblemException.conflict("incident-resolved", "incidentType",
                    "incident " + id + " is resolved; its type is final");
        }
        if (incident.incidentType.equals(incidentType)) {
            throw ProblemException.conflict("same-incident-type", "incidentType",
                    "incident " + id + " is already of type " + incidentType);
        }
        IncidentResponse before = IncidentResponse.of(incident);
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
        audit.record(AUDIT_INCIDENT, id, "reclassified", actor, before, IncidentResponse.of(incident));
        return incident;
    }

    /** Up: the plan for the new severity applies, and the roles it adds are paged now. */
    private void raiseSeverity(Incident incident, Severity severity, String actor) {
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

    @Transactional
    public Incident get(UUID id) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            throw ProblemException.notFound("Incident", id);
        }
        return incident;
    }

    @Transactional
    public List<TimelineEntry> timeline(UUID id) {
        get(id);
        return TimelineEntry.list("incidentId", Sort.by("id"), id);
    }

    @Transactional
    public List<Incident> list(Filter filter) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.severity() != null) {
            where.add("severity = :severity");
            params.and("severity", filter.severity());
        }
        if (filter.incidentType() != null) {
            where.add("incidentType = :type");
            params.and("type", filter.incidentType());
        }
        if (filter.drill() != null) {
            where.add("drill = :drill");
            params.and("drill", filter.drill());
        }
        Sort newestFirst = Sort.by("createdAt", Sort.Direction.Descending);
        return (where.isEmpty() ? Incident.<Incident>findAll(newestFirst)
                : Incident.<Incident>find(String.join(" and ", where), newestFirst, params))
                .page(Page.ofSize(filter.limit())).list();
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

    private Incident locked(UUID id) {
        Incident incident = Incident.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw ProblemException.notFound("Incident", id);
        }
        return incident;
    }

    @Transactional
    public Incident openByDedupKeyOrFail(String dedupKey) {
        return openByDedupKey(dedupKey);
    }

    private Incident openByDedupKey(String dedupKey) {
        if (dedupKey == null || dedupKey.isBlank()) {
            throw ProblemException.badRequest("dedupKey", "must not be blank");
        }
        return Incident.findOpenByDedupKey(dedupKey.strip()).orElseThrow(() -> ProblemException.notFound(
                "Open incident with dedup key", dedupKey.strip()));
    }
}
