package io.muster.directory.service;

import io.muster.contracts.Topics;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ExternalPartySnapshot;
import io.muster.contracts.directory.RoleRoster;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.ExternalResource;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Announces directory state on {@code muster.directory.v1} through the outbox, inside the caller's transaction:
 * full snapshots so that a consumer's replica only ever needs the latest record per key.
 */
@ApplicationScoped
public class DirectoryEvents {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void contactChanged(Person person, List<ContactChannel> channels) {
        outbox.publish(snapshotOf(person, channels));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void contactDeleted(UUID personId) {
        outbox.tombstone(Topics.DIRECTORY, ContactSnapshot.keyOf(personId));
    }

    /** Publishes the current roster of each role; the caller's changes must be flushed first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rostersChanged(Collection<String> roleKeys) {
        entityManager.flush();
        for (String key : new TreeSet<>(roleKeys)) {
            IrRole role = IrRole.findById(key);
            if (role != null) {
                publishRoster(role);
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishRoster(IrRole role) {
        outbox.publish(rosterOf(role));
    }

    /** The role's roster as it is published; the caller's changes must be flushed first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RoleRoster rosterOf(IrRole role) {
        return new RoleRoster(role.key, role.name, role.defaultEscalationLevel, role.notificationPriority,
                holdersOf(role.key), role.escalationContactId);
    }

    /**
     * Active people holding the role in priority order: escalation level (1 is engaged first), then name, then id.
     * A role without rotation is answered in this order, so a change to a holder's level or name republishes it.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> holdersOf(String roleKey) {
        return entityManager.createNativeQuery(
                "SELECT id FROM person WHERE active AND ?1 = ANY (roles)"
                        + " ORDER BY escalation_level, lower(display_name), id", UUID.class)
                .setParameter(1, roleKey)
                .getResultList();
    }

    /** An outside party as paging and planning need it (the primary contact; the rest stays in the directory). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void externalPartyChanged(ExternalResource r) {
        outbox.publish(new ExternalPartySnapshot(r.id, r.kind.name(), r.organisation, r.primaryName, r.primaryEmail,
                r.primaryPhone, r.responseSlaMinutes, r.notificationDeadlineHours, r.owningRoleKey,
                r.notifyForIncidentTypes == null ? List.of() : r.notifyForIncidentTypes));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void externalPartyDeleted(UUID resourceId) {
        outbox.tombstone(Topics.DIRECTORY, ExternalPartySnapshot.keyOf(resourceId));
    }

    /** The person's snapshot as it is published. */
    public static ContactSnapshot snapshotOf(Person person, List<ContactChannel> channels) {
        List<ContactSnapshot.Channel> published = channels.stream()
                .map(c -> new ContactSnapshot.Channel(c.id, c.type, c.address, c.preference, c.verified()))
                .toList();
        return new ContactSnapshot(person.id, person.displayName, person.timeZone, person.active,
                person.escalationLevel, person.roles, published, person.backupContactId, person.login);
    }
}
