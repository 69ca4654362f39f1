package io.muster.directory.api;

import io.muster.contracts.directory.ResponderSelection;
import io.muster.directory.service.OnCall;
import io.muster.contracts.directory.ResponderSelection.Reason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who answers at {@code at}, by the one selection rule ({@link ResponderSelection}) that escalation pages with.
 * {@code responders} are the people who would be paged now: for a role, the first reachable person of each of its
 * rotations (or of its roster when it has none). {@code candidates} are everyone who could answer, in the order they
 * are tried, reachable or not: the responders first, then backups, the other members, the rest of the roster and
 * last the role's escalation contact. {@code rotations} is each matching rotation's raw order at {@code at}
 * (overrides, the member on shift, the other members), before anyone's reachability is considered.
 */
public record OnCallResponse(Instant at, List<Responder> responders, List<Responder> candidates,
        List<RotationOnCall> rotations) {

    /**
     * One person for one role. {@code rotationId} is null for a roster or escalation contact; {@code unreachable}
     * says why they cannot be paged (null when {@code reachable}).
     */
    public record Responder(UUID contactId, String displayName, String roleKey, UUID rotationId, Reason reason,
            boolean reachable, String unreachable) {

        static Responder of(OnCall.Responder r) {
            return new Responder(r.contactId(), r.displayName(), r.roleKey(), r.rotationId(), r.reason(),
                    r.reachable(), r.unreachable());
        }
    }

    public record RotationOnCall(UUID rotationId, String name, UUID teamId, String roleKey, List<UUID> onCall) {

        static RotationOnCall of(OnCall.RotationOnCall r) {
            return new RotationOnCall(r.rotationId(), r.name(), r.teamId(), r.roleKey(), r.onCall());
        }
    }

    public static OnCallResponse of(OnCall answer) {
        return new OnCallResponse(answer.at(), answer.responders().stream().map(Responder::of).toList(),
                answer.candidates().stream().map(Responder::of).toList(),
                answer.rotations().stream().map(RotationOnCall::of).toList());
    }
}
