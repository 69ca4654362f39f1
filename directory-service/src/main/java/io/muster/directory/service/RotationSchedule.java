package io.muster.directory.service;

import io.muster.contracts.Topics;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.Rotation;
import io.muster.directory.domain.RotationOverride;
import io.muster.directory.domain.Team;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.muster.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** On-call rotations and their overrides. Every change publishes the rotation's full snapshot. */
@ApplicationScoped
public class RotationSchedule {

    /** Overrides longer than this are a rotation change, not cover. */
    static final Duration LONGEST_OVERRIDE = Duration.ofDays(90);

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** A rotation with its overrides. */
    public record RotationDetails(Rotation rotation, List<RotationOverride> overrides) {

        public RotationSnapshot snapshot() {
            return new RotationSnapshot(rotation.id, rotation.name, rotation.teamId, rotation.roleKey,
                    rotation.timeZone, rotation.handoffStart, rotation.shiftUnit, rotation.shiftLength,
                    rotation.members, overrides.stream()
                            .map(o -> new RotationSnapshot.Override(o.contactId, o.startsAt, o.endsAt)).toList());
        }

        /** The rotation as the audit log keeps it (the shape the API shows it in). */
        RotationState state() {
            return new RotationState(rotation.id, rotation.name, rotation.teamId, rotation.roleKey,
                    rotation.timeZone, rotation.handoffStart, rotation.shiftUnit, rotation.shiftLength,
                    List.copyOf(rotation.members), overrides.stream()
                            .map(o -> new RotationState.OverrideState(o.id, o.contactId, o.startsAt, o.endsAt))
                            .toList(), rotation.updatedAt);
        }
    }

    record RotationState(UUID id, String name, UUID teamId, String roleKey, String timeZone,
            LocalDateTime handoffStart, RotationSnapshot.ShiftUnit shiftUnit, int shiftLength,
            List<UUID> members, List<OverrideState> overrides, Instant updatedAt) {

        record OverrideState(UUID id, UUID contactId, Instant from, Instant to) {
        }
    }

