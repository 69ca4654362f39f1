package io.muster.gameday.service;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.gameday.domain.ContactReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keeps the local copy of the directory's people (event-carried state from muster.directory.v1) and reads it. */
@ApplicationScoped
public class DirectoryReplica {

    private static final String CONTACT_PREFIX = "contact:";

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof ContactSnapshot snapshot)) {
            return;
        }
        ContactReplica contact = ContactReplica.findById(snapshot.contactId());
        if (contact == null) {
            contact = new ContactReplica();
            contact.contactId = snapshot.contactId();
        } else if (contact.updatedAt.isAfter(envelope.occurredAt())) {
            return; // an older snapshot replayed after a newer one
        }
        contact.displayName = snapshot.displayName();
        contact.active = snapshot.active();
        contact.roles = List.copyOf(snapshot.roles());
        contact.channels = ContactReplica.writeChannels(snapshot.channels());
        contact.updatedAt = envelope.occurredAt();
        contact.persist();
    }

    /** A tombstone: the person left the directory; they are no longer named, noticed or written to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String key) {
        if (key != null && key.startsWith(CONTACT_PREFIX)) {
            try {
                ContactReplica.deleteById(UUID.fromString(key.substring(CONTACT_PREFIX.length())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tombstone key " + key + " does not name a contact", e);
            }
        }
    }

    /** Display names of those of {@code contactIds} the replica knows; people who left are missing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, String> namesOf(Collection<UUID> contactIds) {
        Map<UUID, String> names = new HashMap<>();
        if (contactIds.isEmpty()) {
            return names;
        }
        for (ContactReplica c : ContactReplica.<ContactReplica>list("contactId in ?1", contactIds)) {
            names.put(c.contactId, c.displayName);
        }
        return names;
    }

    /** Active people holding at least one of {@code roleKeys}, by name. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<ContactReplica> activeHoldersOf(Collection<String> roleKeys) {
        if (roleKeys.isEmpty()) {
            return List.of();
        }
        // Array overlap uses the GIN index; JPQL has no operator for it.
        return em.createNativeQuery("""
                SELECT * FROM contact_replica WHERE active AND roles && CAST(?1 AS TEXT[])
                ORDER BY display_name, contact_id""", ContactReplica.class)
                .setParameter(1, roleKeys.toArray(String[]::new)).getResultList();
    }
}
