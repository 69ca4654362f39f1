package io.muster.directory.api;

import io.muster.directory.service.PreparednessItemFields;
import io.muster.directory.domain.PreparednessItem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create or replace access or a tool a role's holders must have in place. {@code key} names the thing itself
 * ({@code cloudtrail-read}), so roles needing the same thing use the same key; it is ignored on replace (the path names
 * the item). {@code recheckDays}: a person's check older than this no longer counts.
 */
public record PreparednessItemRequest(
        @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or dashes")
        String key,
        @NotNull PreparednessItem.Kind kind,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 4000) String description,
        @Size(max = 4000) String howToGet,
        @NotNull @Min(1) @Max(3650) Integer recheckDays) {

    public PreparednessItemFields toFields() {
        return new PreparednessItemFields(key, kind, name, description, howToGet, recheckDays);
    }
}
