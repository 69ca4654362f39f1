package io.muster.escalation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.muster.contracts.ChannelType;
import io.muster.contracts.EventJson;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.escalation.domain.DirectoryReplicaEntry;
import io.muster.escalation.domain.StageDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns stage targets into people, from the local directory replica only (so a directory outage stops no page).
 * A role or team pages whoever its rotations have on call; a role without any rotation falls back to everyone on
 * its roster. Inactive people are never paged.
 */
@ApplicationScoped
public class OnCallResolver {

    /** A person to page, and the role they are paged for (null when named directly). */
    public record Target(UUID contactId, String roleKey) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Target> resolve(StageDefinition stage, List<String> extraRoles, Instant at) {
        Map<UUID, Target> chosen = new LinkedHashMap<>();
        List<RotationSnapshot> rotations = rotations();
        // Only a level target needs every contact; reading (and parsing) the whole replica for every stage made each
        // raise cost in proportion to the size of the directory.
        Map<UUID, ContactSnapshot> everyone = stage.levels().isEmpty() ? Map.of() : contacts();
        List<String> roles = new ArrayList<>(stage.roles());
        extraRoles.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        for (String role : roles) {
            for (UUID person : onCallForRole(role, rotations, at)) {
                chosen.putIfAbsent(person, new Target(person, role));
            }
        }
        for (UUID team : stage.teams()) {
            rotations.stream().filter(r -> team.equals(r.teamId()))
                    .map(r -> r.onCallAt(at))
                    .filter(people -> !people.isEmpty())
                    .forEach(people -> chosen.putIfAbsent(people.get(0), new Target(people.get(0), null)));
        }
        for (UUID person : stage.contacts()) {
            chosen.putIfAbsent(person, new Target(person, null));
        }
        for (int level : stage.levels()) {
            everyone.values().stream()
                    .filter(c -> c.active() && c.escalationLevel() == level)
                    .forEach(c -> chosen.putIfAbsent(c.contactId(), new Target(c.contactId(), null)));
        }
        // A person the replica knows as inactive is not paged; one it does not know yet still is.
        Map<UUID, ContactSnapshot> known = stage.levels().isEmpty() ? contacts(chosen.keySet()) : everyone;
        chosen.values().removeIf(t -> known.containsKey(t.contactId()) && !known.get(t.contactId()).active());
        return List.copyOf(chosen.values());
    }

    private List<UUID> onCallForRole(String role, List<RotationSnapshot> rotations, Instant at) {
        List<RotationSnapshot> own = rotations.stream().filter(r -> role.equals(r.roleKey())).toList();
        if (own.isEmpty()) {
            return roster(role).map(RoleRoster::contactIds).orElse(List.of());
        }
        List<UUID> people = new ArrayList<>();
        for (RotationSnapshot rotation : own) {
            List<UUID> onCall = rotation.onCallAt(at);
            if (!onCall.isEmpty() && !people.contains(onCall.get(0))) {
                people.add(onCall.get(0));
            }
        }
        return people;
    }

    private Optional<RoleRoster> roster(String role) {
        DirectoryReplicaEntry entry = DirectoryReplicaEntry.findById(RoleRoster.keyOf(role));
        return entry == null ? Optional.empty() : Optional.of(read(entry, RoleRoster.class));
    }

    private List<RotationSnapshot> rotations() {
        return DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey like ?1", "rotation:%").stream()
                .map(e -> read(e, RotationSnapshot.class)).toList();
    }

    private Map<UUID, ContactSnapshot> contacts() {
        Map<UUID, ContactSnapshot> byId = new LinkedHashMap<>();
        DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey like ?1 order by entityKey", "contact:%")
                .forEach(e -> {
                    ContactSnapshot c = read(e, ContactSnapshot.class);
                    byId.put(c.contactId(), c);
                });
        return byId;
    }

    /**
     * The people a signed-in caller may be: those whose id, or the address of one of whose email channels, equals
     * one of the caller's names (token principal, email claim), ignoring case. Tokens carry no contact id, so this
     * is how an acknowledgement through the API is tied to a person.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> contactsKnownAs(Set<String> callerNames) {
        Set<String> names = callerNames.stream().filter(n -> n != null && !n.isBlank())
                .map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return contacts().values().stream()
                .filter(c -> names.contains(c.contactId().toString()) || c.channels().stream()
                        .anyMatch(ch -> ch.type() == ChannelType.EMAIL && ch.address() != null
                                && names.contains(ch.address().strip().toLowerCase(Locale.ROOT))))
                .map(ContactSnapshot::contactId).toList();
    }

    /** The replica's snapshots of the given people (those it knows), in one query. */
    private Map<UUID, ContactSnapshot> contacts(java.util.Collection<UUID> ids) {
        Map<UUID, ContactSnapshot> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        DirectoryReplicaEntry.<DirectoryReplicaEntry>list("entityKey in ?1",
                ids.stream().map(ContactSnapshot::keyOf).toList()).forEach(e -> {
                    ContactSnapshot c = read(e, ContactSnapshot.class);
                    byId.put(c.contactId(), c);
                });
        return byId;
    }

    /** The display name the replica knows for a person, for the timeline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String nameOf(UUID contactId) {
        DirectoryReplicaEntry entry = DirectoryReplicaEntry.findById(ContactSnapshot.keyOf(contactId));
        return entry == null ? contactId.toString() : read(entry, ContactSnapshot.class).displayName();
    }

    private static <T> T read(DirectoryReplicaEntry entry, Class<T> type) {
        try {
            return EventJson.mapper().readValue(entry.snapshot, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("replica entry " + entry.entityKey + " is unreadable", e);
        }
    }
}
