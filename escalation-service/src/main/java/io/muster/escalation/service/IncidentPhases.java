package io.muster.escalation.service;

import io.muster.contracts.incidents.IncidentPhase;
import io.muster.contracts.incidents.IncidentPhaseChanged;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The incident-response phase an incident is in. It opens in DETECT; responders move it to any other phase,
 * forward or back; once it is resolved it can only go to POST_INCIDENT, where resolving puts it anyway. Every change
 * is on the timeline ({@code phase-changed}), announced ({@code IncidentPhaseChanged}) and counted: the time spent in
 * the phase left goes to {@code muster_incident_phase_seconds} (drills excluded).
 */
@ApplicationScoped
public class IncidentPhases {

    /** Who moved the phase when resolving moved it on, as the event names it. */
    static final String ON_RESOLVE = "muster";

    @Inject
    Clock clock;

    @Inject
    Timeline timeline;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    AuditViews views;

    @Inject
    IncidentRepository incidents;

    @Inject
    IncidentMetrics metrics;

    @Transactional
    public Incident move(UUID id, IncidentPhase to, String actor) {
        Incident incident = incidents.findForUpdate(id).orElseThrow(() -> Refusal.notFound("Incident", id));
        if (incident.phase == to) {
            throw Refusal.conflict("same-phase", "phase", "incident " + id + " is already in " + to);
        }
        if (incident.status == IncidentStatus.RESOLVED && to != IncidentPhase.POST_INCIDENT) {
            throw Refusal.conflict("incident-resolved", "phase", "incident " + id
                    + " is resolved; it can only move to POST_INCIDENT");
        }
        Object before = views.incident(incident);
        change(incident, to, actor, actor, "");
        audit.record(IncidentDesk.AUDIT_INCIDENT, id, "phase-changed", actor, before, views.incident(incident));
        return incident;
    }

    /** Resolving moves the incident to POST_INCIDENT (the resolve's own audit entry shows the phase change). */
    @Transactional(Transactional.TxType.MANDATORY)
    void resolved(Incident incident, String actor) {
        if (incident.phase != IncidentPhase.POST_INCIDENT) {
            change(incident, IncidentPhase.POST_INCIDENT, actor, ON_RESOLVE, " (resolved)");
        }
    }

    private void change(Incident incident, IncidentPhase to, String actor, String changedBy, String why) {
        Instant now = clock.instant();
        IncidentPhase from = incident.phase;
        Duration spent = Duration.between(incident.phaseSince, now);
        if (spent.isNegative()) {
            spent = Duration.ZERO;
        }
        metrics.leftPhase(incident, from, spent);
        incident.phase = to;
        incident.phaseSince = since(now);
        incident.updatedAt = now;
        timeline.record(incident.id, TimelineKind.PHASE_CHANGED, actor, from + " -> " + to + why + " after "
                + human(spent)
                + " in " + from);
        outbox.publish(new IncidentPhaseChanged(incident.id, from, to, spent.toSeconds(), changedBy, incident.drill));
    }

    /**
     * The instant a phase starts, to the microsecond the database keeps: PostgreSQL rounds, and a start rounded up
     * would make a phase that lasted two minutes last 1 min 59 s when read back.
     */
    static Instant since(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    /** 45 s, 12 min 5 s, 3 h 20 min, 2 d 4 h: the two largest units. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400) {
            return (s / 3_600) + " h" + (s % 3_600 / 60 == 0 ? "" : " " + (s % 3_600 / 60) + " min");
        }
        return (s / 86_400) + " d" + (s % 86_400 / 3_600 == 0 ? "" : " " + (s % 86_400 / 3_600) + " h");
    }
}
