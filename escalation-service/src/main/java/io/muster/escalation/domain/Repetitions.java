package io.muster.escalation.domain;

/**
 * A policy's stages run once and then repeat {@link EscalationPolicy#extraRepetitions} more times; each run is a
 * repetition. Inside escalation (fields, columns, timers) repetitions count from 0; pages, events, the API and the
 * timeline count them from 1. This is the one place that converts.
 */
public final class Repetitions {

    private Repetitions() {
    }

    /** The repetition as pages, events, the API and the timeline number it (the first is 1). */
    public static int onWire(int repetition) {
        return repetition + 1;
    }
}
