package io.muster.escalation.api;

import io.muster.contracts.incidents.IncidentPhase;
import io.muster.escalation.service.IncidentPlaybookView;
import io.muster.escalation.service.PlaybookFields;
import io.muster.escalation.service.PlaybookState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies for playbooks, an incident's playbook, its phase and its type. */
public final class PlaybookRecords {

    /** A step key, like a directory role key: a lower-case letter, then lower-case letters, digits or dashes. */
    public static final String KEY = "[a-z][a-z0-9-]{1,62}";
    public static final String INCIDENT_TYPE = "[a-z0-9][a-z0-9-]*";
    public static final String PLAYBOOK_TYPE = "\\*|" + INCIDENT_TYPE;

    private PlaybookRecords() {
    }

    /**
     * One step as an admin writes it. {@code key} names the step for as long as the playbook keeps it (responders
     * mark it done by it); {@code ownerRole} is a directory role key; {@code link} an https address or absent.
     */
    public record StepRequest(
            @NotBlank @Size(max = 63) @Pattern(regexp = KEY,
                    message = "must be a step key: a lower-case letter, then lower-case letters, digits or dashes "
                            + "(2-63 characters)") String key,
            @NotNull IncidentPhase phase,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4_000) String detail,
            @NotBlank @Size(max = 63) @Pattern(regexp = KEY,
                    message = "must be a role key: a lower-case letter, then lower-case letters, digits or dashes")
            String ownerRole,
            @Size(max = 2_000) @Pattern(regexp = "https://\\S+", message = "must be an https link") String link) {

        PlaybookFields.Step toFields() {
            return new PlaybookFields.Step(key, phase, title, detail, ownerRole, link);
        }
    }

    /** A playbook: its steps in any order of phases; within a phase, in the order given. */
    public record PlaybookRequest(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 4_000) String description,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid StepRequest> steps) {

        public PlaybookFields toFields() {
            return new PlaybookFields(name, description, steps.stream().map(StepRequest::toFields).toList());
        }
    }

    public record StepResponse(String key, IncidentPhase phase, String title, String detail, String ownerRole,
            String link) {

        public static StepResponse of(PlaybookState.Step s) {
            return new StepResponse(s.key(), s.phase(), s.title(), s.detail(), s.ownerRole(), s.link());
        }
    }

    /** {@code steps} by phase (DETECT first), then in the order the admin gave them within the phase. */
    public record PlaybookResponse(String incidentType, String name, String description, List<StepResponse> steps,
            Instant updatedAt, String updatedBy) {

        public static PlaybookResponse of(PlaybookState p) {
            return new PlaybookResponse(p.incidentType(), p.name(), p.description(),
                    p.steps().stream().map(StepResponse::of).toList(), p.updatedAt(), p.updatedBy());
        }
    }

    /** Marking a step done, with an optional note. */
    public record StepDone(@Size(max = 2_000) String note) {
    }

    /**
     * A step of an incident's playbook. {@code incidentType} is the type the incident had when the step was copied
     * and {@code playbookType} the playbook it came from; {@code fromEarlierType} is true for a step done before the
     * incident was reclassified. {@code ownerRoleName} is the role's name in the directory (null when the replica
     * does not know the role).
     */
    public record IncidentStep(String key, IncidentPhase phase, String title, String detail, String ownerRole,
            String ownerRoleName, String link, String incidentType, String playbookType, boolean fromEarlierType,
            boolean done, Instant doneAt, String doneBy, UUID doneContactId, String doneByName, String note) {

        public static IncidentStep of(IncidentPlaybookView.Step s) {
            return new IncidentStep(s.key(), s.phase(), s.title(), s.detail(), s.ownerRole(), s.ownerRoleName(),
                    s.link(), s.incidentType(), s.playbookType(), s.fromEarlierType(), s.done(), s.doneAt(),
                    s.doneBy(), s.doneContactId(), s.doneByName(), s.note());
        }
    }

    /** The steps of one phase; {@code current} marks the phase the incident is in. */
    public record PhaseSteps(IncidentPhase phase, boolean current, int done, List<IncidentStep> steps) {

        static PhaseSteps of(IncidentPlaybookView.Phase p) {
            return new PhaseSteps(p.phase(), p.current(), p.done(), p.steps().stream().map(IncidentStep::of).toList());
        }
    }

    /**
     * An incident's playbook: which playbook its steps were last copied from ({@code playbookType}, null for none),
     * its phase and since when,
     * and every phase in order with its steps (a phase without steps has an empty list).
     */
    public record IncidentPlaybook(UUID incidentId, String incidentType, String playbookType,
            IncidentPhase phase, Instant phaseSince, int stepsDone, int stepsTotal, List<PhaseSteps> phases) {

        public static IncidentPlaybook of(IncidentPlaybookView p) {
            return new IncidentPlaybook(p.incidentId(), p.incidentType(), p.playbookType(), p.phase(), p.phaseSince(),
                    p.stepsDone(), p.stepsTotal(), p.phases().stream().map(PhaseSteps::of).toList());
        }
    }

    public record PhaseChange(@NotNull IncidentPhase phase) {
    }

    public record TypeChange(
            @NotBlank @Size(max = 80) @Pattern(regexp = INCIDENT_TYPE,
                    message = "must be lower-case words joined by dashes") String incidentType) {
    }
}
