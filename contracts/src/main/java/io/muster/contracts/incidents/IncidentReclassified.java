package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.List;
import java.util.UUID;

/**
 * The incident's type changed (a suspected malware infection found to be a personal-data breach). The new type's
 * playbook and plan apply from now on: {@code rolesAdded} are the roles its plan requires that were paged because of
 * it, and the external parties the new type must notify get their deadline clocks.
 */
public record IncidentReclassified(UUID incidentId, String fromType, String toType, List<String> rolesAdded,
        String changedBy, boolean drill) implements EventPayload {

    public static final String TYPE = "IncidentReclassified";

    public IncidentReclassified {
        rolesAdded = rolesAdded == null ? List.of() : List.copyOf(rolesAdded);
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
