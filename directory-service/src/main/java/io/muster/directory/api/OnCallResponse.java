package io.muster.directory.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who answers at {@code at}: {@code responders} in the order to page them (overrides, then whoever is on shift,
 * then the other members as backups), merged across the matching {@code rotations}.
 */
public record OnCallResponse(Instant at, List<Responder> responders, List<RotationOnCall> rotations) {

    public record Responder(UUID contactId, String displayName, UUID rotationId) {
    }

    public record RotationOnCall(UUID rotationId, String name, UUID teamId, String roleKey, List<UUID> onCall) {
    }
}
