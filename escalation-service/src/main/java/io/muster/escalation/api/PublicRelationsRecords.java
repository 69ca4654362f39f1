package io.muster.escalation.api;

import io.muster.escalation.domain.PublicRelationsPlan;
import io.muster.escalation.service.PublicRelationsFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The public-relations plan as admins write it and everyone reads it. */
public final class PublicRelationsRecords {

    static final String ROLE_KEY = "[a-z][a-z0-9-]{1,62}";
    static final String ROLE_KEY_MESSAGE = "must be a role key: lower-case words joined by dashes";

    private PublicRelationsRecords() {
    }

    public record PlanRequest(
            @Size(max = 63) @Pattern(regexp = ROLE_KEY, message = ROLE_KEY_MESSAGE) String spokespersonRole,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 63) @Pattern(regexp = ROLE_KEY,
                    message = ROLE_KEY_MESSAGE) String> approverRoles,
            @NotNull @Size(max = 10_000) String guidance,
            @NotNull @Size(max = 4_000) String holdingStatementTemplate) {

        public PublicRelationsFields toFields() {
            return new PublicRelationsFields(spokespersonRole, approverRoles, guidance, holdingStatementTemplate);
        }
    }

    /**
     * {@code approverRoles}: an external stakeholder update names one of them as {@code approvedByRole}, and the
     * person who approved it as {@code approvedBy}.
     */
    public record PlanResponse(String spokespersonRole, List<String> approverRoles, String guidance,
            String holdingStatementTemplate, Instant updatedAt, String updatedBy) {

        public static PlanResponse of(PublicRelationsPlan plan) {
            return new PlanResponse(plan.spokespersonRole, plan.approverRoles(), plan.guidance,
                    plan.holdingStatementTemplate, plan.updatedAt, plan.updatedBy);
        }
    }
}
