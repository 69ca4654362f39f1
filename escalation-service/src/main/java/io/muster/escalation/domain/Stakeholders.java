package io.muster.escalation.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** People kept informed (communications lead, legal counsel...): paged notify-only once, never escalated to. */
public record Stakeholders(
        @Size(max = 20) List<@NotBlank @Size(max = 80) String> roles,
        @Size(max = 50) List<@NotNull UUID> contacts) {

    public static final Stakeholders NONE = new Stakeholders(List.of(), List.of());

    public Stakeholders {
        roles = roles == null ? List.of() : List.copyOf(roles);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
