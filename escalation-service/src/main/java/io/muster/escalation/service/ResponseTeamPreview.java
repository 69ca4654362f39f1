package io.muster.escalation.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ExternalPartySnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.ResponderSelection.Candidate;
import io.muster.escalation.domain.EscalationPolicy;
import io.muster.escalation.domain.ResponsePlan;
import io.muster.escalation.domain.SeverityDefinition;
import io.muster.escalation.domain.StageDefinition;
import io.muster.escalation.persistence.ReplicaDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * "Who is on the response team" for an incident type and severity at an instant, answered from the replica alone
 * (so it works while the directory is down) with the same rule and the same opening the engine applies to a raise:
 * the plan chosen, each stage with its roles and the people it would page, the required roles with who comes next
 * on each one's path, the notify-only stakeholders, and the outside parties this incident type must notify with
 * their deadlines and who answers for the role that owns each.
 */
@ApplicationScoped
public class ResponseTeamPreview {

    @Inject
    OnCallResolver resolver;

    @Inject
    Clock clock;

    /** A person as the preview shows them; {@code reason} is why they are paged, {@code unreachable} why they cannot
     * be. */
    public record Member(UUID contactId, String displayName, String roleKey, String reason,
            List<ChannelType> channelTypes, boolean reachable, String unreachable) {
    }

    public record RoleTeam(String roleKey, boolean required, List<Member> paged, List<Member> next) {
    }

    public record Stage(int stage, int waitSeconds, List<RoleTeam> roles, List<Member> others) {
    }

    public record PlanChosen(UUID planId, String incidentType, Severity severity, UUID policyId, String policyName,
            int repeats) {
    }

    /** An outside party this incident type must notify, by when, and who answers now for the role that owns it. */
    public record ExternalParty(UUID resourceId, String kind, String organisation, String contactName,
            Integer notificationDeadlineHours, Integer responseSlaMinutes, String owningRoleKey, List<Member> owners) {
    }

    public record Team(Instant at, String incidentType, Severity severity, int ackTargetSeconds,
            boolean allChannelsAtOnce, PlanChosen plan, List<String> requiredRoles, List<Stage> stages,
            List<RoleTeam> requiredRolePaths, List<Member> stakeholders, List<ExternalParty> externalParties) {
    }

    @Transactional
    public Team preview(String incidentType, Severity severity, Instant at) {
        Instant when = at == null ? clock.instant() : at;
        SeverityDefinition definition = SeverityDefinition.of(severity);
        ResponsePlan plan = ResponsePlan.forIncident(incidentType, severity).orElse(null);
        EscalationPolicy policy = plan == null ? null : EscalationPolicy.findById(plan.policyId);
        EscalationEngine.Opening opening = EscalationEngine.Opening.of(plan, policy, definition, List.of());
        ReplicaDirectory directory = new ReplicaDirectory();
        List<Stage> stages = new ArrayList<>();
        List<StageDefinition> definitions = policy == null ? List.of() : policy.stages();
        for (int i = 0; i < definitions.size(); i++) {
            StageDefinition stage = definitions.get(i);
            List<String> extras = i == 0 ? opening.firstStageExtras() : List.of();
            OnCallResolver.Resolution resolution = resolver.resolve(stage, extras, when);
            List<String> roles = new ArrayList<>(stage.roles());
            extras.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
            List<RoleTeam> byRole = new ArrayList<>();
            for (String role : roles) {
                byRole.add(roleTeam(role, opening.requiredRoles().contains(role), resolution, when, directory));
            }
            List<Member> others = resolution.targets().stream().filter(t -> t.roleKey() == null)
                    .map(t -> member(t.contactId(), null, t.reason() == null ? "named" : reason(t.reason()),
                            directory)).toList();
            stages.add(new Stage(i + 1, stage.timeoutOr(definition.ackTargetSeconds), byRole, others));
        }
        List<RoleTeam> paths = new ArrayList<>();
        for (String role : opening.requiredRoles()) {
            OnCallResolver.Resolution resolution = resolver.resolve(new StageDefinition(List.of(role), List.of(),
                    List.of(), List.of(), 1), List.of(), when);
            paths.add(roleTeam(role, true, resolution, when, directory));
        }
        List<Member> stakeholders = resolver.resolve(opening.informed(), List.of(), when).targets().stream()
                .map(t -> member(t.contactId(), t.roleKey(), "stakeholder (notify only)", directory)).toList();
        PlanChosen chosen = plan == null ? null : new PlanChosen(plan.id, plan.incidentType, plan.severity,
                policy.id, policy.name, policy.extraRepetitions);
        List<ExternalParty> parties = new ArrayList<>();
        for (ExternalPartySnapshot party : directory.externalParties()) {
            if (party.concerns(incidentType)) {
                List<Member> owners = party.owningRoleKey() == null ? List.of()
                        : ResponderSelection.answering(party.owningRoleKey(), when, directory).stream()
                                .map(c -> member(c.contactId(), c.roleKey(), reason(c.reason()), directory)).toList();
                parties.add(new ExternalParty(party.resourceId(), party.kind(), party.organisation(),
                        party.contactName(), party.notificationDeadlineHours(), party.responseSlaMinutes(),
                        party.owningRoleKey(), owners));
            }
        }
        return new Team(when, incidentType, severity, definition.ackTargetSeconds, definition.allChannelsAtOnce,
                chosen, opening.requiredRoles(), stages, paths, stakeholders, parties);
    }

    private RoleTeam roleTeam(String role, boolean required, OnCallResolver.Resolution resolution, Instant at,
            ReplicaDirectory directory) {
        List<Member> paged = resolution.targets().stream().filter(t -> role.equals(t.roleKey()))
                .map(t -> member(t.contactId(), role, reason(t.reason()), directory)).toList();
        List<UUID> pagedIds = paged.stream().map(Member::contactId).toList();
        List<Member> next = new ArrayList<>();
        for (Candidate c : ResponderSelection.candidates(role, at, directory)) {
            if (!pagedIds.contains(c.contactId())) {
                next.add(member(c.contactId(), role, reason(c.reason()), directory));
            }
        }
        return new RoleTeam(role, required, paged, next);
    }

    private static Member member(UUID id, String role, String reason, ReplicaDirectory directory) {
        Optional<ContactSnapshot> contact = directory.contact(id);
        String unreachable = ResponderSelection.unreachableBecause(contact);
        List<ChannelType> types = contact.map(c -> c.channels().stream()
                .filter(ch -> ch.verified() && ResponderSelection.PAGEABLE.contains(ch.type()))
                .map(ContactSnapshot.Channel::type).distinct().toList()).orElse(List.of());
        return new Member(id, contact.map(ContactSnapshot::displayName).orElse(null), role, reason, types,
                unreachable == null, unreachable);
    }

    private static String reason(ResponderSelection.Reason reason) {
        return reason == null ? "named" : reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
