package io.muster.contracts.incidents;

/**
 * The phases an incident moves through (SEC10's detect, analyze, contain, eradicate, recover, then the review). An
 * incident opens in {@link #DETECT}; responders move it on, and resolving it moves it to {@link #POST_INCIDENT}.
 */
public enum IncidentPhase {
    DETECT, ANALYZE, CONTAIN, ERADICATE, RECOVER, POST_INCIDENT
}
