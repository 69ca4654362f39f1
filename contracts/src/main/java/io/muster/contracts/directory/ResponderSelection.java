package io.muster.contracts.directory;

import io.muster.contracts.ChannelType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one rule that decides who answers for a role at an instant. The directory's who-is-on-call and escalation's
 * paging both apply it, the directory to its tables and escalation to its replica of the same snapshots, so the
 * two cannot disagree.
 *
 * <p>For each rotation of the role: the person its {@link RotationSnapshot#onCallAt} puts first (an override, else
 * the member on shift); if they cannot be reached, their backup; then the other members in rotation order. The
 * first reachable person of each rotation answers. A role with no rotation is answered by its roster in priority
 * order. After the people who answer come the others who could, in order (the "next holders"), and last the role's
 * escalation contact. Reachable means active with at least one verified channel that pages ({@link #PAGEABLE}).
 */
public final class ResponderSelection {

    /** Channel types that Muster sends pages on; others may be recorded but do not make a person reachable. */
    public static final Set<ChannelType> PAGEABLE = Set.of(ChannelType.SMS, ChannelType.EMAIL, ChannelType.WEBHOOK);

    private ResponderSelection() {
    }

    /** What the rule reads: the same snapshots the directory publishes on {@code muster.directory.v1}. */
    public interface Directory {
        Optional<ContactSnapshot> contact(UUID contactId);

        /** Every rotation whose role is {@code roleKey}, in a stable order. */
        List<RotationSnapshot> rotationsOf(String roleKey);

        Optional<RoleRoster> roster(String roleKey);
    }

    /** Why a person is a candidate for a role. */
    public enum Reason {
        /** An override covers the instant. */
        OVERRIDE,
        /** On shift in the rotation. */
        ON_CALL,
        /** The backup of the person who should have answered. */
        BACKUP,
        /** The next member of the rotation after those before them. */
        NEXT_IN_ROTATION,
        /** The role has no rotation: its roster in priority order. */
        ROSTER,
        /** The role's escalation contact, after every holder. */
        ESCALATION_CONTACT
    }

    /**
     * One person who could answer for {@code roleKey}. {@code rotationId} is the rotation they come from (null for
     * roster and escalation contact); {@code unreachable} says why they cannot be paged, null when they can.
     */
    public record Candidate(UUID contactId, String roleKey, UUID rotationId, Reason reason, String unreachable) {
        public boolean reachable() {
            return unreachable == null;
        }
    }

    /**
     * Everyone who could answer for the role at {@code at}, in the order to try them, reachable or not, each person
     * once: first those who answer ({@link #answering}), then the rest of every chain (backups, next members, the
     * rest of the roster), then the role's escalation contact.
     */
    public static List<Candidate> candidates(String roleKey, Instant at, Directory directory) {
        List<List<Candidate>> chains = chains(roleKey, at, directory);
        List<Candidate> ordered = new ArrayList<>(firstReachable(chains));
        Set<UUID> seen = new LinkedHashSet<>();
        ordered.forEach(c -> seen.add(c.contactId()));
        for (List<Candidate> chain : chains) {
            for (Candidate c : chain) {
                if (seen.add(c.contactId())) {
                    ordered.add(c);
                }
            }
        }
        directory.roster(roleKey).map(RoleRoster::escalationContactId)
                .filter(id -> id != null && seen.add(id))
                .ifPresent(id -> ordered.add(candidate(id, roleKey, null, Reason.ESCALATION_CONTACT, directory)));
        return List.copyOf(ordered);
    }

    /**
     * The people who answer for the role at {@code at}: the first reachable person of each of its rotations (or of
     * its roster when it has none). Empty when nobody who holds the role can be reached; the escalation contact is
     * not among them (they come after every holder).
     */
    public static List<Candidate> answering(String roleKey, Instant at, Directory directory) {
        return firstReachable(chains(roleKey, at, directory));
    }

    /** A chain per rotation of the role, or the roster as one chain when the role has no rotation. */
    private static List<List<Candidate>> chains(String roleKey, Instant at, Directory directory) {
        List<List<Candidate>> chains = new ArrayList<>();
        for (RotationSnapshot rotation : directory.rotationsOf(roleKey)) {
            chains.add(chain(rotation, roleKey, at, directory));
        }
        if (chains.isEmpty()) {
            chains.add(directory.roster(roleKey).map(r -> r.contactIds().stream()
                    .map(id -> candidate(id, roleKey, null, Reason.ROSTER, directory)).toList())
                    .orElse(List.of()));
        }
        return chains;
    }

    private static List<Candidate> firstReachable(List<List<Candidate>> chains) {
        List<Candidate> answering = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (List<Candidate> chain : chains) {
            // A person who answers for two rotations of the role is paged once, and the second rotation does not
            // reach further down its chain for someone else.
            chain.stream().filter(Candidate::reachable).findFirst()
                    .filter(c -> seen.add(c.contactId())).ifPresent(answering::add);
        }
        return List.copyOf(answering);
    }

    /** Who answers for one rotation (a team's rotation paged as a team target), empty when nobody can be reached. */
    public static Optional<Candidate> answeringFor(RotationSnapshot rotation, Instant at, Directory directory) {
        return chain(rotation, rotation.roleKey(), at, directory).stream().filter(Candidate::reachable).findFirst();
    }

    /** Why this person cannot be paged, or null when they can. */
    public static String unreachableBecause(Optional<ContactSnapshot> contact) {
        if (contact.isEmpty()) {
            return "not in the directory";
        }
        if (!contact.get().active()) {
            return "inactive";
        }
        boolean pageable = contact.get().channels().stream()
                .anyMatch(ch -> ch.verified() && PAGEABLE.contains(ch.type()));
        return pageable ? null : "no verified channel that pages";
    }

    /** One rotation's chain at {@code at}: the first person, their backup, then the rest in rotation order. */
    private static List<Candidate> chain(RotationSnapshot rotation, String roleKey, Instant at, Directory directory) {
        List<UUID> order = rotation.onCallAt(at);
        List<Candidate> chain = new ArrayList<>();
        if (order.isEmpty()) {
            return chain;
        }
        Set<UUID> seen = new LinkedHashSet<>();
        UUID first = order.get(0);
        boolean overridden = rotation.overrides().stream()
                .anyMatch(o -> o.contactId().equals(first) && !at.isBefore(o.from()) && at.isBefore(o.to()));
        Candidate head = candidate(first, roleKey, rotation.rotationId(),
                overridden ? Reason.OVERRIDE : Reason.ON_CALL, directory);
        chain.add(head);
        seen.add(first);
        if (!head.reachable()) {
            directory.contact(first).map(ContactSnapshot::backupContactId)
                    .filter(backup -> backup != null && seen.add(backup))
                    .ifPresent(backup -> chain.add(candidate(backup, roleKey, rotation.rotationId(), Reason.BACKUP,
                            directory)));
        }
        for (UUID next : order.subList(1, order.size())) {
            if (seen.add(next)) {
                chain.add(candidate(next, roleKey, rotation.rotationId(), Reason.NEXT_IN_ROTATION, directory));
            }
        }
        return chain;
    }

    private static Candidate candidate(UUID id, String roleKey, UUID rotationId, Reason reason, Directory directory) {
        return new Candidate(id, roleKey, rotationId, reason, unreachableBecause(directory.contact(id)));
    }
}
