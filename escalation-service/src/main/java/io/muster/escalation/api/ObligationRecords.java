package io.muster.escalation.api;

import io.muster.escalation.domain.StakeholderUpdate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request bodies for deadline-clock notifications and stakeholder updates. */
public final class ObligationRecords {

    private ObligationRecords() {
    }

    /** {@code notifiedAt}: when the party was notified (default now; never in the future). */
    public record NotificationRequest(Instant notifiedAt, @NotBlank @Size(max = 200) String reference) {
    }

    /**
     * {@code approvedBy} (a login or email) and {@code approvedByRole} (one of the public-relations plan's approver
     * roles) are required for an EXTERNAL statement.
     */
    public record UpdateRequest(
            @NotNull StakeholderUpdate.Audience audience,
            @NotBlank @Size(max = 2_000) String message,
            @Size(max = 254) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._%+@-]*",
                    message = "must be a login or an email address") String approvedBy,
            @Size(max = 63) @Pattern(regexp = PublicRelationsRecords.ROLE_KEY,
                    message = PublicRelationsRecords.ROLE_KEY_MESSAGE) String approvedByRole) {
    }
}
