package io.muster.escalation;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventJson;
import io.muster.contracts.EventPayload;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.escalation.domain.DirectoryReplicaEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Puts directory snapshots straight into the replica, as the replica consumer would after reading them (that path
 * is covered by DirectoryReplicaConsumerTest), so engine tests start from a known directory at once.
 */
public final class ReplicaFixtures {

    private ReplicaFixtures() {
    }

    /** An active person at the given escalation level, with two verified channels. */
    public static UUID contact(String name, int level) {
        return contact(name, level, true);
    }

    public static UUID contact(String name, int level, boolean active) {
        return contact(name, level, active, "p@example.org");
    }

    /** An active person whose email channel has the given address (a signed-in caller can be matched by it). */
    public static UUID contactWithEmail(String name, String email) {
        return contact(name, 7, true, email);
    }

    private static UUID contact(String name, int level, boolean active, String email) {
        UUID id = UUID.randomUUID();
        put(new ContactSnapshot(id, name, "UTC", active, level, List.of(),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, "+4915100000001", 1, true),
                        new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, email, 2, true)), null));
        return id;
    }

    /** An active, reachable person who signs in as {@code login} and holds the given roles. */
    public static UUID personWithLogin(String name, String login, String... roles) {
        UUID id = UUID.randomUUID();
        put(new ContactSnapshot(id, name, "UTC", true, 7, List.of(roles),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, "+4915100000003", 1, true)),
                null, login));
        return id;
    }

    /** An active person whose only email address, {@code email}, is not verified. */
    public static UUID contactWithUnverifiedEmail(String name, String email, String... roles) {
        UUID id = UUID.randomUUID();
        put(new ContactSnapshot(id, name, "UTC", true, 7, List.of(roles),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, "+4915100000004", 1, true),
                        new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, email, 2, false)), null));
        return id;
    }

    public static void roster(String roleKey, UUID... people) {
        put(new RoleRoster(roleKey, roleKey, 1, 1, List.of(people), null));
    }

    /** A roster in priority order whose role goes to {@code escalationContact} after every holder. */
    public static void rosterWithEscalationContact(String roleKey, UUID escalationContact, UUID... people) {
        put(new RoleRoster(roleKey, roleKey, 1, 1, List.of(people), escalationContact));
    }

    /** An outside party that incidents of {@code incidentTypes} must notify, owned by {@code owningRole}. */
    public static UUID externalParty(String organisation, String owningRole, int deadlineHours,
            String... incidentTypes) {
        UUID id = UUID.randomUUID();
        put(new io.muster.contracts.directory.ExternalPartySnapshot(id, "REGULATOR", organisation, "Breach desk",
                "breach@example.org", null, null, deadlineHours, owningRole, List.of(incidentTypes)));
        return id;
    }

    /** A role roster with a display name of its own (the document shows role names). */
    public static void namedRoster(String roleKey, String name, UUID... people) {
        put(new RoleRoster(roleKey, name, 1, 1, List.of(people), null));
    }

    /** An active person holding {@code roles}, reachable by SMS at {@code phone} and email at {@code email}. */
    public static UUID person(String name, String phone, String email, String... roles) {
        UUID id = UUID.randomUUID();
        put(new ContactSnapshot(id, name, "UTC", true, 3, List.of(roles),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, phone, 1, true),
                        new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, email, 2, true)), null));
        return id;
    }

    /** An outside party with full contact details. */
    public static UUID externalPartyWithContacts(String organisation, String kind, String email, String phone,
            Integer slaMinutes, Integer deadlineHours, String owningRole, String... incidentTypes) {
        UUID id = UUID.randomUUID();
        put(new io.muster.contracts.directory.ExternalPartySnapshot(id, kind, organisation, "Duty officer", email,
                phone, slaMinutes, deadlineHours, owningRole, List.of(incidentTypes)));
        return id;
    }

    /** The directory's readiness findings as it would publish them. */
    public static void readiness(io.muster.contracts.directory.ReadinessSnapshot.Finding... findings) {
        put(new io.muster.contracts.directory.ReadinessSnapshot(Instant.now(), List.of(findings)));
    }

    /** An active person whose only channel is an unverified SMS: known, but not reachable. */
    public static UUID unverifiedContact(String name) {
        UUID id = UUID.randomUUID();
        put(new ContactSnapshot(id, name, "UTC", true, 7, List.of(),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, "+4915100000002", 1, false)),
                null));
        return id;
    }

    /** An inactive person whose backup answers in their place. */
    public static UUID inactiveWithBackup(String name, UUID backup) {
        UUID id = UUID.randomUUID();
        put(new ContactSnapshot(id, name, "UTC", false, 7, List.of(),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, "gone@example.org", 1, true)),
                backup));
        return id;
    }

    /** A rotation whose one very long shift makes its first member the one on call for every test. */
    public static UUID rotation(String roleKey, UUID teamId, UUID... members) {
        UUID id = UUID.randomUUID();
        put(new RotationSnapshot(id, "rotation " + roleKey, teamId, roleKey, "UTC",
                LocalDateTime.of(2020, 1, 1, 0, 0), RotationSnapshot.ShiftUnit.WEEKS, 5_000, List.of(members),
                List.of()));
        return id;
    }

    private static void put(EventPayload payload) {
        QuarkusTransaction.requiringNew().run(() -> {
            DirectoryReplicaEntry entry = new DirectoryReplicaEntry();
            entry.entityKey = payload.key();
            entry.eventType = payload.type();
            entry.snapshot = EventJson.mapper().valueToTree(payload).toString();
            entry.updatedAt = Instant.now();
            entry.getEntityManager().merge(entry);
        });
    }
}
