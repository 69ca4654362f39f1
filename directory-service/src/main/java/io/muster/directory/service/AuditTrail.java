package io.muster.directory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.directory.domain.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Records every change to the directory in the same transaction as the change. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * @param before the entity as it was (null when created)
     * @param after  the entity as it is now (null when deleted)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, Object entityId, String action, String actor, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.action = action;
        entry.actor = actor;
        entry.at = clock.instant();
        entry.beforeJson = write(before);
        entry.afterJson = write(after);
        entry.persist();
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit state", e);
        }
    }
}
