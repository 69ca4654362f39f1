package io.muster.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Records a change in the service's {@code audit_entry} table inside the transaction that makes it, so the change
 * and its entry commit together, and a refused change (its transaction rolled back) leaves none.
 *
 * <p>The states are written as the service's API shows them to an admin; a secret in them is masked by the caller
 * ({@link AuditMasking}) before it gets here.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AgroalDataSource dataSource;

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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO audit_entry (entity_type, entity_id, action, actor, at, before_json, after_json)"
                                + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
            insert.setString(1, entityType);
            insert.setString(2, String.valueOf(entityId));
            insert.setString(3, action);
            insert.setString(4, actor);
            // The column keeps microseconds; cut there, so an entry reads back at the instant it was recorded.
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            insert.setObject(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(6, write(before));
            insert.setString(7, write(after));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit entry for " + entityType + " " + entityId, e);
        }
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
