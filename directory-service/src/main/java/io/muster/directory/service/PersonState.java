package io.muster.directory.service;

import io.muster.contracts.ChannelType;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.Person;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person as the audit log keeps them before and after a change: every field, addresses unmasked (the audit is
 * read by admins only). Its JSON has the shape of the API's full person, so an entry reads like the person did.
 */
public record PersonState(
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
        List<ChannelState> channels,
        Instant createdAt,
        Instant updatedAt) {

    public record ChannelState(UUID id, ChannelType type, String address, int preference, boolean verified,
            Instant verifiedAt) {

        static ChannelState of(ContactChannel c) {
            return new ChannelState(c.id, c.type, c.address, c.preference, c.verified(), c.verifiedAt);
        }
    }

    public static PersonState of(ContactDetails details) {
        Person p = details.person();
        return new PersonState(p.id, p.displayName, p.department, p.managerId, p.timeZone, List.copyOf(p.skills),
                List.copyOf(p.certifications), List.copyOf(p.roles), p.escalationLevel, p.backupContactId,
                p.availability, p.lastReviewedAt, p.lastReviewedBy, p.active, p.login, details.reachable(),
                details.teamIds(), details.channels().stream().map(ChannelState::of).toList(), p.createdAt,
                p.updatedAt);
    }
}
