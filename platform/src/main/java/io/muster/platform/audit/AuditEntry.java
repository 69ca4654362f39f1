package io.muster.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One change as the audit log answers it: who made it, when, what it did to which entity, and the entity before and
 * after as JSON ({@code before} null when it was created, {@code after} null when it was deleted).
 */
public record AuditEntry(long id, String entityType, String entityId, String action, String actor, Instant at,
        JsonNode before, JsonNode after) {
}
