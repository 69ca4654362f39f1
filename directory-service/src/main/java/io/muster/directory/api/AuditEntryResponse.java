package io.muster.directory.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

public record AuditEntryResponse(long id, String entityType, String entityId, String action, String actor,
        Instant at, JsonNode before, JsonNode after) {
}
