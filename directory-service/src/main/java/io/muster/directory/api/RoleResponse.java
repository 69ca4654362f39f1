package io.muster.directory.api;

import io.muster.directory.domain.IrRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record RoleResponse(String key, String name, String responsibilities, List<String> requiredSkills,
        int defaultEscalationLevel, int notificationPriority, UUID escalationContactId, Instant updatedAt) {

    public static RoleResponse of(IrRole role) {
        return new RoleResponse(role.key, role.name, role.responsibilities, List.copyOf(role.requiredSkills),
                role.defaultEscalationLevel, role.notificationPriority, role.escalationContactId, role.updatedAt);
    }
}
