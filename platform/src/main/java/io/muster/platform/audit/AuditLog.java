package io.muster.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail, newest first. */
@ApplicationScoped
public class AuditLog {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    public List<AuditEntry> list(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT id, entity_type, entity_id, action, actor, at,"
                + " before_json::text, after_json::text FROM audit_entry WHERE true");
        List<Object> params = new ArrayList<>();
        filter(sql, params, " AND entity_type = ?", query.entityType());
        filter(sql, params, " AND entity_id = ?", query.entityId());
        filter(sql, params, " AND actor = ?", query.actor());
        if (query.since() != null) {
            sql.append(" AND at >= ?");
            // Entries are recorded to the microsecond; an instant between two microseconds includes the first.
            params.add(OffsetDateTime.ofInstant(query.since().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
        if (query.beforeId() != null) {
            sql.append(" AND id < ?");
            params.add(query.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        params.add(query.size());
        params.add((long) query.page() * query.size());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getObject(6, OffsetDateTime.class).toInstant(),
                            read(rows.getString(7)), read(rows.getString(8))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    private static void filter(StringBuilder sql, List<Object> params, String condition, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(condition);
            params.add(value.strip());
        }
    }

    private JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry is not JSON", e);
        }
    }
}
