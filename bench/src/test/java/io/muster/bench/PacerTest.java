package io.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void slotsAreSpreadEvenlyOverTheDuration() {
        Pacer pacer = new Pacer(100, TimeUnit.SECONDS.toNanos(60));
        assertEquals(6_000, pacer.slots());
        assertEquals(0, pacer.offsetNanos(0));
        assertEquals(10_000_000, pacer.offsetNanos(1));
        assertEquals(59_990_000_000L, pacer.offsetNanos(5_999));
    }

    @Test
    void aSlowSendDoesNotDelayTheScheduleOfTheNextOnes() {
        Pacer pacer = new Pacer(200, TimeUnit.MILLISECONDS.toNanos(200)); // 40 slots, 5 ms apart
        List<Long> sentAt = new ArrayList<>();
        long start = System.nanoTime();
        pacer.run(start, i -> {
            sentAt.add(System.nanoTime() - start);
            if (i == 0) {
                sleep(30); // slot 0 takes as long as six slots: later sends catch up instead of shifting
            }
        });
        assertEquals(40, sentAt.size());
        long last = sentAt.get(39);
        assertTrue(last >= pacer.offsetNanos(39), "no slot goes before its time");
        assertTrue(last < pacer.offsetNanos(39) + TimeUnit.MILLISECONDS.toNanos(100),
                "the schedule did not shift by the slow first send: last slot at " + last / 1e6 + " ms");
    }

    @Test
    void refusesANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(0, 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
