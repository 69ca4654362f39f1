package io.muster.escalation.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ExternalPartySnapshot;
import io.muster.contracts.directory.ReadinessSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.escalation.config.EscalationConfig;
import io.muster.escalation.domain.BackupChannel;
import io.muster.escalation.domain.DeadlineClock;
import io.muster.escalation.domain.EscalationPolicy;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.PlanDocumentSettings;
import io.muster.escalation.domain.Playbook;
import io.muster.escalation.domain.PublicRelationsPlan;
import io.muster.escalation.domain.ResponsePlan;
import io.muster.escalation.domain.SeverityDefinition;
import io.muster.escalation.domain.StageDefinition;
import io.muster.escalation.domain.Stakeholders;
import io.muster.escalation.persistence.ReplicaDirectory;
import io.muster.escalation.service.PlanDocumentModel.Block;
import io.muster.escalation.service.PlanDocumentModel.Bullets;
import io.muster.escalation.service.PlanDocumentModel.Document;
import io.muster.escalation.service.PlanDocumentModel.Fact;
import io.muster.escalation.service.PlanDocumentModel.Heading;
import io.muster.escalation.service.PlanDocumentModel.Paragraph;
import io.muster.escalation.service.PlanDocumentModel.Section;
import io.muster.escalation.service.PlanDocumentModel.Table;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Assembles the incident response plan document from live data: what escalation owns (severities, response plans,
 * escalation policies, backup channels, the overview text, playbooks) and its replica of the directory (role rosters,
 * who answers for each role now, external parties, readiness findings). Never asks another service.
 *
 * <p>Contact details (channel addresses, external parties' email and phone, how to join a backup channel) are shown
 * in full to responders and admins and masked for viewers, with the masks the directory's API shows viewers.
 */
@ApplicationScoped
public class PlanDocumentAssembler {

    public static final String TITLE = "Incident response plan";

    /** Section ids: stable, so links and the table of contents keep working from one version to the next. */
    public static final List<String> SECTION_IDS = List.of("overview", "roles", "communication", "backup-channels",
            "phases", "severities", "external-resources", "public-relations", "open-gaps");

    @Inject
    EscalationConfig config;

    /** Where the document stands, shown in its header: the published version it is (or the last one) and the review. */
    public record Status(Integer version, String approvedBy, Instant publishedAt, LocalDate reviewDueOn,
            boolean current) {
    }

    /** A step of a playbook as the document lists it. */
    public record PlaybookStep(String incidentType, IncidentPhase phase, int position, String action,
            String ownerRole, String link) {
    }

    @Transactional
    public Document assemble(boolean fullContacts, Status status, Instant now) {
        ReplicaDirectory directory = new ReplicaDirectory();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        PlanDocumentSettings settings = PlanDocumentSettings.current();
        List<RoleRoster> rosters = directory.rosters();
        List<ResponsePlan> plans = ResponsePlan.listAll(Sort.by("severity").and("incidentType"));
        Map<UUID, EscalationPolicy> policies = new LinkedHashMap<>();
        EscalationPolicy.<EscalationPolicy>listAll().forEach(p -> policies.put(p.id, p));
        List<SeverityDefinition> severities = SeverityDefinition.<SeverityDefinition>listAll().stream()
                .sorted(Comparator.comparing(d -> d.severity)).toList();
        List<PlaybookStep> steps = playbookSteps();
        Context ctx = new Context(directory, fullContacts, now, rosters);

        List<Fact> facts = new ArrayList<>();
        if (status.version() == null) {
            facts.add(new Fact("Version", "not yet published (live draft)"));
        } else {
            facts.add(new Fact("Version", status.version() + (status.current() ? "" : " (live draft since then)")));
            facts.add(new Fact("Approved by", status.approvedBy()));
            facts.add(new Fact("Published", status.publishedAt().toString()));
        }
        LocalDate due = status.reviewDueOn();
        facts.add(new Fact("Review due", due == null ? "not set (set at the first publish)"
                : due + (due.isBefore(today) ? " (OVERDUE)" : "")));
        facts.add(new Fact("Generated", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        facts.add(new Fact("Contact details", fullContacts ? "in full" : "masked (viewer)"));

        List<Section> sections = List.of(
                overview(settings, rosters, directory),
                roles(ctx, plans, policies, severities, steps),
                communication(ctx, plans, policies, severities),
                backupChannels(ctx),
                phases(ctx, steps),
                severities(severities),
                externalResources(ctx),
                publicRelations(ctx),
                openGaps(directory, status, today));
        return new Document(TITLE, facts, sections);
    }

    /**
     * The steps of every playbook ({@code *} first, then by incident type), in phase and step order, numbered within
     * their phase. The phases section and the RACI's R column read from here only.
     */
    List<PlaybookStep> playbookSteps() {
        List<PlaybookStep> out = new ArrayList<>();
        for (Playbook playbook : Playbook.all()) {
            Map<IncidentPhase, Integer> numbers = new LinkedHashMap<>();
            for (io.muster.escalation.domain.PlaybookStep step : playbook.steps()) {
                int position = numbers.merge(step.phase, 1, Integer::sum);
                String action = step.detail == null || step.detail.isBlank() ? step.title
                        : step.title + ": " + step.detail;
                out.add(new PlaybookStep(playbook.incidentType, step.phase, position, action, step.ownerRole,
                        step.link));
            }
        }
        out.sort(Comparator.comparing(PlaybookStep::phase));
        return out;
    }

    private record Context(ReplicaDirectory directory, boolean fullContacts, Instant now, List<RoleRoster> rosters) {
        String roleName(String key) {
            return rosters.stream().filter(r -> r.roleKey().equals(key)).findFirst()
                    .map(r -> r.name() + " (" + key + ")").orElse(key);
        }
    }

    private Section overview(PlanDocumentSettings settings, List<RoleRoster> rosters, ReplicaDirectory directory) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(settings.overview == null || settings.overview.isBlank()
                ? "No team overview has been written yet (admins: PUT /api/v1/plan-document/overview)."
                : settings.overview));
        long people = rosters.stream().flatMap(r -> r.contactIds().stream()).distinct().count();
        blocks.add(new Paragraph((people == 1 ? "1 person holds" : people + " people hold") + " the team's "
                + (rosters.size() == 1 ? "1 incident-response role" : rosters.size() + " incident-response roles")
                + "; sections 2 and 3 say who holds which and who answers now."));
        return new Section("overview", "Team overview", blocks);
    }

    private Section roles(Context ctx, List<ResponsePlan> plans, Map<UUID, EscalationPolicy> policies,
            List<SeverityDefinition> severities, List<PlaybookStep> steps) {
        List<Block> blocks = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (RoleRoster roster : ctx.rosters()) {
            String holders = roster.contactIds().stream().map(id -> name(ctx.directory(), id))
                    .collect(Collectors.joining(", "));
            rows.add(List.of(roster.name(), roster.roleKey(), holders.isEmpty() ? "nobody" : holders,
                    roster.escalationContactId() == null ? "none" : name(ctx.directory(),
                            roster.escalationContactId())));
        }
        blocks.add(new Table(List.of("Role", "Key", "Held by (priority order)", "Escalation contact"), rows,
                "The directory has published no incident-response roles yet."));

        String accountable = config.planDocument().accountableRole();
        Set<String> consulted = new LinkedHashSet<>();
        plans.forEach(p -> consulted.addAll(p.requiredRoles()));
        Set<String> informed = new LinkedHashSet<>();
        severities.forEach(d -> informed.addAll(d.stakeholderRoles()));
        plans.forEach(p -> Optional.ofNullable(policies.get(p.policyId))
                .ifPresent(policy -> informed.addAll(policy.stakeholders().roles())));
        Map<IncidentPhase, Set<String>> responsible = new LinkedHashMap<>();
        for (IncidentPhase phase : IncidentPhase.values()) {
            responsible.put(phase, steps.stream().filter(s -> s.phase() == phase && s.ownerRole() != null)
                    .map(PlaybookStep::ownerRole).collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        Set<String> raciRoles = new LinkedHashSet<>();
        ctx.rosters().forEach(r -> raciRoles.add(r.roleKey()));
        raciRoles.add(accountable);
        raciRoles.addAll(consulted);
        raciRoles.addAll(informed);
        responsible.values().forEach(raciRoles::addAll);

        blocks.add(new Heading("raci", "RACI per phase"));
        blocks.add(new Paragraph("R (responsible): the roles that own playbook steps of the phase. A (accountable): "
                + ctx.roleName(accountable) + ", for every phase. C (consulted): the roles a response plan requires "
                + "to be engaged, in every phase where they are not R or A. I (informed): the stakeholder roles of the "
                + "escalation policies and severity definitions, where they are nothing else."));
        List<String> headers = new ArrayList<>(List.of("Role"));
        for (IncidentPhase phase : IncidentPhase.values()) {
            headers.add(phaseName(phase));
        }
        List<List<String>> raci = new ArrayList<>();
        for (String role : raciRoles) {
            List<String> row = new ArrayList<>(List.of(ctx.roleName(role)));
            boolean any = false;
            for (IncidentPhase phase : IncidentPhase.values()) {
                List<String> letters = new ArrayList<>();
                if (responsible.get(phase).contains(role)) {
                    letters.add("R");
                }
                if (role.equals(accountable)) {
                    letters.add("A");
                }
                if (letters.isEmpty() && consulted.contains(role)) {
                    letters.add("C");
                }
                if (letters.isEmpty() && informed.contains(role)) {
                    letters.add("I");
                }
                any |= !letters.isEmpty();
                row.add(String.join("/", letters));
            }
            if (any) {
                raci.add(row);
            }
        }
        blocks.add(new Table(headers, raci, "No role has a part in any phase yet."));
        return new Section("roles", "Roles and responsibilities", blocks);
    }

    private Section communication(Context ctx, List<ResponsePlan> plans, Map<UUID, EscalationPolicy> policies,
            List<SeverityDefinition> severities) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("For each severity, the response plans (incident type x severity; * is every type "
                + "without a plan of its own) say who is paged and in what order. Each required role escalates on "
                + "its own path until someone paged for it acknowledges; stakeholders get one notify-only page."));
        Set<String> rolesMentioned = new LinkedHashSet<>();
        for (SeverityDefinition definition : severities) {
            blocks.add(new Heading("communication-" + definition.severity.name().toLowerCase(Locale.ROOT),
                    definition.severity + " (" + definition.name + ")"));
            blocks.add(new Paragraph("Acknowledgement target " + duration(definition.ackTargetSeconds)
                    + "; " + (definition.allChannelsAtOnce ? "every channel of each person at once"
                            : "channels one after another in the person's order")
                    + "; always informed: " + roles(ctx, definition.stakeholderRoles()) + "."));
            rolesMentioned.addAll(definition.stakeholderRoles());
            List<ResponsePlan> ofSeverity = plans.stream().filter(p -> p.severity == definition.severity).toList();
            List<List<String>> rows = new ArrayList<>();
            for (ResponsePlan plan : ofSeverity) {
                EscalationPolicy policy = policies.get(plan.policyId);
                if (policy == null) {
                    continue;
                }
                List<StageDefinition> stages = policy.stages();
                for (int i = 0; i < stages.size(); i++) {
                    StageDefinition stage = stages.get(i);
                    List<String> who = new ArrayList<>();
                    stage.roles().forEach(r -> who.add(ctx.roleName(r)));
                    if (i == 0) {
                        plan.rolesToEngage().stream().filter(r -> !stage.roles().contains(r))
                                .forEach(r -> who.add(ctx.roleName(r) + " (with the first stage)"));
                        rolesMentioned.addAll(plan.rolesToEngage());
                    }
                    rolesMentioned.addAll(stage.roles());
                    stage.teams().forEach(t -> who.add(teamName(ctx.directory(), t)));
                    stage.contacts().forEach(c -> who.add(name(ctx.directory(), c)));
                    stage.levels().forEach(l -> who.add("everyone at escalation level " + l));
                    rows.add(List.of(plan.incidentType, policy.name, "stage " + (i + 1), String.join(", ", who),
                            duration(stage.timeoutOr(definition.ackTargetSeconds))));
                }
                rows.add(List.of(plan.incidentType, policy.name, "then",
                        policy.extraRepetitions == 0 ? "no repeat" : "the stages again, " + policy.extraRepetitions
                                + " more time(s)",
                        ""));
                rows.add(List.of(plan.incidentType, policy.name, "required", roles(ctx, plan.requiredRoles()),
                        "each on its own path"));
                Stakeholders informed = policy.stakeholders();
                List<String> stakeholders = new ArrayList<>();
                informed.roles().forEach(r -> stakeholders.add(ctx.roleName(r)));
                informed.contacts().forEach(c -> stakeholders.add(name(ctx.directory(), c)));
                definition.stakeholderRoles().stream().filter(r -> !informed.roles().contains(r))
                        .forEach(r -> stakeholders.add(ctx.roleName(r)));
                rows.add(List.of(plan.incidentType, policy.name, "informed",
                        stakeholders.isEmpty() ? "nobody" : String.join(", ", stakeholders), "notify only"));
                rolesMentioned.addAll(plan.requiredRoles());
                rolesMentioned.addAll(informed.roles());
            }
            blocks.add(new Table(List.of("Incident type", "Policy", "Order", "Who", "Waits"), rows,
                    "No response plan for " + definition.severity + "."));
        }
        blocks.add(new Heading("communication-holders", "Who holds each role now"));
        ctx.rosters().forEach(r -> rolesMentioned.add(r.roleKey()));
        List<List<String>> rows = new ArrayList<>();
        for (String role : rolesMentioned) {
            List<ResponderSelection.Candidate> answering = ResponderSelection.answering(role, ctx.now(),
                    ctx.directory());
            if (answering.isEmpty()) {
                rows.add(List.of(ctx.roleName(role), "nobody can be paged", "", ""));
            }
            for (ResponderSelection.Candidate c : answering) {
                rows.add(List.of(ctx.roleName(role), name(ctx.directory(), c.contactId()), reason(c.reason()),
                        channels(ctx, c.contactId())));
            }
        }
        blocks.add(new Table(List.of("Role", "Answers now", "Why", "Channels (in order)"), rows,
                "No role is named by the plans or the directory."));
        return new Section("communication", "Communication plan", blocks);
    }

    private Section backupChannels(Context ctx) {
        List<List<String>> rows = new ArrayList<>();
        for (BackupChannel channel : BackupChannel.<BackupChannel>listAll(Sort.by("name"))) {
            String owner = channel.ownerRole == null ? "none" : ctx.roleName(channel.ownerRole);
            String tested = channel.lastTestedAt == null ? "never tested"
                    : channel.lastTestedAt + " by " + channel.lastTestedBy;
            rows.add(List.of(channel.name, kindName(channel.kind.name()),
                    ctx.fullContacts() ? channel.howToJoin : ContactMasks.HIDDEN, owner, tested));
        }
        List<Block> blocks = List.of(
                new Paragraph("Out-of-band methods for when mail, chat or the usual phones cannot be trusted or are "
                        + "down. Test each one regularly and record the test (POST .../backup-channels/{id}/tested)."),
                new Table(List.of("Channel", "Kind", "How to join", "Owner", "Last tested"), rows,
                        "No backup communication channel is recorded."));
        return new Section("backup-channels", "Backup communication methods", blocks);
    }

    private Section phases(Context ctx, List<PlaybookStep> steps) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("An incident moves through these phases; the playbook of its incident type lists "
                + "the actions of each phase and the role that owns each."));
        for (IncidentPhase phase : IncidentPhase.values()) {
            blocks.add(new Heading("phase-" + phase.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    phaseName(phase)));
            List<List<String>> rows = steps.stream().filter(s -> s.phase() == phase)
                    .map(s -> List.of(s.incidentType(), String.valueOf(s.position()), s.action(),
                            s.ownerRole() == null ? "" : ctx.roleName(s.ownerRole()),
                            s.link() == null ? "" : s.link()))
                    .toList();
            blocks.add(new Table(List.of("Incident type", "Step", "Action", "Owner role", "Link"), rows,
                    "No playbook steps for this phase yet."));
        }
        return new Section("phases", "Phases and their actions", blocks);
    }

    private Section severities(List<SeverityDefinition> severities) {
        List<List<String>> rows = new ArrayList<>();
        for (SeverityDefinition d : severities) {
            rows.add(List.of(d.severity.name(), d.name, d.criteria, duration(d.ackTargetSeconds),
                    d.allChannelsAtOnce ? "yes" : "no", d.bundlingExempt ? "never bundled" : "may be bundled",
                    d.stakeholderRoles().isEmpty() ? "none" : String.join(", ", d.stakeholderRoles())));
        }
        List<Block> blocks = List.of(
                new Table(List.of("Severity", "Name", "Criteria", "Ack target", "All channels at once", "SMS",
                        "Always informed"), rows, "No severity is defined."),
                new Paragraph("How severity drives escalation: the severity and incident type choose the response "
                        + "plan; a stage without a timeout of its own, and every required role's own path, waits the "
                        + "severity's acknowledgement target before the next is paged; raising an incident's "
                        + "severity re-plans it and pages the roles the new plan adds (lowering it un-pages nobody)."));
        return new Section("severities", "Severity definitions", blocks);
    }

    private Section externalResources(Context ctx) {
        List<List<String>> rows = new ArrayList<>();
        for (ExternalPartySnapshot party : ctx.directory().externalParties()) {
            List<String> contact = new ArrayList<>();
            if (party.contactName() != null) {
                contact.add(party.contactName());
            }
            if (party.contactEmail() != null) {
                contact.add(ctx.fullContacts() ? party.contactEmail() : ContactMasks.email(party.contactEmail()));
            }
            if (party.contactPhone() != null) {
                contact.add(ctx.fullContacts() ? party.contactPhone() : ContactMasks.phone(party.contactPhone()));
            }
            String owner = party.owningRoleKey() == null ? "none"
                    : ctx.roleName(party.owningRoleKey()) + answeringNow(ctx, party.owningRoleKey());
            String types = party.notifyForIncidentTypes().isEmpty() ? "none"
                    : party.notifyForIncidentTypes().contains(ExternalPartySnapshot.EVERY_TYPE) ? "every type"
                            : String.join(", ", party.notifyForIncidentTypes());
            rows.add(List.of(party.organisation(), kindName(party.kind()), String.join(", ", contact),
                    party.responseSlaMinutes() == null ? "" : duration(party.responseSlaMinutes() * 60),
                    party.notificationDeadlineHours() == null ? "none" : party.notificationDeadlineHours() + " h",
                    party.notificationDeadlineHours() == null ? "" : types, owner));
        }
        List<Block> blocks = List.of(
                new Paragraph("Outside parties the response may need: their contacts, how fast they answer, the "
                        + "deadline by which they must be notified, and the incident types whose incidents start a "
                        + "notification clock for them."),
                new Table(List.of("Organisation", "Kind", "Contact", "Response SLA", "Notification deadline",
                        "Incident types that start a clock", "Owning role"), rows,
                        "The directory has published no external resources yet."),
                new Heading("deadline-clocks", "Notification clocks running now"),
                new Table(List.of("Incident", "Organisation", "Owning role", "Started", "Due", "Reminders sent"),
                        runningClocks(ctx), "No notification deadline is running."));
        return new Section("external-resources", "External resources", blocks);
    }

    /** The clocks of real incidents whose party has not been notified yet, the nearest deadline first. */
    private List<List<String>> runningClocks(Context ctx) {
        List<List<String>> rows = new ArrayList<>();
        List<DeadlineClock> open = DeadlineClock.list("notifiedAt is null and drill = false order by dueAt");
        for (DeadlineClock clock : open) {
            Incident incident = Incident.findById(clock.incidentId);
            String title = incident == null ? clock.incidentId.toString() : incident.title + " (" + clock.incidentType
                    + ", " + incident.status.name().toLowerCase(java.util.Locale.ROOT) + ")";
            rows.add(List.of(title, clock.organisation, ctx.roleName(clock.owningRole)
                    + answeringNow(ctx, clock.owningRole), clock.startedAt.truncatedTo(
                            java.time.temporal.ChronoUnit.SECONDS).toString(),
                    clock.dueAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + (clock.dueAt.isBefore(ctx.now()) ? " (OVERDUE)" : ""),
                    Integer.toString(clock.remindersSent)));
        }
        return rows;
    }

    private Section publicRelations(Context ctx) {
        PublicRelationsPlan plan = PublicRelationsPlan.current();
        List<List<String>> rows = new ArrayList<>();
        String spokesperson = plan.spokespersonRole == null ? "not named" : ctx.roleName(plan.spokespersonRole)
                + answeringNow(ctx, plan.spokespersonRole);
        rows.add(List.of("Spokesperson", spokesperson));
        rows.add(List.of("Approves each external statement", plan.approverRoles().isEmpty() ? "nobody named"
                : plan.approverRoles().stream().map(r -> ctx.roleName(r) + answeringNow(ctx, r))
                        .collect(Collectors.joining(" or "))));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(List.of("Who", "Roles (answering now)"), rows, ""));
        blocks.add(new Heading("public-relations-guidance", "Guidance"));
        blocks.add(new Paragraph(plan.guidance == null || plan.guidance.isBlank() ? "No guidance written yet."
                : plan.guidance));
        blocks.add(new Heading("public-relations-holding-statement", "Holding statement"));
        blocks.add(new Paragraph(plan.holdingStatementTemplate == null || plan.holdingStatementTemplate.isBlank()
                ? "No holding statement written yet." : plan.holdingStatementTemplate));
        return new Section("public-relations", "Public-relations plan", blocks);
    }

    private static String answeringNow(Context ctx, String role) {
        List<ResponderSelection.Candidate> now = ResponderSelection.answering(role, ctx.now(), ctx.directory());
        return now.isEmpty() ? "" : now.stream().map(c -> name(ctx.directory(), c.contactId()))
                .collect(Collectors.joining(", ", " (now: ", ")"));
    }

    private Section openGaps(ReplicaDirectory directory, Status status, LocalDate today) {
        List<List<String>> rows = new ArrayList<>();
        if (status.version() == null) {
            rows.add(List.of("HIGH", "plan", "The incident response plan has never been published.",
                    "Review it and publish version 1 (POST /api/v1/plan-document/versions)."));
        } else if (status.reviewDueOn() != null && status.reviewDueOn().isBefore(today)) {
            rows.add(List.of("HIGH", "plan", "Plan review overdue: it was due on " + status.reviewDueOn() + ".",
                    "Review the plan and publish a new version."));
        }
        Optional<ReadinessSnapshot> readiness = directory.readiness();
        readiness.ifPresent(r -> r.findings().forEach(f -> rows.add(List.of(nullToEmpty(f.severity()),
                nullToEmpty(f.subjectType()) + (f.subjectName() == null ? "" : ": " + f.subjectName()),
                nullToEmpty(f.message()), nullToEmpty(f.remedy())))));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(readiness.map(r -> "The directory's readiness findings as of " + r.generatedAt()
                + ", and the plan's own review.").orElse("The directory has not published readiness findings yet; "
                        + "only the plan's own review is checked here.")));
        blocks.add(new Table(List.of("Severity", "Subject", "Gap", "Remedy"), rows, "No open gaps."));
        return new Section("open-gaps", "Open gaps", blocks);
    }

    private String channels(Context ctx, UUID contactId) {
        Optional<ContactSnapshot> contact = ctx.directory().contact(contactId);
        if (contact.isEmpty()) {
            return "unknown to the directory";
        }
        List<String> out = new ArrayList<>();
        contact.get().channels().stream().filter(ContactSnapshot.Channel::verified)
                .sorted(Comparator.comparingInt(ContactSnapshot.Channel::preference))
                .forEach(ch -> out.add(ch.type() + " " + (ctx.fullContacts() ? ch.address()
                        : ContactMasks.mask(ch.type(), ch.address()))));
        return out.isEmpty() ? "no verified channel" : String.join(", ", out);
    }

    private static String roles(Context ctx, List<String> roles) {
        return roles.isEmpty() ? "nobody" : roles.stream().map(ctx::roleName).collect(Collectors.joining(", "));
    }

    private static String name(ReplicaDirectory directory, UUID id) {
        return directory.contact(id).map(ContactSnapshot::displayName).orElse("person " + id);
    }

    private static String teamName(ReplicaDirectory directory, UUID teamId) {
        List<String> rotations = directory.rotations().stream().filter(r -> teamId.equals(r.teamId()))
                .map(RotationSnapshot::name).toList();
        return rotations.isEmpty() ? "team " + teamId : "team on call in " + String.join(", ", rotations);
    }

    private static String reason(ResponderSelection.Reason reason) {
        return reason == null ? "" : reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String phaseName(IncidentPhase phase) {
        String name = phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String kindName(String kind) {
        return kind == null ? "" : kind.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String duration(int seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Viewers' masks, the same as the directory's API shows viewers. */
    static final class ContactMasks {
        static final String HIDDEN = "(shown to responders and admins)";

        private ContactMasks() {
        }

        static String mask(ChannelType type, String address) {
            return switch (type) {
                case EMAIL -> email(address);
                case SMS, VOICE -> phone(address);
                case WEBHOOK -> url(address);
            };
        }

        /** {@code alice@example.com} becomes {@code a***@example.com}. */
        static String email(String address) {
            int at = address.lastIndexOf('@');
            return at < 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
        }

        /** Keeps the country prefix and the last two digits: {@code +447700900123} becomes {@code +44*******23}. */
        static String phone(String number) {
            return number.length() < 6 ? "***"
                    : number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
        }

        /** Webhook paths often carry secrets; only the host is shown. */
        static String url(String url) {
            try {
                java.net.URI uri = java.net.URI.create(url);
                return uri.getScheme() + "://" + uri.getHost() + "/***";
            } catch (IllegalArgumentException e) {
                return "***";
            }
        }
    }
}
