package io.muster.directory.service;

import io.muster.directory.domain.Person;
import io.muster.directory.domain.Team;
import io.muster.platform.audit.AuditTrail;
import io.muster.directory.service.CatalogStates.TeamState;
import io.muster.platform.domain.Refusal;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Teams of people. Membership is directory data of its own, audited like every change. */
@ApplicationScoped
public class TeamDirectory {

    @Inject
    AuditTrail audit;

    @Inject
    RotationSchedule rotations;

    @Inject
    Clock clock;

    @Transactional
    public List<Team> list() {
        return Team.listAll(Sort.by("name"));
    }

    @Transactional
    public Team get(UUID id) {
        Team team = Team.findById(id);
        if (team == null) {
            throw Refusal.notFound("Team", id);
        }
        return team;
    }

    @Transactional
    public Team create(TeamFields request, String actor) {
        checkName(request.name().strip(), null);
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.createdAt = clock.instant();
        apply(team, request);
        team.persist();
        audit.record("team", team.id, "created", actor, null, TeamState.of(team));
        return team;
    }

    @Transactional
    public Team replace(UUID id, TeamFields request, String actor) {
        Team team = get(id);
        checkName(request.name().strip(), id);
        TeamState before = TeamState.of(team);
        apply(team, request);
        audit.record("team", id, "updated", actor, before, TeamState.of(team));
        return team;
    }

    @Transactional
    public void delete(UUID id, String actor) {
        Team team = get(id);
        TeamState before = TeamState.of(team);
        // The database would drop the team's rotations on its own (ON DELETE CASCADE), unaudited and without the
        // tombstones that take them out of escalation's replica.
        rotations.teamRemoved(id, actor);
        team.delete();
        audit.record("team", id, "deleted", actor, before, null);
    }

    private void checkName(String name, UUID self) {
        Team existing = Team.find("lower(name) = lower(?1)", name).firstResult();
        if (existing != null && !existing.id.equals(self)) {
            throw Refusal.conflict("duplicate", "name", "a team named " + name + " already exists");
        }
    }

    private void apply(Team team, TeamFields request) {
        List<UUID> members = request.memberIds() == null ? List.of() : request.memberIds();
        for (int i = 0; i < members.size(); i++) {
            if (Person.findById(members.get(i)) == null) {
                throw Refusal.invalid("memberIds[" + i + "]",
                        "no person " + members.get(i) + " in the directory");
            }
        }
        team.name = request.name().strip();
        team.description = request.description() == null ? "" : request.description().strip();
        team.memberIds.clear();
        team.memberIds.addAll(new LinkedHashSet<>(members));
        team.updatedAt = clock.instant();
    }
}
