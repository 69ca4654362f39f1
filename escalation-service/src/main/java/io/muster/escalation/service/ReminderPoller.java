package io.muster.escalation.service;

import io.muster.escalation.domain.DeadlineClock;
import io.muster.escalation.domain.StakeholderCadence;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Fires due deadline-clock and stakeholder-update reminders, as {@link TimerPoller} fires stage timers: each due
 * row is claimed with {@code FOR UPDATE SKIP LOCKED} and moved on in the same transaction as the page it sends, so
 * two replicas never send one reminder twice, a crash before commit leaves it to fire again (with the same page
 * ids, so nothing is paged twice), and a reminder survives restarts because it is a column of a row.
 */
@ApplicationScoped
public class ReminderPoller {

    private static final Logger LOG = Logger.getLogger(ReminderPoller.class);
    private static final int MAX_PER_POLL = 10_000;
    private static final java.time.Duration RETRY_FAILED = java.time.Duration.ofSeconds(60);

    @Inject
    EntityManager entityManager;

    @Inject
    DeadlineClocks clocks;

    @Inject
    StakeholderUpdates updates;

    @Inject
    Clock clock;

    @Scheduled(every = "${muster.escalation.reminder-poll-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "escalation-reminders")
    void poll() {
        pollOnce();
    }

    /** Fires every reminder due now, one transaction each; returns how many it fired. */
    public int pollOnce() {
        int fired = 0;
        // Bounded, so that a reminder that (by a bug) stays due cannot keep one poll busy for ever.
        while (fired < MAX_PER_POLL
                && fire("deadline_clock", "id", "next_reminder_at", id -> clocks.remind(DeadlineClock.findById(id)))) {
            fired++;
        }
        while (fired < 2 * MAX_PER_POLL && fire("stakeholder_cadence", "incident_id", "remind_at",
                id -> updates.remind(StakeholderCadence.findById(id)))) {
            fired++;
        }
        return fired;
    }

    private boolean fire(String table, String idColumn, String dueColumn, java.util.function.Consumer<UUID> remind) {
        UUID[] claimed = new UUID[1];
        try {
            return Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object> due = entityManager.createNativeQuery("SELECT " + idColumn + " FROM " + table
                        + " WHERE " + dueColumn + " <= ?1 ORDER BY " + dueColumn + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                        // Truncated, never rounded up, so that what is claimed here is due by the clock read later.
                        .setParameter(1, OffsetDateTime.ofInstant(clock.instant().truncatedTo(
                                java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC)).getResultList();
                if (due.isEmpty()) {
                    return false;
                }
                claimed[0] = (UUID) due.get(0);
                remind.accept(claimed[0]);
                return true;
            }));
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            // A reminder that keeps failing must not hold back every reminder due after it.
            LOG.errorf(e, "%s reminder %s failed; retrying in %s", table, claimed[0], RETRY_FAILED);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("UPDATE " + table + " SET "
                    + dueColumn + " = ?1 WHERE " + idColumn + " = ?2")
                    .setParameter(1, OffsetDateTime.ofInstant(clock.instant().plus(RETRY_FAILED), ZoneOffset.UTC))
                    .setParameter(2, claimed[0]).executeUpdate());
            return true;
        }
    }
}
