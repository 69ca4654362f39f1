package io.muster.escalation.service;

import io.muster.escalation.domain.EscalationPolicy;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.PublicRelationsPlan;
import io.muster.escalation.domain.ResponsePlan;
import io.muster.escalation.domain.SeverityDefinition;
import io.muster.escalation.domain.StakeholderCadence;
import io.muster.escalation.domain.StakeholderUpdate.Audience;
import io.muster.escalation.domain.StakeholderUpdate;
import io.muster.escalation.domain.TimelineKind;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Stakeholder updates: each one recorded on the timeline, internal ones paged (notify-only) to the plan's
 * stakeholders, external statements checked against the public-relations plan; and the cadence the severity sets,
 * a durable timer that reminds the communications lead when an update is due and not given, re-armed by each
 * update, following the severity, stopped at resolve.
 */
@ApplicationScoped
public class StakeholderUpdates {

    static final String AUDIT_UPDATE = "stakeholder-update";
    /** The engagement track of an update's notify-only pages to the stakeholders. */
    static final String UPDATE_TRACK = "stakeholder-update";
    /** The engagement track of the reminder to the communications lead that an update is due. */
    static final String REMINDER_TRACK = "update-reminder";
    /** The role reminded when an update is due. */
    public static final String COMMUNICATIONS_LEAD = "communications-lead";

    @Inject
    Clock clock;

    @Inject
    Timeline timeline;

    @Inject
    NotifyOnlyPages pages;

    @Inject
    AuditTrail audit;

    @Inject
    IncidentMetrics metrics;

    /** What a caller asks to record. */
    public record Given(Audience audience, String message, String approvedBy, String approvedByRole) {
    }

    public record UpdateView(UUID id, int seq, Audience audience, String message, String approvedBy,
            String approvedByRole, String givenBy, Instant givenAt, int pagesSent) {

        public static UpdateView of(StakeholderUpdate u) {
            return new UpdateView(u.id, u.seq, u.audience, u.message, u.approvedBy, u.approvedByRole, u.givenBy,
                    u.givenAt, u.pagesSent);
        }
    }

    /** The incident's updates, oldest first, and when the next is due (null: no cadence, or resolved). */
    public record Updates(UUID incidentId, Integer updateCadenceMinutes, Instant nextUpdateDueAt, int remindersSent,
            List<UpdateView> updates) {
    }

    /** Records an update; an internal one is paged to the stakeholders; the cadence starts again from now. */
    @Transactional
    public StakeholderUpdate give(UUID incidentId, Given given, String actor) {
        Incident incident = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw Refusal.notFound("Incident", incidentId);
        }
        String approvedBy = blankToNull(given.approvedBy());
        String approvedByRole = blankToNull(given.approvedByRole());
        if (given.audience() == Audience.EXTERNAL) {
            List<String> approvers = PublicRelationsPlan.current().approverRoles();
            if (approvedByRole == null) {
                throw Refusal.invalid("approvedByRole", "an external statement names the role it was "
                        + "approved as, one of the public-relations plan's approver roles " + approvers);
            }
            if (!approvers.contains(approvedByRole)) {
                throw Refusal.invalid("approvedByRole", approvedByRole + " is not one of the "
                        + "public-relations plan's approver roles " + approvers);
            }
            if (approvedBy == null) {
                throw Refusal.invalid("approvedBy", "an external statement names who approved it (a "
                        + "login or email of a holder of " + approvedByRole + ")");
            }
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        StakeholderUpdate update = new StakeholderUpdate();
        update.id = UUID.randomUUID();
        update.incidentId = incidentId;
        Number last = (Number) StakeholderUpdate.getEntityManager().createQuery(
                "select coalesce(max(u.seq), 0) from StakeholderUpdate u where u.incidentId = ?1")
                .setParameter(1, incidentId).getSingleResult();
        update.seq = last.intValue() + 1;
        update.audience = given.audience();
        update.message = given.message().strip();
        update.approvedBy = approvedBy;
        update.approvedByRole = approvedByRole;
        update.givenBy = actor;
        update.givenAt = now;
        String sentTo = "";
        if (update.audience == Audience.INTERNAL) {
            List<OnCallResolver.Target> stakeholders = pages.reach(stakeholdersOf(incident));
            NotifyOnlyPages.Notice notice = new NotifyOnlyPages.Notice("stakeholder-update:" + update.id,
                    UPDATE_TRACK, update.seq, "Update " + update.seq + " on " + incident.title,
                    update.message);
            stakeholders.forEach(t -> pages.page(incident, t, notice));
            update.pagesSent = stakeholders.size();
            sentTo = stakeholders.isEmpty() ? "; no stakeholder to page" : "; paged to " + pages.names(stakeholders);
        }
        update.persist();
        timeline.record(incidentId, TimelineKind.STAKEHOLDER_UPDATE, actor, update.audience.name().toLowerCase()
                + " update " + update.seq + (update.approvedBy == null ? ""
                        : " (approved by " + update.approvedBy + " as " + update.approvedByRole + ")")
                + sentTo + ": " + update.message);
        if (incident.status != IncidentStatus.RESOLVED) {
            arm(incident, now, false);
        }
        audit.record(AUDIT_UPDATE, update.id, "given", actor, null, UpdateView.of(update));
        return update;
    }

