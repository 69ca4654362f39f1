package io.muster.directory.service;

import java.util.List;
import java.util.UUID;

/**
 * An incident-response role as a use case creates or replaces it. {@code key} may be null on replace (the caller
 * names the role); {@code escalationContactId} null means nobody.
 */
public record RoleFields(String key, String name, String responsibilities, List<String> requiredSkills,
        int defaultEscalationLevel, int notificationPriority, UUID escalationContactId) {
}
