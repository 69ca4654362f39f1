package io.muster.contracts.directory;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.List;
import java.util.UUID;

/**
 * An incident-response role and the active people who hold it, in priority order (escalation level, then name).
 * {@code escalationContactId} is who is paged for the role after every holder (null for nobody).
 */
public record RoleRoster(
        String roleKey,
        String name,
        int defaultEscalationLevel,
        int notificationPriority,
        List<UUID> contactIds,
        UUID escalationContactId) implements EventPayload {

    public static final String TYPE = "RoleRoster";

    public RoleRoster {
        contactIds = List.copyOf(contactIds);
    }

    public static String keyOf(String roleKey) {
        return "role:" + roleKey;
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
        return keyOf(roleKey);
    }
}
