package io.muster.escalation.service;

import io.muster.escalation.config.EscalationConfig;
import io.muster.escalation.domain.EscalationTimer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Fires due stage timers. Each timer is claimed with {@code FOR UPDATE SKIP LOCKED} and deleted in the same
 * transaction as the escalation it causes, so two replicas (or two firing threads) never fire one timer twice, a
 * crash before commit leaves it to fire again, and a timer survives restarts because it is just a row.
 */
@ApplicationScoped
public class TimerPoller {

    private static final Logger LOG = Logger.getLogger(TimerPoller.class);
    private static final Duration RETRY_FAILED_TIMER = Duration.ofSeconds(30);
    private static final int NOTHING_DUE = 0;
    private static final int FIRED = 1;
    private static final int POSTPONED = 2;

    @Inject
    EntityManager entityManager;

    @Inject
    EscalationEngine engine;

    @Inject
    Clock clock;

    @Inject
    EscalationConfig config;

    private ExecutorService helpers;

    /* Every 250 ms keeps a timer within a second of its due time; "off" disables the loop (tests poll by hand). */
    @Scheduled(every = "${muster.escalation.timer-poll-every:250ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "escalation-timers")
    void poll() {
        // Idle polls cost one query; only when something was due do helpers join in for the rest of the burst.
        if (fireNext() == NOTHING_DUE) {
            return;
        }
        List<Future<Integer>> helping = new ArrayList<>();
        for (int i = 1; i < config.timerFiringThreads(); i++) {
            helping.add(helpers.submit(this::pollOnce));
        }
        pollOnce();
        for (Future<Integer> helper : helping) {
            try {
                helper.get();
            } catch (ExecutionException e) {
                LOG.warnf("stage timers: a firing thread stopped early: %s", e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Fires every timer due now, one transaction each, on the calling thread; returns how many it fired. */
    int pollOnce() {
        int fired = 0;
        int outcome;
        while ((outcome = fireNext()) != NOTHING_DUE) {
            if (outcome == FIRED) {
                fired++;
            }
        }
        return fired;
    }

    /** Claims and fires the earliest due timer nobody else holds, in its own transaction. */
    private int fireNext() {
        UUID[] claimed = new UUID[1];
        try {
            return Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> fireOneDue(claimed))) ? FIRED
                    : NOTHING_DUE;
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e; // the database itself failed; the next poll tries again
            }
            postpone(claimed[0], e);
            return POSTPONED;
        }
    }

    @PostConstruct
    void startHelpers() {
        AtomicInteger n = new AtomicInteger();
        helpers = Executors.newFixedThreadPool(Math.max(1, config.timerFiringThreads() - 1), r -> {
            Thread t = new Thread(r, "stage-timers-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stopHelpers() {
        helpers.shutdownNow();
    }

    private boolean fireOneDue(UUID[] claimed) {
        @SuppressWarnings("unchecked")
        List<Object> due = entityManager.createNativeQuery("SELECT id FROM escalation_timer WHERE due_at <= ?1"
                + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        claimed[0] = (UUID) due.get(0);
        EscalationTimer timer = EscalationTimer.findById(claimed[0]);
        engine.timerFired(timer);
        timer.delete();
        return true;
    }

    /* A timer whose escalation keeps failing must not hold back every timer due after it: retry it later. */
    private void postpone(UUID timerId, RuntimeException failure) {
        LOG.errorf(failure, "stage timer %s failed to fire; retrying in %s", timerId, RETRY_FAILED_TIMER);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE escalation_timer SET due_at = ?1 WHERE id = ?2")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant().plus(RETRY_FAILED_TIMER), ZoneOffset.UTC))
                .setParameter(2, timerId)
                .executeUpdate());
    }
}
