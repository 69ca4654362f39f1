package io.muster.directory.service;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.ResponderSelection.Candidate;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Team;
import io.muster.platform.domain.Refusal;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Answers "who is on call" by {@link ResponderSelection} over {@link PublishedDirectory}: the rule escalation pages
 * with, applied to the snapshots escalation pages from, so the directory and the pager never disagree.
 *
 * <p>For a role: {@link ResponderSelection#answering} and {@link ResponderSelection#candidates}; a team given as
 * well narrows the role to that team's rotations (and, when the team has none for it, to the team's members on the
 * roster). For a team alone: {@link ResponderSelection#answeringFor} each of its rotations, as a team target is
 * paged. With neither: every role of the catalog.
 */
@ApplicationScoped
public class OnCallResolver {

    @Inject
    RotationSchedule rotations;

    @Inject
    PublishedDirectory published;

    @Inject
    Clock clock;

    /**
     * @param team a team id or name; null for any team
     * @param role a role key; null for any role
     * @param at   the instant asked about; null for now
     */
    @Transactional
    public OnCall onCall(String team, String role, Instant at) {
        Instant when = at == null ? clock.instant() : at;
        Team chosenTeam = team == null || team.isBlank() ? null : resolveTeam(team.strip());
        String roleKey = role == null || role.isBlank() ? null : role.strip();
        if (roleKey != null && IrRole.findById(roleKey) == null) {
            throw Refusal.invalid("role", "unknown role " + roleKey);
        }
        ResponderSelection.Directory directory = published.open();
        Answer answer = new Answer();
        if (roleKey != null) {
            ResponderSelection.Directory scope = chosenTeam == null ? directory : narrowedTo(chosenTeam, directory);
            answer.add(ResponderSelection.answering(roleKey, when, scope),
                    ResponderSelection.candidates(roleKey, when, scope));
        } else if (chosenTeam != null) {
            List<RotationSnapshot> own = rotations.list(chosenTeam.id, null).stream()
                    .map(RotationSchedule.RotationDetails::snapshot).sorted(PublishedDirectory.IN_ORDER).toList();
            for (RotationSnapshot rotation : own) {
                ResponderSelection.Directory alone = onlyRotation(rotation, directory);
                answer.add(ResponderSelection.answeringFor(rotation, when, directory).stream().toList(),
                        ResponderSelection.candidates(rotation.roleKey(), when, alone));
            }
        } else {
            for (IrRole each : IrRole.<IrRole>listAll(Sort.by("notificationPriority").and("key"))) {
                answer.add(ResponderSelection.answering(each.key, when, directory),
                        ResponderSelection.candidates(each.key, when, directory));
            }
        }
        List<OnCall.RotationOnCall> perRotation = new ArrayList<>();
        for (RotationSchedule.RotationDetails details : rotations.list(chosenTeam == null ? null : chosenTeam.id,
                roleKey)) {
            perRotation.add(new OnCall.RotationOnCall(details.rotation().id, details.rotation().name,
                    details.rotation().teamId, details.rotation().roleKey, details.snapshot().onCallAt(when)));
        }
        return new OnCall(when, answer.map(answer.responders, directory),
                answer.map(answer.candidates, directory), perRotation);
    }

    /** Answers merged across roles or rotations: each person once per role, in the order they came. */
    private static final class Answer {
        final List<Candidate> responders = new ArrayList<>();
        final List<Candidate> candidates = new ArrayList<>();
        private final Set<String> seenResponders = new HashSet<>();
        private final Set<String> seenCandidates = new HashSet<>();

        void add(List<Candidate> answering, List<Candidate> all) {
            answering.stream().filter(c -> seenResponders.add(c.contactId() + " " + c.roleKey()))
                    .forEach(responders::add);
            all.stream().filter(c -> seenCandidates.add(c.contactId() + " " + c.roleKey()))
                    .forEach(candidates::add);
        }

        List<OnCall.Responder> map(List<Candidate> list, ResponderSelection.Directory directory) {
            return list.stream().map(c -> OnCall.Responder.of(c, directory)).toList();
        }
    }

    /** The directory as if the role were held in this team only: its rotations, else its members on the roster. */
    private static ResponderSelection.Directory narrowedTo(Team team, ResponderSelection.Directory directory) {
        Set<UUID> members = new LinkedHashSet<>(team.memberIds);
        return new ResponderSelection.Directory() {
            @Override
            public Optional<ContactSnapshot> contact(UUID contactId) {
                return directory.contact(contactId);
            }

            @Override
            public List<RotationSnapshot> rotationsOf(String roleKey) {
                return directory.rotationsOf(roleKey).stream().filter(r -> team.id.equals(r.teamId())).toList();
            }

            @Override
            public Optional<RoleRoster> roster(String roleKey) {
                return directory.roster(roleKey).map(r -> new RoleRoster(r.roleKey(), r.name(),
                        r.defaultEscalationLevel(), r.notificationPriority(),
                        r.contactIds().stream().filter(members::contains).toList(), r.escalationContactId()));
            }
        };
    }

    /**
     * The directory as if the rotation were its role's only one and the role had no roster: the rotation's own
     * chain, as a team target is paged (a team page does not go on to the role's escalation contact).
     */
    private static ResponderSelection.Directory onlyRotation(RotationSnapshot rotation,
            ResponderSelection.Directory directory) {
        return new ResponderSelection.Directory() {
            @Override
            public Optional<ContactSnapshot> contact(UUID contactId) {
                return directory.contact(contactId);
            }

            @Override
            public List<RotationSnapshot> rotationsOf(String roleKey) {
                return rotation.roleKey().equals(roleKey) ? List.of(rotation) : List.of();
            }

            @Override
            public Optional<RoleRoster> roster(String roleKey) {
                return Optional.empty();
            }
        };
    }

    private static Team resolveTeam(String team) {
        try {
            Team byId = Team.findById(UUID.fromString(team));
            if (byId != null) {
                return byId;
            }
        } catch (IllegalArgumentException e) {
            // not an id: a name
        }
        Team byName = Team.find("lower(name) = lower(?1)", team).firstResult();
        if (byName == null) {
            throw Refusal.invalid("team", "no team " + team);
        }
        return byName;
    }
}
