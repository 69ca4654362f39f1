package io.muster.escalation.api;

import io.muster.contracts.Severity;
import io.muster.escalation.domain.EscalationPolicy;
import io.muster.escalation.domain.ResponsePlan;
import io.muster.escalation.domain.SeverityDefinition;
import io.muster.escalation.domain.StageDefinition;
import io.muster.escalation.domain.Stakeholders;
import io.muster.escalation.service.PolicyFields;
import io.muster.escalation.service.ResponsePlanFields;
import io.muster.escalation.service.SeverityFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies for escalation policies and response plans. */
public final class PlanRecords {

    private PlanRecords() {
    }

    public record PolicyRequest(
            @NotBlank @Size(max = 120) String name,
            @Min(0) @Max(10) int repeats,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid StageDefinition> stages,
            @Valid Stakeholders stakeholders) {

        public PolicyFields toFields() {
            return new PolicyFields(name, repeats, stages, stakeholders);
        }
    }

    public record PolicyResponse(UUID id, String name, int repeats, List<StageDefinition> stages,
            Stakeholders stakeholders, Instant updatedAt) {

        public static PolicyResponse of(EscalationPolicy p) {
            return new PolicyResponse(p.id, p.name, p.extraRepetitions, p.stages(), p.stakeholders(), p.updatedAt);
        }
    }

    public record PlanRequest(
            @NotBlank @Size(max = 80) @Pattern(regexp = "\\*|[a-z0-9][a-z0-9-]*",
                    message = "must be lower-case words joined by dashes, or * for every type") String incidentType,
            @NotNull Severity severity,
            @NotNull UUID policyId,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> rolesToEngage,
            @Size(max = 20) List<@NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                    message = "must be a role key: lower-case words joined by dashes") String> requiredRoles) {

        public ResponsePlanFields toFields() {
            return new ResponsePlanFields(incidentType, severity, policyId, rolesToEngage, requiredRoles);
        }
    }

    /** {@code requiredRoles}: each must be engaged, on its own path, until someone paged for it acknowledges. */
    public record PlanResponse(UUID id, String incidentType, Severity severity, UUID policyId,
            List<String> rolesToEngage, List<String> requiredRoles, Instant updatedAt) {

        public static PlanResponse of(ResponsePlan p) {
            return new PlanResponse(p.id, p.incidentType, p.severity, p.policyId, p.rolesToEngage(),
                    p.requiredRoles(), p.updatedAt);
        }
    }

    /** A severity's definition as admins write it. */
    public record SeverityRequest(
            @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 2000) String criteria,
            @Min(10) @Max(86_400) int ackTargetSeconds,
            boolean allChannelsAtOnce,
            boolean bundlingExempt,
            @Size(max = 20) List<@NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                    message = "must be a role key: lower-case words joined by dashes") String> stakeholderRoles,
            @Min(5) @Max(1_440) Integer updateCadenceMinutes) {

        public SeverityFields toFields() {
            return new SeverityFields(name, criteria, ackTargetSeconds, allChannelsAtOnce, bundlingExempt,
                    stakeholderRoles, updateCadenceMinutes);
        }
    }

    /** {@code updateCadenceMinutes}: how often an open incident owes its stakeholders an update (null: never). */
    public record SeverityResponse(Severity severity, String name, String criteria, int ackTargetSeconds,
            boolean allChannelsAtOnce, boolean bundlingExempt, List<String> stakeholderRoles,
            Integer updateCadenceMinutes, Instant updatedAt) {

        public static SeverityResponse of(SeverityDefinition d) {
            return new SeverityResponse(d.severity, d.name, d.criteria, d.ackTargetSeconds, d.allChannelsAtOnce,
                    d.bundlingExempt, d.stakeholderRoles(), d.updateCadenceMinutes, d.updatedAt);
        }
    }
}
