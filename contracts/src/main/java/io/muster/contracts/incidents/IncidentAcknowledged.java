package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/** Someone took the incident; escalation stops. {@code contactId} is empty when a calling system acknowledged. */
public record IncidentAcknowledged(UUID incidentId, UUID contactId, String acknowledgedBy, boolean drill)
        implements EventPayload {

    public static final String TYPE = "IncidentAcknowledged";

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
