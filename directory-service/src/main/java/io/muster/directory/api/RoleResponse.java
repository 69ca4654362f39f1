package io.muster.directory.api;

import io.muster.directory.domain.IrRole;
import java.time.Instant;
import java.util.List;

public record RoleResponse(String key, String name, String responsibilities, List<String> requiredSkills,
        int defaultEscalationLevel, int notificationPriority, Instant updatedAt) {

    public static RoleResponse of(IrRole role) {
        return new RoleResponse(role.key, role.name, role.responsibilities, List.copyOf(role.requiredSkills),
                role.defaultEscalationLevel, role.notificationPriority, role.updatedAt);
    }
}
