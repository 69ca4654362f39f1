package io.muster.escalation.service;

import io.muster.escalation.config.EscalationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per integration key for the compatible endpoints: a sender stuck in a loop gets 429 and backs off
 * (as PagerDuty clients do) instead of crowding out every other sender's incidents. The limit is per service
 * replica and far above what a monitoring tool sends in normal operation. Only existing keys get a bucket, so
 * made-up keys cannot grow the map.
 */
@ApplicationScoped
public class IngestThrottle {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    EscalationConfig config;

    @Inject
    Clock clock;

    /** Takes one event's worth from the key's bucket; false when the key is sending faster than allowed. */
    public boolean tryAccept(String integrationKey) {
        int rate = config.eventsPerKeyPerSecond();
        return buckets.computeIfAbsent(integrationKey, k -> new Bucket(rate, clock.millis()))
                .tryTake(rate, clock.millis());
    }

    /** Seconds a throttled sender should wait before the next event is accepted (the bucket refills within one). */
    public int retryAfterSeconds() {
        return 1;
    }

    /** Holds up to one second's worth of events and refills continuously; counted in thousandths of an event. */
    public static final class Bucket {
        private long milliTokens;
        private long lastMillis;

        public Bucket(int rate, long nowMillis) {
            this.milliTokens = rate * 1000L;
            this.lastMillis = nowMillis;
        }

        public synchronized boolean tryTake(int rate, long nowMillis) {
            if (nowMillis > lastMillis) {
                milliTokens = Math.min(rate * 1000L, milliTokens + (nowMillis - lastMillis) * rate);
                lastMillis = nowMillis;
            }
            if (milliTokens >= 1000) {
                milliTokens -= 1000;
                return true;
            }
            return false;
        }
    }
}
