package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/**
 * Escalation moved on, and why (timeout, all channels failed, nobody on call): the stage path to another stage of
 * the policy ({@code roleKey} null), or a required role's own path from one step to the next ({@code fromStage} and
 * {@code toStage} count that role's steps; {@code cycle} its pass). Every field counts from 1.
 */
public record IncidentEscalated(UUID incidentId, int fromStage, int toStage, int cycle, String reason,
        boolean drill, String roleKey) implements EventPayload {

    public static final String TYPE = "IncidentEscalated";

    /** The stage path moved from one stage to another. */
    public IncidentEscalated(UUID incidentId, int fromStage, int toStage, int cycle, String reason, boolean drill) {
        this(incidentId, fromStage, toStage, cycle, reason, drill, null);
    }

    /** A required role's own path paged its next candidate. */
    public static IncidentEscalated ofRole(UUID incidentId, String roleKey, int fromStep, int toStep, int pass,
            String reason, boolean drill) {
        return new IncidentEscalated(incidentId, fromStep, toStep, pass, reason, drill, roleKey);
    }

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
