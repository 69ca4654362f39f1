package io.muster.directory.api;

import io.muster.directory.service.PersonFields;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Create or replace a person. Roles must exist in the catalog, the time zone must be an IANA zone, manager and
 * backup must be other people in the directory (checked by the use case). {@code active} defaults to true.
 * {@code login} is the username the person signs in with (no one else's, ignoring case); services tie a bearer
 * token to the person by it.
 */
public record PersonRequest(
        @NotBlank @Size(max = 120) String displayName,
        @Size(max = 120) String department,
        UUID managerId,
        @NotBlank @Size(max = 64) String timeZone,
        @Size(max = 50) List<@NotBlank @Size(max = 80) String> skills,
        @Size(max = 50) List<@NotBlank @Size(max = 120) String> certifications,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
                message = "must be a role key: 2-63 lower-case letters, digits or dashes") String> roles,
        @NotNull @Min(1) @Max(4) Integer escalationLevel,
        UUID backupContactId,
        @Size(max = 200) String availability,
        Instant lastReviewedAt,
        @Size(max = 120) String lastReviewedBy,
        Boolean active,
        @Size(max = 120) @Pattern(regexp = "\\S+", message = "must be a sign-in name without spaces") String login) {

    /** The person as the use case takes them; bean validation has already run on this request. */
    public PersonFields toFields() {
        return new PersonFields(displayName, department, managerId, timeZone, skills, certifications, roles,
                escalationLevel, backupContactId, availability, lastReviewedAt, lastReviewedBy, active, login);
    }
}
