package io.muster.gameday.api;

import io.muster.contracts.Severity;
import io.muster.gameday.domain.ScenarioInject;
import io.muster.gameday.domain.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ScenarioResponse(UUID id, String slug, String name, String description, String incidentType,
        Severity severity, List<String> expectedRoles, int targetFirstAckSeconds, int targetAllRolesSeconds,
        List<InjectView> injects, Instant updatedAt) {

    public record InjectView(int atSeconds, String audience, String message) {
        static InjectView of(ScenarioInject inject) {
            return new InjectView(inject.atSeconds(), inject.audience(), inject.message());
        }
    }

    public static ScenarioResponse of(Scenario s) {
        return new ScenarioResponse(s.id, s.slug, s.name, s.description, s.incidentType, s.severity,
                List.copyOf(s.expectedRoles), s.targetFirstAckSeconds, s.targetAllRolesSeconds,
                s.injects == null ? List.of() : s.injects.stream().map(InjectView::of).toList(), s.updatedAt);
    }
}
