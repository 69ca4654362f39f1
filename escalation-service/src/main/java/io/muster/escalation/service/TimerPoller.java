package io.muster.escalation.service;

import io.muster.escalation.domain.EscalationTimer;
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

/**
 * Fires due stage timers. Each timer is claimed with {@code FOR UPDATE SKIP LOCKED} and deleted in the same
 * transaction as the escalation it causes, so two replicas never fire one timer twice, a crash before commit
 * leaves it to fire again, and a timer survives restarts because it is just a row.
 */
@ApplicationScoped
public class TimerPoller {

    @Inject
    EntityManager entityManager;

    @Inject
    EscalationEngine engine;

    @Inject
    Clock clock;

    /* Every 250 ms keeps a timer within a second of its due time; "off" disables the loop (tests poll by hand). */
    @Scheduled(every = "${muster.escalation.timer-poll-every:250ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "escalation-timers")
    void poll() {
        pollOnce();
    }

    /** Fires every timer due now, one transaction each; returns how many this poller fired. */
    int pollOnce() {
        int fired = 0;
        while (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(this::fireOneDue))) {
            fired++;
        }
        return fired;
    }

    private boolean fireOneDue() {
        @SuppressWarnings("unchecked")
        List<Object> due = entityManager.createNativeQuery("SELECT id FROM escalation_timer WHERE due_at <= ?1"
                + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        EscalationTimer timer = EscalationTimer.findById((UUID) due.get(0));
        engine.timerFired(timer);
        timer.delete();
        return true;
    }
}
