package io.muster.gameday.service;

import io.muster.contracts.Severity;
import io.muster.gameday.domain.Scenario;
import io.muster.gameday.domain.ScenarioInject;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
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
            throw Refusal.notFound("Scenario", id);
        }
        return scenario;
    }

    @Transactional
    public Scenario create(ScenarioFields request, String actor) {
        if (Scenario.count("slug", request.slug()) > 0) {
            throw Refusal.conflict("duplicate", "slug", "scenario " + request.slug() + " already exists");
        }
        Scenario scenario = new Scenario();
        scenario.id = UUID.randomUUID();
        scenario.createdAt = clock.instant();
        apply(request, scenario);
        scenario.persist();
        audit.record(AUDIT_SCENARIO, scenario.id, "created", actor, null, ScenarioState.of(scenario));
        return scenario;
    }

    /** Replaces every field of a scenario; runs already finished keep the targets they were scored against. */
    @Transactional
    public Scenario update(UUID id, ScenarioFields request, String actor) {
        Scenario scenario = get(id);
        if (Scenario.count("slug = ?1 and id <> ?2", request.slug(), id) > 0) {
            throw Refusal.conflict("duplicate", "slug", "scenario " + request.slug() + " already exists");
        }
        ScenarioState before = ScenarioState.of(scenario);
        apply(request, scenario);
        audit.record(AUDIT_SCENARIO, id, "updated", actor, before, ScenarioState.of(scenario));
        return scenario;
    }

    private void apply(ScenarioFields request, Scenario scenario) {
        if (request.targetAllRolesSeconds() < request.targetFirstAckSeconds()) {
            throw Refusal.invalid("targetAllRolesSeconds",
                    "must not be shorter than targetFirstAckSeconds");
        }
        List<String> roles = request.expectedRoles().stream().distinct().toList();
        List<ScenarioInject> injects = request.injects();
        for (int i = 0; i < injects.size(); i++) {
            String audience = injects.get(i).audience();
            if (!audience.equals(ScenarioInject.EVERYONE) && !roles.contains(audience)) {
                throw Refusal.invalid("injects[" + i + "].audience",
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

    /** A scenario as the audit log keeps it (the shape the API shows it in). */
    record ScenarioState(UUID id, String slug, String name, String description, String incidentType,
            Severity severity, List<String> expectedRoles, int targetFirstAckSeconds, int targetAllRolesSeconds,
            List<ScenarioInject> injects, Instant updatedAt) {

        static ScenarioState of(Scenario s) {
            return new ScenarioState(s.id, s.slug, s.name, s.description, s.incidentType, s.severity,
                    List.copyOf(s.expectedRoles), s.targetFirstAckSeconds, s.targetAllRolesSeconds,
                    s.injects == null ? List.of() : List.copyOf(s.injects), s.updatedAt);
        }
    }
}
