package io.muster.escalation.service;

import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.pages.AckMethod;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.DrillFaults;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.TimelineKind;
import io.muster.escalation.persistence.EngagementRepository;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Taking an incident. Every acknowledgement comes in through {@link #acknowledge}: from a caller of the API (a
 * person, a calling system, by incident id or by dedup key) or from a responder answering a page. Either way a drill
 * fault can make it not count ({@link DrillAcknowledgements}); otherwise the first one stops the escalation and
 * each one engages the roles its person was paged for.
 */
@ApplicationScoped
public class IncidentAcknowledgements {

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
    OnCallResolver resolver;

    @Inject
    IncidentAccess access;

    @Inject
    DrillAcknowledgements drillAcks;

    @Inject
    IncidentQueries queries;

    @Inject
    IncidentRepository incidents;

    @Inject
    EngagementRepository pages;

    /** Where an acknowledgement comes from. */
    public enum Source {
        /** A caller of the API: a person signed in, or a calling system with its token or integration key. */
        CALLER,
        /** A responder answered a page (PageAcknowledged from notification). */
        PAGE
    }

    /**
     * One acknowledgement. A caller's names the incident by id or by the dedup key it was raised with; a page's
     * names the incident, the page, the person and how they answered.
     */
    public record Acknowledgement(Source source, UUID incidentId, String dedupKey, Caller caller, UUID pageId,
            UUID contactId, AckMethod method) {

        public static Acknowledgement byCaller(UUID incidentId, Caller caller) {
            return new Acknowledgement(Source.CALLER, incidentId, null, caller, null, null, null);
        }

        public static Acknowledgement byCallerWithDedupKey(String dedupKey, Caller caller) {
            return new Acknowledgement(Source.CALLER, null, dedupKey, caller, null, null, null);
        }

        public static Acknowledgement byPage(UUID incidentId, UUID pageId, UUID contactId, AckMethod method) {
            return new Acknowledgement(Source.PAGE, incidentId, null, null, pageId, contactId, method);
        }

        /** The name the timeline and the events give whoever acknowledged. */
        public String actor() {
            return source == Source.PAGE ? "contact:" + contactId : caller.name();
        }
    }

    /**
     * What came of an acknowledgement: the incident (null for a page of an incident this service does not know),
     * or, when a drill fault made it not count, why ({@code ignoredBecause}; the escalation carries on).
     */
    public record Outcome(Incident incident, String ignoredBecause) {
        public boolean ignored() {
            return ignoredBecause != null;
        }
    }

    /**
     * The one way in. A caller's acknowledgement is first checked by {@link IncidentAccess}; a page's joins the
     * transaction of the consumed event. Idempotent while the incident is acknowledged; a caller's is refused once
     * it is resolved, a page's is then only written on the timeline.
     */
    @Transactional
    public Outcome acknowledge(Acknowledgement ack) {
        return ack.source() == Source.PAGE ? byPage(ack) : byCaller(ack);
    }

    /*
     * In a drill with faults, a caller the directory replica knows as an unavailable person (by name, or paged for an
     * unavailable role) is not listened to.
     */
    private Outcome byCaller(Acknowledgement ack) {
        UUID id = ack.incidentId() != null ? ack.incidentId() : queries.openByDedupKey(ack.dedupKey()).id;
        Incident incident = queries.locked(id);
        String actor = ack.actor();
        List<UUID> callerIs = access.acknowledgers(incident, ack.caller());
        if (incident.status != IncidentStatus.RESOLVED) {
            for (UUID contact : callerIs) {
                Optional<DrillFaults.Unavailability> why = drillAcks.unavailable(incident, contact);
                if (why.isPresent()) {
                    drillAcks.ignored(incident, actor, contact, why.get());
                    return new Outcome(incident, why.get().reason());
                }
            }
        }
        // The caller's ack answers their person's pages and engages the roles they were paged for; a caller who is
        // nobody in the directory (a monitoring system, an admin without a person) takes the incident and engages
        // no role.
        answerPages(incident, callerIs);
        Incident acknowledged = take(incident, actor, callerIs.isEmpty() ? null : callerIs.get(0));
        callerIs.stream().skip(1).forEach(contact -> engine.engagedBy(acknowledged, contact, actor));
        return new Outcome(acknowledged, null);
    }

    /* Takes the incident unless it is already taken or over. */
    private Outcome byPage(Acknowledgement ack) {
        Optional<Incident> found = incidents.findForUpdate(ack.incidentId());
        if (found.isEmpty()) {
            return new Outcome(null, null);
        }
        Incident incident = found.get();
        String actor = ack.actor();
        Optional<DrillFaults.Unavailability> why = drillAcks.unavailable(incident, ack.contactId());
        if (why.isPresent()) {
            // The page stays REQUESTED: to the escalation it is as if this person never answered.
            drillAcks.ignored(incident, actor, ack.contactId(), why.get());
            return new Outcome(incident, why.get().reason());
        }
        pages.find(ack.pageId()).filter(page -> page.incidentId.equals(incident.id)).ifPresent(page -> {
            page.status = Engagement.Status.ACKNOWLEDGED;
            if (page.acknowledgedAt == null) {
                page.acknowledgedAt = clock.instant();
                page.ackMethod = ack.method();
            }
        });
        if (incident.status == IncidentStatus.TRIGGERED) {
            return new Outcome(take(incident, actor, ack.contactId()), null);
        }
        timeline.record(incident.id, TimelineKind.PAGE_ACKNOWLEDGED, actor, "acknowledged a page after the incident "
                + "was " + incident.status.name().toLowerCase());
        if (incident.status == IncidentStatus.ACKNOWLEDGED) {
            engine.engagedBy(incident, ack.contactId(), actor);
        }
        return new Outcome(incident, null);
    }

    /** The people's pages on the incident count as answered through the API. */
    private void answerPages(Incident incident, List<UUID> people) {
        if (people.isEmpty() || incident.status == IncidentStatus.RESOLVED) {
            return;
        }
        Instant now = clock.instant();
        pages.answerablePagesOf(incident.id, people).stream().filter(page -> page.acknowledgedAt == null)
                .forEach(page -> {
                    page.status = Engagement.Status.ACKNOWLEDGED;
                    page.acknowledgedAt = now;
                    page.ackMethod = AckMethod.API;
                });
    }

    /** Takes the (locked) incident; idempotent while it is acknowledged, refused once it is resolved. */
    private Incident take(Incident incident, String actor, UUID contactId) {
        UUID id = incident.id;
        if (incident.status == IncidentStatus.RESOLVED) {
            throw Refusal.conflict("incident-resolved", "status",
                    "incident " + id + " is resolved and can no longer be acknowledged");
        }
        if (incident.status == IncidentStatus.ACKNOWLEDGED) {
            engine.engagedBy(incident, contactId, actor);
            return incident;
        }
        Object before = views.incident(incident);
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
        audit.record(IncidentDesk.AUDIT_INCIDENT, id, "acknowledged", actor, before, views.incident(incident));
        return incident;
    }
}
