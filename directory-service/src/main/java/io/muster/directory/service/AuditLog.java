package io.muster.directory.service;

import io.muster.directory.domain.AuditEntry;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the audit trail, newest first. */
@ApplicationScoped
public class AuditLog {

    @Transactional
    public List<AuditEntry> list(String entityType, String entityId, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (entityType != null && !entityType.isBlank()) {
            query.append(" and entityType = :type");
            params.and("type", entityType.strip());
        }
        if (entityId != null && !entityId.isBlank()) {
            query.append(" and entityId = :id");
            params.and("id", entityId.strip());
        }
        return AuditEntry.find(query.toString(), Sort.descending("id"), params).page(Page.of(page, size)).list();
    }
}
