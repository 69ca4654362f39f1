package io.muster.notification.service;

import io.muster.contracts.ChannelType;
import io.muster.notification.config.NotificationConfig;
import io.muster.notification.persistence.AttemptQueued;
import io.muster.notification.persistence.SendAttempts;
import io.muster.notification.providers.ChannelSender;
import io.muster.notification.providers.OutgoingMessage;
import io.muster.notification.providers.SendResult;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sending threads, a separate group per channel type: a provider that hangs or fails holds up only its own
 * channel (an SNS outage never delays email). Each worker claims one due attempt, calls the provider outside any
 * transaction, and records the outcome. On start, attempts a dead worker left in flight are resolved first.
 */
@ApplicationScoped
public class SendWorkers {

    private static final Logger LOG = Logger.getLogger(SendWorkers.class);

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    SendAttempts attempts;

    @Inject
    AttemptOutcomes outcomes;

    @Inject
    NotificationConfig config;

    private final Map<ChannelType, Semaphore> signals = new EnumMap<>(ChannelType.class);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile long lastRecovery;

    void onStart(@Observes StartupEvent event) {
        if (config.sendingEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the workers (after resolving attempts a previous process left in flight). */
    public synchronized void start() {
        if (running) {
            return;
        }
        recover();
        running = true;
        for (ChannelSender sender : senders) {
            Semaphore signal = signals.computeIfAbsent(sender.channel(), c -> new Semaphore(0));
            for (int i = 0; i < config.workersPerChannel(); i++) {
                Thread thread = new Thread(() -> work(sender, signal),
                        "send-" + sender.channel().name().toLowerCase() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    /** Stops the workers after their current attempt, as a shutdown does. */
    public synchronized void stop() {
        running = false;
        signals.values().forEach(s -> s.release(config.workersPerChannel()));
        for (Thread thread : threads) {
            try {
                thread.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    public boolean running() {
        return running;
    }

    /** An attempt was queued and committed: its channel's workers need not wait for their next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptQueued queued) {
        wake(queued.channel());
    }

    /** Tells the channel's workers that an attempt was queued, so they do not wait for their next poll. */
    public void wake(ChannelType channel) {
        Semaphore signal = signals.get(channel);
        if (signal != null) {
            signal.release();
        }
    }

    private void work(ChannelSender sender, Semaphore signal) {
        int failures = 0;
        while (running) {
            try {
                Optional<OutgoingMessage> claimed = attempts.claimNext(sender.channel());
                if (claimed.isEmpty()) {
                    recoverNowAndThen();
                    signal.tryAcquire(config.workerPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                OutgoingMessage message = claimed.get();
                SendResult result = sender.send(message);
                outcomes.record(message.attemptId(), sender.provider(), result);
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is away: back off; an attempt claimed but not recorded is resolved by recovery.
                failures++;
                long backoff = Math.min(5_000L, 100L << Math.min(failures, 6));
                LOG.warnf("%s worker failed (%d in a row), retrying in %d ms: %s", sender.channel(), failures,
                        backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Looks for abandoned in-flight attempts every few seconds while idle; leases make this safe on replicas. */
    private void recoverNowAndThen() {
        long now = System.nanoTime();
        if (now - lastRecovery > TimeUnit.SECONDS.toNanos(5)) {
            lastRecovery = now;
            recover();
        }
    }

    private void recover() {
        try {
            int recovered = outcomes.recoverAbandoned();
            if (recovered > 0) {
                LOG.warnf("resolved %d attempts left in flight by a stopped worker", recovered);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot look for abandoned attempts yet: %s", e.getMessage());
        }
    }
}
