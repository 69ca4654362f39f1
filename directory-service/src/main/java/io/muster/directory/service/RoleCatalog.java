package io.muster.directory.service;

import io.muster.contracts.directory.RoleRoster;
import io.muster.directory.api.RoleRequest;
import io.muster.directory.domain.IrRole;
import io.muster.platform.outbox.Outbox;
import io.muster.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The catalog of incident-response roles. Every change is announced on the directory topic. */
@ApplicationScoped
public class RoleCatalog {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public List<IrRole> list() {
        return IrRole.listAll(Sort.by("notificationPriority").and("key"));
    }

    @Transactional
    public IrRole get(String key) {
        IrRole role = IrRole.findById(key);
        if (role == null) {
            throw ProblemException.notFound("Role", key);
        }
        return role;
    }

    @Transactional
    public IrRole create(RoleRequest request) {
        if (request.key() == null) {
            throw ProblemException.badRequest("key", "must not be null");
        }
        if (IrRole.findById(request.key()) != null) {
            throw ProblemException.conflict("duplicate", "key", "role " + request.key() + " already exists");
        }
        IrRole role = new IrRole();
        role.key = request.key();
        role.createdAt = clock.instant();
        apply(role, request, role.createdAt);
        role.persist();
        announce(role);
        return role;
    }

    @Transactional
    public IrRole replace(String key, RoleRequest request) {
        IrRole role = get(key);
        if (request.key() != null && !request.key().equals(key)) {
            throw ProblemException.badRequest("key", "does not match the role in the path");
        }
        apply(role, request, clock.instant());
        announce(role);
        return role;
    }

    /** Adds a role unless one with the key exists; used to seed the catalog. Returns whether it was added. */
    @Transactional
    public boolean createIfAbsent(RoleRequest request) {
        if (IrRole.findById(request.key()) != null) {
            return false;
        }
        create(request);
        return true;
    }

    private static void apply(IrRole role, RoleRequest request, Instant now) {
        role.name = request.name().strip();
        role.responsibilities = request.responsibilities() == null ? "" : request.responsibilities().strip();
        role.requiredSkills = request.requiredSkills() == null ? List.of()
                : request.requiredSkills().stream().map(String::strip).distinct().toList();
        role.defaultEscalationLevel = request.defaultEscalationLevel();
        role.notificationPriority = request.notificationPriority();
        role.updatedAt = now;
    }

    private void announce(IrRole role) {
        // People holding roles arrive with the directory's people; until then rosters are empty.
        outbox.publish(new RoleRoster(role.key, role.name, role.defaultEscalationLevel, role.notificationPriority,
                List.of()));
    }
}
