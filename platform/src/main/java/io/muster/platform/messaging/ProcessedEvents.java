package io.muster.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Remembers which events a consumer has handled, in the same transaction as the handling, so a redelivered event
 * changes nothing the second time.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    AgroalDataSource dataSource;

    /** Records the event as handled by {@code consumer}; false when it already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed event " + eventId, e);
        }
    }
}
