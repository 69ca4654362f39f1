package io.muster.directory.service;

import io.muster.directory.api.RoleRequest;
import io.muster.directory.domain.IrRole;
import io.muster.directory.api.RoleResponse;
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
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    DirectoryEvents events;

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
    public IrRole create(RoleRequest request, String actor) {
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
        audit.record("role", role.key, "created", actor, null, RoleResponse.of(role));
        announce(role);
        return role;
    }

    @Transactional
    public IrRole replace(String key, RoleRequest request, String actor) {
        IrRole role = get(key);
        if (request.key() != null && !request.key().equals(key)) {
            throw ProblemException.badRequest("key", "does not match the role in the path");
        }
        RoleResponse before = RoleResponse.of(role);
        apply(role, request, clock.instant());
        audit.record("role", role.key, "updated", actor, before, RoleResponse.of(role));
        announce(role);
        return role;
    }

    /** Adds a role unless one with the key exists; used to seed the catalog. Returns whether it was added. */
    @Transactional
    public boolean createIfAbsent(RoleRequest request) {
        if (IrRole.findById(request.key()) != null) {
            return false;
        }
        create(request, "system");
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
        events.publishRoster(role);
    }
}
