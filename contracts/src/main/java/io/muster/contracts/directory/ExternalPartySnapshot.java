package io.muster.contracts.directory;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.List;
import java.util.UUID;

/**
 * An outside party the response may have to notify (a regulator, a cloud provider's support, a cyber insurer), as
 * paging and planning need it: who to reach, how fast they answer, the notification deadline, the role that owns
 * notifying them, and the incident types that require it ({@code "*"} for every type). A deleted party is a
 * tombstone under the same key.
 */
public record ExternalPartySnapshot(
        UUID resourceId,
        String kind,
        String organisation,
        String contactName,
        String contactEmail,
        String contactPhone,
        Integer responseSlaMinutes,
        Integer notificationDeadlineHours,
        String owningRoleKey,
        List<String> notifyForIncidentTypes) implements EventPayload {

    public static final String TYPE = "ExternalPartySnapshot";
    public static final String EVERY_TYPE = "*";

    public ExternalPartySnapshot {
        notifyForIncidentTypes = notifyForIncidentTypes == null ? List.of() : List.copyOf(notifyForIncidentTypes);
    }

    /** Whether an incident of this type must notify the party. */
    public boolean concerns(String incidentType) {
        return notifyForIncidentTypes.contains(EVERY_TYPE) || notifyForIncidentTypes.contains(incidentType);
    }

    public static String keyOf(UUID resourceId) {
        return "external:" + resourceId;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.DIRECTORY;
    }

    @Override
    public String key() {
        return keyOf(resourceId);
    }
}
