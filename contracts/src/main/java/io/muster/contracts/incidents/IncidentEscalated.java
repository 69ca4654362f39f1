package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/** Escalation moved to another stage of the policy, and why (timeout, all channels failed, nobody on call). */
public record IncidentEscalated(UUID incidentId, int fromStage, int toStage, int cycle, String reason,
        boolean drill) implements EventPayload {

    public static final String TYPE = "IncidentEscalated";

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
