package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/**
 * Escalation did not count an acknowledgement: in a drill with injected faults, the person who answered was made
 * unavailable (by name, or for a role they were paged for), so the escalation goes on as if nobody had answered.
 * Escalation alone decides this; game days read it instead of repeating the rule. {@code roleKey} is the
 * unavailable role that decided it, empty when the person was made unavailable by name; {@code reason} is the
 * sentence on the timeline.
 */
public record AcknowledgementIgnored(UUID incidentId, UUID contactId, String roleKey, String acknowledgedBy,
        String reason, boolean drill) implements EventPayload {

    public static final String TYPE = "AcknowledgementIgnored";

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
