package io.muster.directory.api;

import io.muster.directory.domain.Team;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record TeamResponse(UUID id, String name, String description, List<UUID> memberIds, Instant updatedAt) {

    public static TeamResponse of(Team team) {
        return new TeamResponse(team.id, team.name, team.description, List.copyOf(team.memberIds), team.updatedAt);
    }
}
