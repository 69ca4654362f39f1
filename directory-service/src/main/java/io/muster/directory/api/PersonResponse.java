package io.muster.directory.api;

import io.muster.directory.domain.Person;
import io.muster.directory.service.ContactDetails;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person as the API shows them; channel addresses are masked unless the caller may see contact details. */
public record PersonResponse(
        UUID id,
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
        boolean active,
        String login,
        boolean reachable,
        List<UUID> teamIds,
        List<ChannelResponse> channels,
        Instant createdAt,
        Instant updatedAt) {

    public static PersonResponse of(ContactDetails details, boolean fullDetails) {
        Person p = details.person();
        return new PersonResponse(p.id, p.displayName, p.department, p.managerId, p.timeZone,
                List.copyOf(p.skills), List.copyOf(p.certifications), List.copyOf(p.roles), p.escalationLevel,
                p.backupContactId, p.availability, p.lastReviewedAt, p.lastReviewedBy, p.active, p.login, details.reachable(),
                details.teamIds(),
                details.channels().stream().map(c -> ChannelResponse.of(c, fullDetails)).toList(),
                p.createdAt, p.updatedAt);
    }
}
