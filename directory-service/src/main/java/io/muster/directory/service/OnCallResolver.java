package io.muster.directory.service;

import io.muster.contracts.directory.RotationSnapshot;
import io.muster.directory.api.OnCallResponse;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.Team;
import io.muster.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Answers "who is on call" from the same {@link RotationSnapshot#onCallAt} function other services apply to their
 * replicas, so the directory and the pager never disagree.
 */
@ApplicationScoped
public class OnCallResolver {

    @Inject
    RotationSchedule rotations;

    @Inject
    Clock clock;

    /**
     * @param team a team id or name; null for any team
     * @param role a role key; null for any role
     * @param at   the instant asked about; null for now
     */
    @Transactional
    public OnCallResponse onCall(String team, String role, Instant at) {
        Instant when = at == null ? clock.instant() : at;
        UUID teamId = team == null || team.isBlank() ? null : resolveTeam(team.strip());
        if (role != null && !role.isBlank() && IrRole.findById(role.strip()) == null) {
            throw ProblemException.badRequest("role", "unknown role " + role.strip());
        }
        List<OnCallResponse.RotationOnCall> perRotation = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        List<OnCallResponse.Responder> responders = new ArrayList<>();
        for (RotationSchedule.RotationDetails details : rotations.list(teamId, role)) {
            List<UUID> onCall = details.snapshot().onCallAt(when);
            perRotation.add(new OnCallResponse.RotationOnCall(details.rotation().id, details.rotation().name,
                    details.rotation().teamId, details.rotation().roleKey, onCall));
            for (UUID contactId : onCall) {
                if (seen.add(contactId)) {
                    Person person = Person.findById(contactId);
                    responders.add(new OnCallResponse.Responder(contactId,
                            person == null ? null : person.displayName, details.rotation().id));
                }
            }
        }
        return new OnCallResponse(when, responders, perRotation);
    }

    private static UUID resolveTeam(String team) {
        try {
            UUID id = UUID.fromString(team);
            if (Team.findById(id) != null) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not an id: a name
        }
        Team byName = Team.find("lower(name) = lower(?1)", team).firstResult();
        if (byName == null) {
            throw ProblemException.badRequest("team", "no team " + team);
        }
        return byName.id;
    }
}
