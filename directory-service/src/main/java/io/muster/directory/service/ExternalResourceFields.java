package io.muster.directory.service;

import io.muster.directory.domain.ExternalResource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Create or replace an external resource. Contact emails and phones are checked like channel addresses; a
 * REGULATOR needs {@code notificationDeadlineHours} and {@code owningRoleKey} (checked by the use case).
 */
public record ExternalResourceFields(
        @NotNull ExternalResource.Kind kind,
        @NotBlank @Size(max = 160) String organisation,
        @Size(max = 120) String serviceType,
        @Size(max = 80) String contractNumber,
        @Size(max = 80) String supportLevel,
        @NotNull @Valid ExternalContact primaryContact,
        @Valid ExternalContact escalationContact,
        @Size(max = 200) String availability,
        @Min(1) @Max(100_000) Integer responseSlaMinutes,
        @Size(max = 30) List<@NotBlank @Size(max = 80) String> expertise,
        @Min(1) @Max(8760) Integer notificationDeadlineHours,
        @Size(max = 63) String owningRoleKey,
        LocalDate reviewDueOn,
        @Size(max = 20) List<@NotBlank @Size(max = 80) @Pattern(regexp = "\\*|[a-z0-9][a-z0-9-]*",
                message = "must be an incident type (lower-case words joined by dashes) or * for every type")
        String> notifyForIncidentTypes) {

    /** A named person or desk at the outside party; at least one of email and phone. */
    public record ExternalContact(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 254) String email,
            @Size(max = 16) String phone) {
    }
}
