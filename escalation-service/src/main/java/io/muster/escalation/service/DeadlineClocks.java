package io.muster.escalation.service;

import io.muster.contracts.directory.ExternalPartySnapshot;
import io.muster.escalation.config.EscalationConfig;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.DeadlineClock;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.TimelineKind;
import io.muster.escalation.persistence.ReplicaDirectory;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Deadline clocks: one per incident and outside party whose notification deadline the incident's type starts
 * (when it opens, or is reclassified into such a type), reminders to the party's owning role at the configured
 * fractions of the deadline, and the recorded notification that stops them. A regulator's deadline does not stop
 * when the incident is resolved, so neither do the reminders: only the recorded notification does.
 */
@ApplicationScoped
public class DeadlineClocks {

    static final String AUDIT_CLOCK = "deadline-clock";
    public static final String TRACK = "deadline-clock:";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    Clock clock;

    @Inject
    EscalationConfig config;

    @Inject
    Timeline timeline;

    @Inject
    NotifyOnlyPages pages;

    @Inject
    IncidentAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    IncidentMetrics metrics;

    private List<Double> fractions;

    /** A clock as callers see it; {@code secondsLeft} is negative once overdue. */
    public record ClockView(UUID id, UUID partyId, String kind, String organisation, String owningRole,
            String incidentType, int deadlineHours, Instant startedAt, Instant dueAt, long secondsLeft,
            DeadlineClock.State state, boolean drill, int remindersSent, Instant nextReminderAt, Instant notifiedAt,
            String notifiedBy, String reference, Instant recordedAt) {
    }

    @PostConstruct
    void readFractions() {
        List<Double> configured = config.clockReminders().stream().distinct().sorted().toList();
        for (Double f : configured) {
            if (f == null || !(f > 0 && f <= 10)) {
                throw new IllegalStateException("muster.escalation.clock-reminders: " + f + " is not in (0, 10]");
            }
        }
        fractions = configured;
    }

