package io.muster.platform.audit;

import java.time.Instant;

/**
 * Which audit entries to list: every filter null or blank means "any"; {@code page} counts from 0; {@code beforeId},
 * when set, keeps only entries older than that one (its id is lower), so a reader merging several services' logs can
 * go on from exactly where it stopped in each.
 */
public record AuditQuery(String entityType, String entityId, String actor, Instant since, Long beforeId, int page,
        int size) {

    public AuditQuery(String entityType, String entityId, String actor, Instant since, int page, int size) {
        this(entityType, entityId, actor, since, null, page, size);
    }
}
