package io.muster.directory.service;

import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Team;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Teams and roles as the audit log keeps them before and after a change (the shape the API shows them in). */
final class CatalogStates {

    private CatalogStates() {
    }

    record TeamState(UUID id, String name, String description, List<UUID> memberIds, Instant updatedAt) {

        static TeamState of(Team team) {
            return new TeamState(team.id, team.name, team.description, List.copyOf(team.memberIds), team.updatedAt);
        }
    }

    record RoleState(String key, String name, String responsibilities, List<String> requiredSkills,
            int defaultEscalationLevel, int notificationPriority, UUID escalationContactId, Instant updatedAt) {

        static RoleState of(IrRole role) {
            return new RoleState(role.key, role.name, role.responsibilities, List.copyOf(role.requiredSkills),
                    role.defaultEscalationLevel, role.notificationPriority, role.escalationContactId,
                    role.updatedAt);
        }
    }
}