    /**
     * Starts a clock for every outside party with a deadline that incidents of {@code incidentType} must notify,
     * from {@code startedAt}; a party that already has a clock for this incident keeps it (a clock starts once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeadlineClock> start(Incident incident, String incidentType, Instant occurredAt) {
        // The database keeps microseconds: a start kept exactly makes every reminder instant exact too.
        Instant startedAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        List<ExternalPartySnapshot> parties = new ReplicaDirectory().externalParties().stream()
                .filter(p -> p.notificationDeadlineHours() != null && p.notificationDeadlineHours() > 0
                        && p.concerns(incidentType))
                .toList();
        List<DeadlineClock> started = new java.util.ArrayList<>();
        for (ExternalPartySnapshot party : parties) {
            UUID id = UUID.randomUUID();
            Instant due = startedAt.plus(Duration.ofHours(party.notificationDeadlineHours()));
            DeadlineClock probe = new DeadlineClock();
            probe.startedAt = startedAt;
            probe.deadlineHours = party.notificationDeadlineHours();
            OptionalDouble first = DeadlineClock.nextFraction(fractions, 0);
            Instant firstReminder = first.isPresent() ? probe.reminderAt(first.getAsDouble()) : null;
            // ON CONFLICT: the event may be redelivered under another id, or the party concern both types.
            int inserted = DeadlineClock.getEntityManager().createNativeQuery("INSERT INTO deadline_clock (id,"
                    + " incident_id, party_id, party_kind, organisation, owning_role, deadline_hours, incident_type,"
                    + " started_at, due_at, drill, next_reminder_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                    + " ?11, ?12) ON CONFLICT (incident_id, party_id) DO NOTHING")
                    .setParameter(1, id).setParameter(2, incident.id).setParameter(3, party.resourceId())
                    .setParameter(4, party.kind() == null ? "OTHER" : party.kind())
                    .setParameter(5, party.organisation())
                    .setParameter(6, party.owningRoleKey())
                    .setParameter(7, party.notificationDeadlineHours())
                    .setParameter(8, incidentType)
                    .setParameter(9, startedAt.atOffset(ZoneOffset.UTC))
                    .setParameter(10, due.atOffset(ZoneOffset.UTC))
                    .setParameter(11, incident.drill)
                    .setParameter(12, firstReminder == null ? null : firstReminder.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
            if (inserted == 1) {
                DeadlineClock clockRow = DeadlineClock.findById(id);
                started.add(clockRow);
                timeline.record(incident.id, TimelineKind.DEADLINE_CLOCK_STARTED, Timeline.SYSTEM, "notify "
                        + party.organisation() + " (" + party.kind() + ") within " + party.notificationDeadlineHours()
                        + " h, by " + WHEN.format(due) + (party.owningRoleKey() == null ? "; no owning role"
                                : "; " + party.owningRoleKey() + " is reminded") + (incident.drill ? " (drill)" : ""));
            }
        }
        return started;
    }

    /**
     * A clock's reminder came due: pages the owning role's holder for the latest threshold passed (one page, even
     * when several thresholds passed while no poller ran) and sets the next one. Nothing once notified.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(DeadlineClock row) {
        Instant now = clock.instant();
        if (row.notifiedAt != null) {
            row.nextReminderAt = null;
            return;
        }
        OptionalDouble latestDue = fractions.stream().mapToDouble(Double::doubleValue)
                .filter(f -> f > row.lastReminderFraction && !row.reminderAt(f).isAfter(now)).max();
        if (latestDue.isPresent()) {
            Incident incident = Incident.findById(row.incidentId);
            double fraction = latestDue.getAsDouble();
            sendReminder(incident, row, fraction, now);
            row.lastReminderFraction = fraction;
            row.remindersSent++;
        }
        OptionalDouble next = DeadlineClock.nextFraction(fractions, row.lastReminderFraction);
        row.nextReminderAt = next.isPresent() ? row.reminderAt(next.getAsDouble()) : null;
    }

    private void sendReminder(Incident incident, DeadlineClock row, double fraction, Instant now) {
        Duration left = Duration.between(now, row.dueAt);
        String title = "Notify " + row.organisation + " by " + WHEN.format(row.dueAt) + " (" + describe(left) + "): "
                + incident.title;
        String summary = "The " + row.partyKind.toLowerCase(Locale.ROOT).replace('_', ' ') + " " + row.organisation
                + " must be notified within " + row.deadlineHours + " h of " + WHEN.format(row.startedAt)
                + " (incident type " + row.incidentType + "). Once notified, record it: POST /api/v1/incidents/"
                + incident.id + "/clocks/" + row.id + "/notification";
        List<OnCallResolver.Target> holders = row.owningRole == null ? List.of() : pages.holdersOf(row.owningRole);
        NotifyOnlyPages.Notice notice = new NotifyOnlyPages.Notice("deadline-reminder:" + row.id + ":" + fraction,
                TRACK + row.partyId, (int) Math.round(fraction * 1000), title, summary);
        holders.forEach(t -> pages.page(incident, t, notice));
        String threshold = fraction >= 1.0 ? "deadline reached" : Math.round(fraction * 100) + "% of the deadline";
        timeline.record(incident.id, TimelineKind.DEADLINE_REMINDER, Timeline.SYSTEM, row.organisation + ": "
                + threshold + ", "
                + describe(left) + " (due " + WHEN.format(row.dueAt) + "); " + (holders.isEmpty()
                        ? "nobody to remind (" + (row.owningRole == null ? "no owning role" : "nobody answers for "
                                + row.owningRole + ")")
                        : "reminded " + pages.names(holders) + " (" + row.owningRole + ")"));
        metrics.deadlineReminder(incident, row.partyKind, fraction);
    }

    /** Records that the party was notified: who recorded it, when it happened, the reference; reminders stop. */
    @Transactional
    public DeadlineClock recordNotification(UUID incidentId, UUID clockId, Instant notifiedAt, String reference,
            Caller caller) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw Refusal.notFound("Incident", incidentId);
        }
        access.mayChange(incident, caller, "record a notification for");
        DeadlineClock row = DeadlineClock.findById(clockId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.incidentId.equals(incidentId)) {
            throw Refusal.notFound("Deadline clock of incident " + incidentId, clockId);
        }
        Instant now = clock.instant();
        Instant when = notifiedAt == null ? now : notifiedAt;
        if (when.isAfter(now)) {
            throw Refusal.invalid("notifiedAt", "must not be in the future");
        }
        // Only a given instant is checked: now is never before the open (whose stored instant may be rounded up).
        if (notifiedAt != null && notifiedAt.isBefore(incident.createdAt.minusMillis(1))) {
            throw Refusal.invalid("notifiedAt", "must not be before the incident opened ("
                    + incident.createdAt + ")");
        }
        if (row.notifiedAt != null) {
            throw Refusal.conflict("clock-notified", "clockId", row.organisation + " was already recorded "
                    + "as notified at " + row.notifiedAt + " (" + row.notificationReference + ")");
        }
        ClockView before = view(row, now);
        row.notifiedAt = when.truncatedTo(ChronoUnit.MICROS);
        row.notifiedBy = caller.name();
        row.notificationReference = reference.strip();
        row.recordedAt = now;
        row.nextReminderAt = null;
        boolean late = when.isAfter(row.dueAt);
        timeline.record(incidentId, TimelineKind.EXTERNAL_PARTY_NOTIFIED, caller.name(), row.organisation
                + " notified at "
                + WHEN.format(when) + " (" + row.notificationReference + ")" + (late ? ", after the deadline "
                        + WHEN.format(row.dueAt) : ", within the deadline"));
        audit.record(AUDIT_CLOCK, row.id, "notified", caller.name(), before, view(row, now));
        return row;
    }

    @Transactional
    public List<ClockView> of(UUID incidentId) {
        if (Incident.findById(incidentId) == null) {
            throw Refusal.notFound("Incident", incidentId);
        }
        return viewsOf(incidentId);
    }

    /** The incident's clocks, inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClockView> viewsOf(UUID incidentId) {
        Instant now = clock.instant();
        return DeadlineClock.ofIncident(incidentId).stream().map(c -> view(c, now)).toList();
    }

    public ClockView view(DeadlineClock c, Instant now) {
        long left = c.notifiedAt != null ? Duration.between(c.notifiedAt, c.dueAt).toSeconds()
                : Duration.between(now, c.dueAt).toSeconds();
        return new ClockView(c.id, c.partyId, c.partyKind, c.organisation, c.owningRole, c.incidentType,
                c.deadlineHours, c.startedAt, c.dueAt, left, c.stateAt(now, fractions), c.drill, c.remindersSent,
                c.nextReminderAt, c.notifiedAt, c.notifiedBy, c.notificationReference, c.recordedAt);
    }

    /** "36 h left", "7 h 12 min left", "45 min left", "deadline passed". */
    static String describe(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "deadline passed";
        }
        long minutes = (left.toMillis() + 30_000) / 60_000; // to the nearest minute
        if (minutes == 0) {
            return "under a minute left";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return (h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min") + " left";
    }
}
