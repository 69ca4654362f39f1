package io.muster.gameday.service;

import io.muster.contracts.Severity;
import io.muster.gameday.domain.ScenarioInject;
import java.util.List;

/**
 * A scenario as a use case adds or replaces it. Each inject's audience must be {@code all} or one of
 * {@code expectedRoles} ({@link ScenarioLibrary} checks that and the order of the two targets).
 */
public record ScenarioFields(String slug, String name, String description, String incidentType, Severity severity,
        List<String> expectedRoles, int targetFirstAckSeconds, int targetAllRolesSeconds,
        List<ScenarioInject> injects) {
}
