package io.muster.platform.audit;

import java.time.Instant;

/** Which audit entries to list: every filter null or blank means "any"; {@code page} counts from 0. */
public record AuditQuery(String entityType, String entityId, String actor, Instant since, int page, int size) {
}
