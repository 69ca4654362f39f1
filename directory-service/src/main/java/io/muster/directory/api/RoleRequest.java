package io.muster.directory.api;

import io.muster.directory.service.RoleFields;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Create or replace an incident-response role. {@code key} is ignored on replace (the path names the role).
 * {@code escalationContactId} is the active person paged for the role after every holder; null (or absent) for
 * nobody, so a replace without it clears it.
 */
public record RoleRequest(
        @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or dashes")
        String key,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 4000) String responsibilities,
        @Size(max = 30) List<@NotBlank @Size(max = 80) String> requiredSkills,
        @NotNull @Min(1) @Max(4) Integer defaultEscalationLevel,
        @NotNull @Min(1) @Max(5) Integer notificationPriority,
        UUID escalationContactId) {

    public RoleFields toFields() {
        return new RoleFields(key, name, responsibilities, requiredSkills, defaultEscalationLevel, notificationPriority,
                escalationContactId);
    }
}
