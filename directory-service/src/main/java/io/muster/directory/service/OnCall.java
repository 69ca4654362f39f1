package io.muster.directory.service;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.ResponderSelection.Reason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who answers at {@code at} (as {@link OnCallResolver} finds it), by the one selection rule ({@link ResponderSelection}) that escalation pages with.
 * {@code responders} are the people who would be paged now: for a role, the first reachable person of each of its
 * rotations (or of its roster when it has none). {@code candidates} are everyone who could answer, in the order they
 * are tried, reachable or not: the responders first, then backups, the other members, the rest of the roster and
 * last the role's escalation contact. {@code rotations} is each matching rotation's raw order at {@code at}
 * (overrides, the member on shift, the other members), before anyone's reachability is considered.
 */
public record OnCall(Instant at, List<Responder> responders, List<Responder> candidates,
        List<RotationOnCall> rotations) {

    /**
     * One person for one role. {@code rotationId} is null for a roster or escalation contact; {@code unreachable}
     * says why they cannot be paged (null when {@code reachable}).
     */
    public record Responder(UUID contactId, String displayName, String roleKey, UUID rotationId, Reason reason,
            boolean reachable, String unreachable) {

        public static Responder of(ResponderSelection.Candidate candidate, ResponderSelection.Directory directory) {
            return new Responder(candidate.contactId(),
                    directory.contact(candidate.contactId()).map(ContactSnapshot::displayName).orElse(null),
                    candidate.roleKey(), candidate.rotationId(), candidate.reason(), candidate.reachable(),
                    candidate.unreachable());
        }
    }

    public record RotationOnCall(UUID rotationId, String name, UUID teamId, String roleKey, List<UUID> onCall) {
    }
}
