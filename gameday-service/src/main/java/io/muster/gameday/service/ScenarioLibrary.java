package io.muster.gameday.service;

import io.muster.gameday.api.ScenarioRequest;
import io.muster.gameday.domain.Scenario;
import io.muster.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScenarioLibrary {

    @Inject
    Clock clock;

    @Transactional
    public List<Scenario> list() {
        return Scenario.listAll(Sort.by("name"));
    }

    @Transactional
    public Scenario get(UUID id) {
        Scenario scenario = Scenario.findById(id);
        if (scenario == null) {
            throw ProblemException.notFound("Scenario", id);
        }
        return scenario;
    }

    @Transactional
    public Scenario create(ScenarioRequest request) {
        if (Scenario.count("slug", request.slug()) > 0) {
            throw ProblemException.conflict("duplicate", "slug", "scenario " + request.slug() + " already exists");
        }
        if (request.targetAllRolesSeconds() < request.targetFirstAckSeconds()) {
            throw ProblemException.badRequest("targetAllRolesSeconds",
                    "must not be shorter than targetFirstAckSeconds");
        }
        Instant now = clock.instant();
        Scenario scenario = new Scenario();
        scenario.id = UUID.randomUUID();
        scenario.slug = request.slug();
        scenario.name = request.name().strip();
        scenario.description = request.description().strip();
        scenario.incidentType = request.incidentType();
        scenario.severity = request.severity();
        scenario.expectedRoles = request.expectedRoles().stream().distinct().toList();
        scenario.targetFirstAckSeconds = request.targetFirstAckSeconds();
        scenario.targetAllRolesSeconds = request.targetAllRolesSeconds();
        scenario.createdAt = now;
        scenario.updatedAt = now;
        scenario.persist();
        return scenario;
    }
}
