package io.muster.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Open-loop pacing: the i-th send is due at {@code start + i / rate}, whatever happened to the sends before it, so
 * a slow answer cannot hold back the next request (which would hide queueing from the measurement). Latency is
 * measured from the slot's due time, not from when the send actually left, for the same reason.
 */
final class Pacer {

    private final double ratePerSecond;
    private final long durationNanos;

    Pacer(double ratePerSecond, long durationNanos) {
        if (ratePerSecond <= 0 || durationNanos <= 0) {
            throw new IllegalArgumentException("rate and duration must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.durationNanos = durationNanos;
    }

    /** How many sends fit in the duration. */
    long slots() {
        return (long) Math.floor(durationNanos / 1e9 * ratePerSecond);
    }

    /** Offset of slot {@code i} from the start, in nanoseconds. */
    long offsetNanos(long i) {
        return (long) (i * 1e9 / ratePerSecond);
    }

    /**
     * Calls {@code send} with each slot number at its due time (a slot already late is sent at once; none is
     * skipped). Returns the largest lag behind schedule, in nanoseconds, so a report can say whether the pacer kept up.
     */
    long run(long startNanos, LongConsumer send) {
        long worstLag = 0;
        for (long i = 0, n = slots(); i < n; i++) {
            long due = startNanos + offsetNanos(i);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            worstLag = Math.max(worstLag, System.nanoTime() - due);
            send.accept(i);
        }
        return worstLag;
    }
}
