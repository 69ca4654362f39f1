package io.muster.console.web;

import java.util.Arrays;
import java.util.List;

/** An incident's status as escalation-service names it on the wire; the first two are "open". */
enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED;

    static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();
    static final List<String> OPEN = List.of(TRIGGERED.name(), ACKNOWLEDGED.name());

    /** Whether {@code status}, as read from escalation-service, is this one. */
    boolean is(String status) {
        return name().equals(status);
    }
}
