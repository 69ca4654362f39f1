package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import java.util.UUID;

/** A new incident was opened. {@code drill} incidents come from game days and never count in response metrics. */
public record IncidentTriggered(
        UUID incidentId,
        String title,
        Severity severity,
        String incidentType,
        String source,
        String dedupKey,
        boolean drill) implements EventPayload {

    public static final String TYPE = "IncidentTriggered";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.INCIDENTS;
    }

    @Override
    public String key() {
        return incidentId.toString();
    }
}
