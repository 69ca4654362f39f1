package io.muster.gameday.api;

import io.muster.contracts.Severity;
import io.muster.gameday.domain.Scenario;
import java.util.List;
import java.util.UUID;

public record ScenarioResponse(UUID id, String slug, String name, String description, String incidentType,
        Severity severity, List<String> expectedRoles, int targetFirstAckSeconds, int targetAllRolesSeconds) {

    static ScenarioResponse of(Scenario s) {
        return new ScenarioResponse(s.id, s.slug, s.name, s.description, s.incidentType, s.severity,
                List.copyOf(s.expectedRoles), s.targetFirstAckSeconds, s.targetAllRolesSeconds);
    }
}
