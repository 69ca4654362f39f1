package io.muster.notification.service;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.notification.domain.ContactReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Keeps the local copy of contacts and their channels (event-carried state from muster.directory.v1). */
@ApplicationScoped
public class DirectoryReplica {

    private static final String CONTACT_PREFIX = "contact:";

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof ContactSnapshot snapshot)) {
            return; // role rosters and rotations are escalation's business
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
        contact.channels = ContactReplica.writeChannels(snapshot.channels());
        contact.updatedAt = envelope.occurredAt();
        contact.persist();
    }

    /** A tombstone: the person left the directory, so nothing may be sent to their old addresses. */
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

    @Transactional
    public ContactReplica find(UUID contactId) {
        return ContactReplica.findById(contactId);
    }
}
