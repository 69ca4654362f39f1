package io.muster.escalation.domain;

public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED
}