    /**
     * The plan's stakeholders, as the raise informs them: the policy's notify-only stakeholders and the severity's
     * stakeholder roles, less the roles the plan pages anyway.
     */
    private static io.muster.escalation.domain.StageDefinition stakeholdersOf(Incident incident) {
        ResponsePlan plan = ResponsePlan.forIncident(incident.incidentType, incident.severity).orElse(null);
        EscalationPolicy policy = plan == null ? null : EscalationPolicy.findById(plan.policyId);
        return EscalationEngine.Opening.of(plan, policy, SeverityDefinition.of(incident.severity),
                incident.requiredRoles()).informed();
    }

    /**
     * Sets when the next update is due: one cadence of the incident's current severity after {@code from}; removes
     * the timer when the severity has none. {@code onlyIfAbsent} keeps a timer an update already set.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arm(Incident incident, Instant from, boolean onlyIfAbsent) {
        Integer cadence = SeverityDefinition.of(incident.severity).updateCadenceMinutes;
        if (cadence == null) {
            StakeholderCadence.delete("incidentId", incident.id);
            return;
        }
        Instant due = from.truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofMinutes(cadence));
        StakeholderCadence.getEntityManager().createNativeQuery("INSERT INTO stakeholder_cadence (incident_id,"
                + " update_due_at, remind_at) VALUES (?1, ?2, ?2) ON CONFLICT (incident_id) DO "
                + (onlyIfAbsent ? "NOTHING" : "UPDATE SET update_due_at = excluded.update_due_at, remind_at ="
                        + " excluded.remind_at"))
                .setParameter(1, incident.id).setParameter(2, due.atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** The incident opened: its first update is due one cadence after. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(Incident incident, Instant openedAt) {
        if (incident.status != IncidentStatus.RESOLVED) {
            arm(incident, openedAt, true);
        }
    }

    /** The severity changed: the new one's cadence counts from the last update (or the open). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void severityChanged(Incident incident) {
        if (incident.status == IncidentStatus.RESOLVED) {
            return;
        }
        StakeholderUpdate last = StakeholderUpdate.<StakeholderUpdate>find("incidentId = ?1 order by seq desc",
                incident.id).firstResult();
        arm(incident, last == null ? incident.createdAt : last.givenAt, false);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(UUID incidentId) {
        StakeholderCadence.delete("incidentId", incidentId);
    }

    /** An update is due and was not given: remind the communications lead, then again one cadence later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(StakeholderCadence row) {
        Incident incident = Incident.findById(row.incidentId);
        Integer cadence = incident == null ? null : SeverityDefinition.of(incident.severity).updateCadenceMinutes;
        if (incident == null || incident.status == IncidentStatus.RESOLVED || cadence == null) {
            row.delete();
            return;
        }
        Instant now = clock.instant();
        StakeholderUpdate last = StakeholderUpdate.<StakeholderUpdate>find("incidentId = ?1 order by seq desc",
                incident.id).firstResult();
        String since = last == null ? "no update since the incident opened at " + incident.createdAt
                : "the last update (" + last.seq + ") was given at " + last.givenAt;
        List<OnCallResolver.Target> leads = pages.holdersOf(COMMUNICATIONS_LEAD);
        NotifyOnlyPages.Notice notice = new NotifyOnlyPages.Notice("update-reminder:" + incident.id + ":"
                + row.remindAt.toEpochMilli(), REMINDER_TRACK, (int) (row.remindAt.getEpochSecond() / 60),
                "Stakeholder update due: " + incident.title, "A " + incident.severity + " incident owes its "
                        + "stakeholders an update every " + cadence + " min; " + since + ". Give it: POST "
                        + "/api/v1/incidents/" + incident.id + "/updates");
        leads.forEach(t -> pages.page(incident, t, notice));
        timeline.record(incident.id, TimelineKind.STAKEHOLDER_UPDATE_DUE, Timeline.SYSTEM, "update due since "
                + row.updateDueAt + " (every " + cadence + " min; " + since + "); " + (leads.isEmpty()
                        ? "nobody answers for " + COMMUNICATIONS_LEAD : "reminded " + pages.names(leads)
                                + " (" + COMMUNICATIONS_LEAD + ")"));
        metrics.updateReminder(incident);
        row.reminders++;
        Instant next = row.remindAt;
        while (!next.isAfter(now)) {
            next = next.plus(Duration.ofMinutes(cadence));
        }
        row.remindAt = next;
    }

    @Transactional
    public Updates of(UUID incidentId) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw Refusal.notFound("Incident", incidentId);
        }
        StakeholderCadence cadence = StakeholderCadence.findById(incidentId);
        List<UpdateView> updates = StakeholderUpdate.<StakeholderUpdate>list("incidentId = ?1 order by seq",
                incidentId).stream().map(UpdateView::of).toList();
        return new Updates(incidentId, SeverityDefinition.of(incident.severity).updateCadenceMinutes,
                cadence == null ? null : cadence.updateDueAt, cadence == null ? 0 : cadence.reminders, updates);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
