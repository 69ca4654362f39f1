package io.muster.escalation.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.ResponderSelection.Candidate;
import io.muster.contracts.directory.ResponderSelection.Reason;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.StageDefinition;
import io.muster.escalation.persistence.ReplicaDirectory;
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
 * Roles and teams go through {@link ResponderSelection}, the rule the directory's who-is-on-call applies too; a
 * role none of whose holders can be reached goes at once to its escalation contact. Named people are paged unless
 * the replica knows them as inactive; a level pages every active person at it.
 */
@ApplicationScoped
public class OnCallResolver {

    /**
     * A person to page, the role they are paged for (null when named directly, by team or level) and why they were
     * chosen (null when named directly or by level).
     */
    public record Target(UUID contactId, String roleKey, Reason reason) {
    }

    /** The people a stage pages, and the roles in it for which nobody at all could be reached. */
    public record Resolution(List<Target> targets, List<String> unreachableRoles, List<Target> escalatedAtOnce) {
        public boolean nobody() {
            return targets.isEmpty();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution resolve(StageDefinition stage, List<String> extraRoles, Instant at) {
        ReplicaDirectory directory = new ReplicaDirectory();
        Map<UUID, Target> chosen = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        List<Target> atOnce = new ArrayList<>();
        List<String> roles = new ArrayList<>(stage.roles());
        extraRoles.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        for (String role : roles) {
            List<Target> forRole = forRole(role, at, directory);
            if (forRole.isEmpty()) {
                unreachable.add(role);
            } else if (forRole.get(0).reason() == Reason.ESCALATION_CONTACT) {
                atOnce.add(forRole.get(0));
            }
            forRole.forEach(t -> chosen.putIfAbsent(t.contactId(), t));
        }
        for (UUID team : stage.teams()) {
            for (RotationSnapshot rotation : directory.rotations()) {
                if (team.equals(rotation.teamId())) {
                    ResponderSelection.answeringFor(rotation, at, directory).ifPresent(c -> chosen.putIfAbsent(
                            c.contactId(), new Target(c.contactId(), null, c.reason())));
                }
            }
        }
        if (!stage.contacts().isEmpty()) {
            directory.prefetch(stage.contacts());
        }
        for (UUID person : stage.contacts()) {
            // A person the replica knows as inactive is not paged; one it does not know yet still is.
            Optional<ContactSnapshot> known = directory.contact(person);
            if (known.isEmpty() || known.get().active()) {
                chosen.putIfAbsent(person, new Target(person, null, null));
            }
        }
        if (!stage.levels().isEmpty()) {
            for (ContactSnapshot c : directory.everyone().values()) {
                if (c.active() && stage.levels().contains(c.escalationLevel())) {
                    chosen.putIfAbsent(c.contactId(), new Target(c.contactId(), null, null));
                }
            }
        }
        return new Resolution(List.copyOf(chosen.values()), List.copyOf(unreachable), List.copyOf(atOnce));
    }

    /**
     * Who is paged for a role now: everyone the rule says answers, or, when none of its holders can be reached, its
     * escalation contact at once. Empty when not even that person can be reached.
     */
    private static List<Target> forRole(String role, Instant at, ReplicaDirectory directory) {
        List<Candidate> answering = ResponderSelection.answering(role, at, directory);
        if (!answering.isEmpty()) {
            return answering.stream().map(c -> new Target(c.contactId(), role, c.reason())).toList();
        }
        return ResponderSelection.candidates(role, at, directory).stream()
                .filter(c -> c.reachable() && c.reason() == Reason.ESCALATION_CONTACT)
                .map(c -> new Target(c.contactId(), role, c.reason())).limit(1).toList();
    }

    /** Everyone who could answer for the role now, in the order its own path tries them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Candidate> candidates(String role, Instant at) {
        return ResponderSelection.candidates(role, at, new ReplicaDirectory());
    }

    /** The replica's snapshot of one person, if it knows them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ContactSnapshot> contact(UUID contactId) {
        return new ReplicaDirectory().contact(contactId);
    }

    /**
     * The people a signed-in caller is: those whose sign-in name ({@code login}) or contact id equals one of the
     * caller's names (token subject, username, principal), or one of whose verified email channels has one of the
     * caller's addresses, ignoring case. Tokens carry no contact id, so this is how a call is tied to a person; an
     * unverified channel never is (anyone can type an address).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> contactsKnownAs(Caller caller) {
        Set<String> names = lowerCase(caller.names());
        Set<String> emails = lowerCase(caller.emails());
        if (names.isEmpty() && emails.isEmpty()) {
            return List.of();
        }
        return new ReplicaDirectory().everyone().values().stream()
                .filter(c -> names.contains(c.contactId().toString())
                        || (c.login() != null && names.contains(c.login().strip().toLowerCase(Locale.ROOT)))
                        || c.channels().stream().anyMatch(ch -> ch.type() == ChannelType.EMAIL && ch.verified()
                                && ch.address() != null
                                && emails.contains(ch.address().strip().toLowerCase(Locale.ROOT))))
                .map(ContactSnapshot::contactId).sorted().toList();
    }

    private static Set<String> lowerCase(Set<String> values) {
        return values.stream().filter(n -> n != null && !n.isBlank())
                .map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The display name the replica knows for a person, for the timeline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String nameOf(UUID contactId) {
        return new ReplicaDirectory().contact(contactId).map(ContactSnapshot::displayName)
                .orElse(contactId.toString());
    }
}
