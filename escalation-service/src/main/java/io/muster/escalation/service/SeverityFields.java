package io.muster.escalation.service;

import java.util.List;

/**
 * A severity's definition as a use case receives it to replace the current one. {@code updateCadenceMinutes}: how
 * often an open incident owes its stakeholders an update (null: never).
 */
public record SeverityFields(String name, String criteria, int ackTargetSeconds, boolean allChannelsAtOnce,
        boolean bundlingExempt, List<String> stakeholderRoles, Integer updateCadenceMinutes) {
}
