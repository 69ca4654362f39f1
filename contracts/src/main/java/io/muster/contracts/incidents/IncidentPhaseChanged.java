package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/**
 * The incident moved from one phase to another; {@code secondsInPrevious} is how long it spent in {@code from}.
 * {@code changedBy} is the principal that moved it, or {@code "muster"} when resolving moved it on.
 */
public record IncidentPhaseChanged(UUID incidentId, IncidentPhase from, IncidentPhase to, long secondsInPrevious,
        String changedBy, boolean drill) implements EventPayload {

    public static final String TYPE = "IncidentPhaseChanged";

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
