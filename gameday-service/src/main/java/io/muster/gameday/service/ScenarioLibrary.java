package io.muster.gameday.service;

import io.muster.gameday.api.InjectRequest;
import io.muster.gameday.api.ScenarioRequest;
import io.muster.gameday.api.ScenarioResponse;
import io.muster.gameday.domain.ScenarioInject;
import io.muster.gameday.domain.Scenario;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScenarioLibrary {

    static final String AUDIT_SCENARIO = "scenario";

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

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
    public Scenario create(ScenarioRequest request, String actor) {
        if (Scenario.count("slug", request.slug()) > 0) {
            throw ProblemException.conflict("duplicate", "slug", "scenario " + request.slug() + " already exists");
        }
        Scenario scenario = new Scenario();
        scenario.id = UUID.randomUUID();
        scenario.createdAt = clock.instant();
        apply(request, scenario);
        scenario.persist();
        audit.record(AUDIT_SCENARIO, scenario.id, "created", actor, null, ScenarioResponse.of(scenario));
        return scenario;
    }

    /** Replaces every field of a scenario; runs already finished keep the targets they were scored against. */
    @Transactional
    public Scenario update(UUID id, ScenarioRequest request, String actor) {
        Scenario scenario = get(id);
        if (Scenario.count("slug = ?1 and id <> ?2", request.slug(), id) > 0) {
            throw ProblemException.conflict("duplicate", "slug", "scenario " + request.slug() + " already exists");
        }
        ScenarioResponse before = ScenarioResponse.of(scenario);
        apply(request, scenario);
        audit.record(AUDIT_SCENARIO, id, "updated", actor, before, ScenarioResponse.of(scenario));
        return scenario;
    }

    private void apply(ScenarioRequest request, Scenario scenario) {
        if (request.targetAllRolesSeconds() < request.targetFirstAckSeconds()) {
            throw ProblemException.badRequest("targetAllRolesSeconds",
                    "must not be shorter than targetFirstAckSeconds");
        }
        List<String> roles = request.expectedRoles().stream().distinct().toList();
        List<InjectRequest> injects = request.injectsOrEmpty();
        for (int i = 0; i < injects.size(); i++) {
            String audience = injects.get(i).audience();
            if (!audience.equals(ScenarioInject.EVERYONE) && !roles.contains(audience)) {
                throw ProblemException.badRequest("injects[" + i + "].audience",
                        "must be 'all' or one of expectedRoles");
            }
        }
        Instant now = clock.instant();
        scenario.slug = request.slug();
        scenario.name = request.name().strip();
        scenario.description = request.description().strip();
        scenario.incidentType = request.incidentType();
        scenario.severity = request.severity();
        scenario.expectedRoles = roles;
        scenario.targetFirstAckSeconds = request.targetFirstAckSeconds();
        scenario.targetAllRolesSeconds = request.targetAllRolesSeconds();
        scenario.injects = injects.stream()
                .map(i -> new ScenarioInject(i.atSeconds(), i.audience(), i.message().strip()))
                .sorted(Comparator.comparingInt(ScenarioInject::atSeconds))
                .toList();
        scenario.updatedAt = now;
    }
}
