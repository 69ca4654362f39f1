package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/** The incident is over; no further pages go out for it. */
public record IncidentResolved(UUID incidentId, String resolvedBy, boolean drill) implements EventPayload {

    public static final String TYPE = "IncidentResolved";

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
