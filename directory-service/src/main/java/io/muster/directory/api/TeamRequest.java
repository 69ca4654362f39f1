package io.muster.directory.api;

import io.muster.directory.service.TeamFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Create or replace a team; every member must be a person in the directory. */
public record TeamRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @Size(max = 500) List<@NotNull UUID> memberIds) {

    public TeamFields toFields() {
        return new TeamFields(name, description, memberIds);
    }
}
