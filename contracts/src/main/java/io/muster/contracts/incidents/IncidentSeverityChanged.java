package io.muster.contracts.incidents;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import java.util.List;
import java.util.UUID;

/**
 * The incident's severity changed. When it went up, {@code rolesAdded} are the roles the new plan required that
 * were paged because of it, and pages still going out take the new severity's channel rule
 * ({@code allChannelsAtOnce}, {@code bundlingExempt}); going down un-pages nobody and relaxes no page in flight.
 */
public record IncidentSeverityChanged(UUID incidentId, Severity from, Severity to, List<String> rolesAdded,
        boolean allChannelsAtOnce, boolean bundlingExempt, String changedBy, boolean drill) implements EventPayload {

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
