package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import java.util.List;
import java.util.UUID;

/**
 * The incident's severity changed. When it went up, {@code rolesAdded} are the roles the new plan required that
 * were paged because of it; going down un-pages nobody, so that list is then empty.
 */
public record IncidentSeverityChanged(UUID incidentId, Severity from, Severity to, List<String> rolesAdded,
        String changedBy, boolean drill) implements EventPayload {

    public static final String TYPE = "IncidentSeverityChanged";

    public IncidentSeverityChanged {
        rolesAdded = rolesAdded == null ? List.of() : List.copyOf(rolesAdded);
    }

    public boolean raised() {
        return to.isMoreSevereThan(from);
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
