package io.muster.directory.service;

import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.platform.audit.AuditTrail;
import io.muster.directory.service.CatalogStates.RoleState;
import io.muster.platform.domain.Refusal;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The catalog of incident-response roles and who is paged for each after its holders (the escalation contact).
 * Every change is audited and announced on the directory topic as the role's roster.
 */
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
            throw Refusal.notFound("Role", key);
        }
        return role;
    }

    @Transactional
    public IrRole create(RoleFields request, String actor) {
        if (request.key() == null) {
            throw Refusal.invalid("key", "must not be null");
        }
        if (IrRole.findById(request.key()) != null) {
            throw Refusal.conflict("duplicate", "key", "role " + request.key() + " already exists");
        }
        checkEscalationContact(request.escalationContactId());
        IrRole role = new IrRole();
        role.key = request.key();
        role.createdAt = clock.instant();
        apply(role, request, role.createdAt);
        role.persist();
        audit.record("role", role.key, "created", actor, null, RoleState.of(role));
        announce(role);
        return role;
    }

    @Transactional
    public IrRole replace(String key, RoleFields request, String actor) {
        IrRole role = get(key);
        if (request.key() != null && !request.key().equals(key)) {
            throw Refusal.invalid("key", "does not match the role in the path");
        }
        checkEscalationContact(request.escalationContactId());
        RoleState before = RoleState.of(role);
        apply(role, request, clock.instant());
        audit.record("role", role.key, "updated", actor, before, RoleState.of(role));
        announce(role);
        return role;
    }

    /** Adds a role unless one with the key exists; used to seed the catalog. Returns whether it was added. */
    @Transactional
    public boolean createIfAbsent(RoleFields request) {
        if (IrRole.findById(request.key()) != null) {
            return false;
        }
        create(request, "system");
        return true;
    }

    /**
     * Sets a role's escalation contact for a use case that publishes the roster itself (the import publishes every
     * roster it touched once, at the end). The caller has checked the person.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignEscalationContact(IrRole role, UUID contactId, String actor) {
        RoleState before = RoleState.of(role);
        role.escalationContactId = contactId;
        role.updatedAt = clock.instant();
        audit.record("role", role.key, "updated", actor, before, RoleState.of(role));
    }

    /**
     * Clears a deleted person from every role they were the escalation contact of, audited; returns those roles'
     * keys so that the caller republishes their rosters with the rest of the deletion.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> personRemoved(UUID personId, String actor) {
        List<IrRole> roles = IrRole.list("escalationContactId = ?1", Sort.by("key"), personId);
        for (IrRole role : roles) {
            RoleState before = RoleState.of(role);
            role.escalationContactId = null;
            role.updatedAt = clock.instant();
            audit.record("role", role.key, "escalation-contact-removed", actor, before, RoleState.of(role));
        }
        return roles.stream().map(r -> r.key).toList();
    }

    /** An escalation contact must be someone who can be paged at all: in the directory and active. */
    private static void checkEscalationContact(UUID contactId) {
        if (contactId == null) {
            return;
        }
        Person person = Person.findById(contactId);
        if (person == null) {
            throw Refusal.invalid("escalationContactId", "no person " + contactId + " in the directory");
        }
        if (!person.active) {
            throw Refusal.invalid("escalationContactId", "must be an active person");
        }
    }

    private static void apply(IrRole role, RoleFields request, Instant now) {
        role.name = request.name().strip();
        role.responsibilities = request.responsibilities() == null ? "" : request.responsibilities().strip();
        role.requiredSkills = request.requiredSkills() == null ? List.of()
                : request.requiredSkills().stream().map(String::strip).distinct().toList();
        role.defaultEscalationLevel = request.defaultEscalationLevel();
        role.notificationPriority = request.notificationPriority();
        role.escalationContactId = request.escalationContactId();
        role.updatedAt = now;
    }

    private void announce(IrRole role) {
        events.publishRoster(role);
    }
}
