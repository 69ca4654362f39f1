package io.muster.escalation.persistence;

import io.muster.contracts.EventJson;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ExternalPartySnapshot;
import io.muster.contracts.directory.ReadinessSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.escalation.domain.DirectoryReplicaEntry;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory as escalation's replica holds it, read for one decision: rotations are read once, people and
 * rosters on first use and kept, so a stage with several roles parses each snapshot once. Use inside a transaction
 * and drop it afterwards; it does not see changes made after it read.
 */
public final class ReplicaDirectory implements ResponderSelection.Directory {

    private List<RotationSnapshot> rotations;
    private final Map<UUID, Optional<ContactSnapshot>> contacts = new HashMap<>();
    private final Map<String, Optional<RoleRoster>> rosters = new HashMap<>();

    @Override
    public Optional<ContactSnapshot> contact(UUID contactId) {
        return contacts.computeIfAbsent(contactId, id -> Optional.ofNullable(
                DirectoryReplicaEntry.<DirectoryReplicaEntry>findById(ContactSnapshot.keyOf(id)))
                .map(e -> read(e, ContactSnapshot.class, ContactSnapshot.TYPE)));
    }

    /** Reads the given people in one query, so that the rule's later lookups hit memory. */
    public void prefetch(Collection<UUID> contactIds) {
        List<String> keys = contactIds.stream().filter(id -> !contacts.containsKey(id))
                .map(ContactSnapshot::keyOf).distinct().toList();
        if (keys.isEmpty()) {
            return;
        }
        contactIds.forEach(id -> contacts.putIfAbsent(id, Optional.empty()));
        DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey in ?1", keys).forEach(e -> {
            ContactSnapshot c = read(e, ContactSnapshot.class, ContactSnapshot.TYPE);
            contacts.put(c.contactId(), Optional.of(c));
        });
    }

    @Override
    public List<RotationSnapshot> rotationsOf(String roleKey) {
        return rotations().stream().filter(r -> roleKey.equals(r.roleKey())).toList();
    }

    /** Every rotation by name, then id as text: the order the directory's who-is-on-call uses. */
    public List<RotationSnapshot> rotations() {
        if (rotations == null) {
            rotations = DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey like ?1", "rotation:%").stream()
                    .map(e -> read(e, RotationSnapshot.class, RotationSnapshot.TYPE))
                    .sorted(Comparator.comparing(RotationSnapshot::name)
                            .thenComparing(r -> r.rotationId().toString()))
                    .toList();
            prefetch(rotations.stream().flatMap(r -> java.util.stream.Stream.concat(r.members().stream(),
                    r.overrides().stream().map(RotationSnapshot.Override::contactId))).toList());
        }
        return rotations;
    }

    @Override
    public Optional<RoleRoster> roster(String roleKey) {
        return rosters.computeIfAbsent(roleKey, key -> {
            Optional<RoleRoster> roster = Optional.ofNullable(
                    DirectoryReplicaEntry.<DirectoryReplicaEntry>findById(RoleRoster.keyOf(key)))
                    .map(e -> read(e, RoleRoster.class, RoleRoster.TYPE));
            roster.ifPresent(r -> prefetch(r.contactIds()));
            return roster;
        });
    }

    /** The key of every role the directory has published (its role catalog), sorted; empty before the first. */
    public static java.util.SortedSet<String> roleKeys() {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey like ?1", "role:%")
                .forEach(e -> keys.add(e.entityKey.substring("role:".length())));
        return keys;
    }

    /** Every outside party the replica knows, by organisation. */
    public List<ExternalPartySnapshot> externalParties() {
        return DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey like ?1", "external:%").stream()
                .map(e -> read(e, ExternalPartySnapshot.class, ExternalPartySnapshot.TYPE))
                .sorted(Comparator.comparing(ExternalPartySnapshot::organisation)).toList();
    }

    /** Every role roster the replica knows, by notification priority, then name. */
    public List<RoleRoster> rosters() {
        List<RoleRoster> all = DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey like ?1", "role:%").stream()
                .map(e -> read(e, RoleRoster.class, RoleRoster.TYPE))
                .sorted(Comparator.comparingInt(RoleRoster::notificationPriority).thenComparing(RoleRoster::name)
                        .thenComparing(RoleRoster::roleKey))
                .toList();
        all.forEach(r -> rosters.put(r.roleKey(), Optional.of(r)));
        return all;
    }

    /** The directory's last published readiness findings, if it has published any. */
    public Optional<ReadinessSnapshot> readiness() {
        return Optional.ofNullable(DirectoryReplicaEntry.<DirectoryReplicaEntry>findById(ReadinessSnapshot.KEY))
                .map(e -> read(e, ReadinessSnapshot.class, ReadinessSnapshot.TYPE));
    }

    /** Every person the replica knows, by id. */
    public Map<UUID, ContactSnapshot> everyone() {
        Map<UUID, ContactSnapshot> byId = new java.util.LinkedHashMap<>();
        DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey like ?1 order by entityKey", "contact:%")
                .forEach(e -> {
                    ContactSnapshot c = read(e, ContactSnapshot.class, ContactSnapshot.TYPE);
                    byId.put(c.contactId(), c);
                    contacts.put(c.contactId(), Optional.of(c));
                });
        return byId;
    }

    private static <T extends io.muster.contracts.EventPayload> T read(DirectoryReplicaEntry entry, Class<T> type,
            String typeName) {
        try {
            return EventJson.readPayload(entry.snapshot, type, typeName);
        } catch (EventJson.MalformedEventException e) {
            throw new IllegalStateException("replica entry " + entry.entityKey + " is unreadable", e);
        }
    }
}
