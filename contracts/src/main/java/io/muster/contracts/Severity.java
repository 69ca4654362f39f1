package io.muster.contracts;

/** Incident severity, most severe first. Picks the response plan and, through its definition, how pages are sent. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public boolean isMoreSevereThan(Severity other) {
        return other != null && ordinal() < other.ordinal();
    }
}
