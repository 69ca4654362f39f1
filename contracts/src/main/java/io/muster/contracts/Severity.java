package io.muster.contracts;

/** Incident severity. Drives which escalation levels are engaged and how pages are sent. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