    @Transactional
    public List<RotationDetails> list(UUID teamId, String roleKey) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (teamId != null) {
            params.add(teamId);
            query.append(" and teamId = ?").append(params.size());
        }
        if (roleKey != null && !roleKey.isBlank()) {
            params.add(roleKey.strip());
            query.append(" and roleKey = ?").append(params.size());
        }
        List<Rotation> rotations = Rotation.list(query.toString(), Sort.by("name").and("id"), params.toArray());
        return rotations.stream().map(this::details).toList();
    }

    @Transactional
    public RotationDetails get(UUID id) {
        return details(find(id));
    }

    @Transactional
    public RotationDetails create(RotationFields request, String actor) {
        Rotation rotation = new Rotation();
        rotation.id = UUID.randomUUID();
        rotation.createdAt = clock.instant();
        apply(rotation, request);
        rotation.persist();
        RotationDetails after = details(rotation);
        audit.record("rotation", rotation.id, "created", actor, null, after.state());
        outbox.publish(after.snapshot());
        return after;
    }

    @Transactional
    public RotationDetails replace(UUID id, RotationFields request, String actor) {
        Rotation rotation = find(id);
        RotationState before = details(rotation).state();
        apply(rotation, request);
        RotationDetails after = details(rotation);
        audit.record("rotation", id, "updated", actor, before, after.state());
        outbox.publish(after.snapshot());
        return after;
    }

    @Transactional
    public void delete(UUID id, String actor) {
        Rotation rotation = find(id);
        RotationState before = details(rotation).state();
        RotationOverride.delete("rotationId", id);
        rotation.delete();
        audit.record("rotation", id, "deleted", actor, before, null);
        outbox.tombstone(Topics.DIRECTORY, RotationSnapshot.keyOf(id));
    }

    @Transactional
    public RotationDetails addOverride(UUID rotationId, NewOverride request, String actor) {
        Rotation rotation = find(rotationId);
        if (!request.to().isAfter(request.from())) {
            throw Refusal.invalid("to", "must be after from");
        }
        if (Duration.between(request.from(), request.to()).compareTo(LONGEST_OVERRIDE) > 0) {
            throw Refusal.invalid("to", "an override may last at most 90 days");
        }
        if (Person.findById(request.contactId()) == null) {
            throw Refusal.invalid("contactId", "no person " + request.contactId() + " in the directory");
        }
        RotationState before = details(rotation).state();
        RotationOverride override = new RotationOverride();
        override.id = UUID.randomUUID();
        override.rotationId = rotationId;
        override.contactId = request.contactId();
        override.startsAt = request.from();
        override.endsAt = request.to();
        override.createdAt = clock.instant();
        override.persist();
        rotation.updatedAt = override.createdAt;
        RotationDetails after = details(rotation);
        audit.record("rotation", rotationId, "override-added", actor, before, after.state());
        outbox.publish(after.snapshot());
        return after;
    }

    @Transactional
    public RotationDetails removeOverride(UUID rotationId, UUID overrideId, String actor) {
        Rotation rotation = find(rotationId);
        RotationOverride override = RotationOverride.findById(overrideId);
        if (override == null || !override.rotationId.equals(rotationId)) {
            throw Refusal.notFound("Override", overrideId);
        }
        RotationState before = details(rotation).state();
        override.delete();
        rotation.updatedAt = clock.instant();
        RotationDetails after = details(rotation);
        audit.record("rotation", rotationId, "override-removed", actor, before, after.state());
        outbox.publish(after.snapshot());
        return after;
    }

    /** Deletes a deleted team's rotations, each audited and tombstoned as {@link #delete} does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void teamRemoved(UUID teamId, String actor) {
        for (Rotation rotation : Rotation.<Rotation>list("teamId", Sort.by("name").and("id"), teamId)) {
            delete(rotation.id, actor);
        }
    }

    /** Takes a deleted person out of every rotation they were in, republishing those rotations. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void personRemoved(UUID personId, String actor) {
        for (Rotation rotation : affectedBy(personId)) {
            RotationState before = details(rotation).state();
            rotation.members = rotation.members.stream().filter(m -> !m.equals(personId)).toList();
            RotationOverride.delete("rotationId = ?1 and contactId = ?2", rotation.id, personId);
            rotation.updatedAt = clock.instant();
            RotationDetails after = details(rotation);
            audit.record("rotation", rotation.id, "member-removed", actor, before, after.state());
            outbox.publish(after.snapshot());
        }
    }

    @SuppressWarnings("unchecked")
    private List<Rotation> affectedBy(UUID personId) {
        return entityManager.createNativeQuery(
                "SELECT r.* FROM rotation r WHERE ?1 = ANY (r.members)"
                        + " OR EXISTS (SELECT 1 FROM rotation_override o WHERE o.rotation_id = r.id AND o.contact_id = ?1)",
                Rotation.class).setParameter(1, personId).getResultList();
    }

    Rotation find(UUID id) {
        Rotation rotation = Rotation.findById(id);
        if (rotation == null) {
            throw Refusal.notFound("Rotation", id);
        }
        return rotation;
    }

    RotationDetails details(Rotation rotation) {
        entityManager.flush();
        return new RotationDetails(rotation, RotationOverride.ofRotation(rotation.id));
    }

    private void apply(Rotation rotation, RotationFields request) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        String zone = request.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add(new Refusal.FieldError("timeZone", "must be an IANA time zone such as Europe/London"));
        }
        if (Team.findById(request.teamId()) == null) {
            errors.add(new Refusal.FieldError("teamId", "no team " + request.teamId()));
        }
        if (IrRole.findById(request.roleKey().strip()) == null) {
            errors.add(new Refusal.FieldError("roleKey", "unknown role " + request.roleKey()));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.members().size(); i++) {
            UUID member = request.members().get(i);
            if (!seen.add(member)) {
                errors.add(new Refusal.FieldError("members[" + i + "]", "is listed twice"));
            } else if (Person.findById(member) == null) {
                errors.add(new Refusal.FieldError("members[" + i + "]", "no person " + member + " in the directory"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        rotation.name = request.name().strip();
        rotation.teamId = request.teamId();
        rotation.roleKey = request.roleKey().strip();
        rotation.timeZone = zone;
        rotation.handoffStart = request.handoffStart();
        rotation.shiftUnit = request.shiftUnit();
        rotation.shiftLength = request.shiftLength();
        rotation.members = List.copyOf(request.members());
        rotation.updatedAt = clock.instant();
    }

}
