package io.muster.directory.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a person is made of, as a use case receives it to create or replace them; the rules a single field cannot
 * express are checked by {@link PeopleDirectory}. {@code active} null means active.
 */
public record PersonFields(
        String displayName,
        String department,
        UUID managerId,
        String timeZone,
        List<String> skills,
        List<String> certifications,
        List<String> roles,
        int escalationLevel,
        UUID backupContactId,
        String availability,
        Instant lastReviewedAt,
        String lastReviewedBy,
        Boolean active,
        String login) {
}
