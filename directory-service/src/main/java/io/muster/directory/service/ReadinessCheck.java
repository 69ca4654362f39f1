package io.muster.directory.service;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.ResponderSelection.Candidate;
import io.muster.contracts.directory.ResponderSelection.Reason;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.directory.domain.ReadinessReport;
import io.muster.directory.domain.ReadinessReport.Finding;
import io.muster.directory.domain.ReadinessReport.Severity;
import io.muster.directory.config.DirectoryConfig;
import io.muster.contracts.gameday.ActionItemSnapshot;
import io.muster.contracts.plans.PlanDocumentStatus;
import io.muster.directory.domain.ActionItemReplica;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.ExternalResource;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.PersonPreparedness;
import io.muster.directory.domain.PlanDocumentReplica;
import io.muster.directory.domain.PreparednessItem;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The readiness report SEC10 asks for: who has not been reviewed, who cannot be reached, which roles are thin, which
 * roles nobody would answer for if an incident started now (by {@link ResponderSelection}, as escalation would page),
 * where rotations leave nobody on call in the next two weeks, which outside parties are unconfirmed or overdue, who
 * lacks the access and tools their roles ask for (or has not re-checked them in time), which action items of reviews
 * are open or overdue, and whether the incident response plan was ever published and its review is on time. The last
 * two come from local copies of what the game-day and escalation services publish.
 */
@ApplicationScoped
public class ReadinessCheck {

    public static final String PERSON_NOT_REVIEWED = "PERSON_NOT_REVIEWED";
    public static final String PERSON_UNREACHABLE = "PERSON_UNREACHABLE";
    public static final String ROLE_UNDERSTAFFED = "ROLE_UNDERSTAFFED";
    public static final String ROLE_NOBODY_REACHABLE = "ROLE_NOBODY_REACHABLE";
    public static final String ROTATION_GAP = "ROTATION_GAP";
    public static final String EXTERNAL_CONTACT_UNVERIFIED = "EXTERNAL_CONTACT_UNVERIFIED";
    public static final String EXTERNAL_REVIEW_OVERDUE = "EXTERNAL_REVIEW_OVERDUE";
    public static final String PREPAREDNESS_MISSING = "PREPAREDNESS_MISSING";
    public static final String PREPAREDNESS_RECHECK_DUE = "PREPAREDNESS_RECHECK_DUE";
    public static final String ACTION_ITEM_OVERDUE = "ACTION_ITEM_OVERDUE";
    public static final String ACTION_ITEM_OPEN = "ACTION_ITEM_OPEN";
    public static final String PLAN_NOT_PUBLISHED = "PLAN_NOT_PUBLISHED";
    public static final String PLAN_REVIEW_OVERDUE = "PLAN_REVIEW_OVERDUE";
    public static final List<String> CODES = List.of(PERSON_NOT_REVIEWED, PERSON_UNREACHABLE, ROLE_UNDERSTAFFED,
            ROLE_NOBODY_REACHABLE, ROTATION_GAP, EXTERNAL_CONTACT_UNVERIFIED, EXTERNAL_REVIEW_OVERDUE,
            PREPAREDNESS_MISSING, PREPAREDNESS_RECHECK_DUE, ACTION_ITEM_OVERDUE, ACTION_ITEM_OPEN,
            PLAN_NOT_PUBLISHED, PLAN_REVIEW_OVERDUE);

    static final Duration ROTATION_HORIZON = Duration.ofDays(14);
    /** Rotations hand off on whole hours or later; sampling every 15 minutes cannot miss a gap of an hour. */
    static final Duration ROTATION_STEP = Duration.ofMinutes(15);

    @Inject
    DirectoryConfig config;

    @Inject
    RotationSchedule rotations;

    @Inject
    PublishedDirectory published;

    @Inject
    Clock clock;

    @Transactional
    public ReadinessReport report() {
        Instant now = clock.instant();
        List<Finding> findings = new ArrayList<>();
        List<Person> active = Person.list("active = true", Sort.by("displayName").and("id"));
        Map<UUID, List<ContactChannel>> channels = ContactChannel.<ContactChannel>listAll().stream()
                .collect(Collectors.groupingBy(c -> c.personId));
        Instant reviewedSince = now.minus(config.reviewPeriod());
        for (Person person : active) {
            if (person.lastReviewedAt == null || person.lastReviewedAt.isBefore(reviewedSince)) {
                findings.add(new Finding(PERSON_NOT_REVIEWED, Severity.MEDIUM, "person", person.id.toString(),
                        person.displayName,
                        person.lastReviewedAt == null ? "never reviewed"
                                : "last reviewed " + person.lastReviewedAt + ", more than "
                                        + config.reviewPeriod().toDays() + " days ago",
                        "Check the entry with the person and mark it reviewed (POST /api/v1/people/" + person.id
                                + "/review)."));
            }
            if (!ContactDetails.isReachable(channels.getOrDefault(person.id, List.of()))) {
                findings.add(new Finding(PERSON_UNREACHABLE, Severity.HIGH, "person", person.id.toString(),
                        person.displayName, "fewer than two verified channels of different types",
                        "Add and verify a second kind of channel (e.g. SMS as well as email)."));
            }
        }
        Set<UUID> reachable = active.stream()
                .filter(p -> ContactDetails.isReachable(channels.getOrDefault(p.id, List.of())))
                .map(p -> p.id).collect(Collectors.toSet());
        for (IrRole role : IrRole.<IrRole>listAll(Sort.by("notificationPriority").and("key"))) {
            long holders = active.stream().filter(p -> p.roles.contains(role.key) && reachable.contains(p.id)).count();
            if (holders < config.minReachablePerRole()) {
                findings.add(new Finding(ROLE_UNDERSTAFFED, holders == 0 ? Severity.CRITICAL : Severity.HIGH, "role",
                        role.key, role.name,
                        holders + " reachable " + (holders == 1 ? "person holds" : "people hold") + " this role, "
                                + config.minReachablePerRole() + " needed",
                        "Assign the role to more people, or make its holders reachable."));
            }
        }
        ResponderSelection.Directory directory = published.open();
        for (IrRole role : IrRole.<IrRole>listAll(Sort.by("notificationPriority").and("key"))) {
            nobodyReachable(role, now, directory).ifPresent(findings::add);
        }
        for (RotationSchedule.RotationDetails details : rotations.list(null, null)) {
            rotationGap(details.snapshot(), now).ifPresent(findings::add);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (ExternalResource resource : ExternalResource.<ExternalResource>listAll(Sort.by("organisation"))) {
            if (resource.contactVerifiedAt == null) {
                findings.add(new Finding(EXTERNAL_CONTACT_UNVERIFIED, resource.kind == ExternalResource.Kind.REGULATOR
                        ? Severity.HIGH : Severity.MEDIUM, "external-resource", resource.id.toString(),
                        resource.organisation, "nobody has confirmed that the primary contact answers",
                        "Call the primary contact and record it (POST /api/v1/external-resources/" + resource.id
                                + "/contact-verified)."));
            }
            if (resource.reviewDueOn != null && resource.reviewDueOn.isBefore(today)) {
                findings.add(new Finding(EXTERNAL_REVIEW_OVERDUE, Severity.MEDIUM, "external-resource",
                        resource.id.toString(), resource.organisation, "review was due on " + resource.reviewDueOn,
                        "Review the contract, contacts and SLA, then set a new review date."));
            }
        }
        preparedness(active, now, findings);
        actionItems(today, findings);
        plan(today, findings);
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code)
                .thenComparing(Finding::subjectName, Comparator.nullsLast(Comparator.naturalOrder())));
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        counts.forEach((k, v) -> bySeverity.put(k.name(), v));
        return new ReadinessReport(now, bySeverity, findings);
    }

    /** Each active person missing an item their roles ask for, or whose check of it is older than its period. */
    private static void preparedness(List<Person> active, Instant now, List<Finding> findings) {
        Map<String, List<PreparednessItem>> itemsByRole = PreparednessRegister.itemsByRole();
        if (itemsByRole.isEmpty()) {
            return;
        }
        Map<UUID, Map<String, PersonPreparedness>> checks = PreparednessRegister.checksOf(
                active.stream().map(p -> p.id).toList());
        for (Person person : active) {
            for (PreparednessRegister.Standing standing : PreparednessRegister.standings(person, itemsByRole, checks,
                    now)) {
                preparednessFinding(person, standing).ifPresent(findings::add);
            }
        }
    }

    /** Pure: the finding a person's standing on one item makes, if any. */
    static Optional<Finding> preparednessFinding(Person person, PreparednessRegister.Standing standing) {
        PreparednessRegister.Requirement item = standing.requirement();
        String what = item.kind().name().toLowerCase(java.util.Locale.ROOT) + " \"" + item.name() + "\" ("
                + item.key() + ", for " + String.join(", ", item.roles()) + ")";
        String record = " Record it with PUT /api/v1/people/" + person.id + "/preparedness/" + item.key() + ".";
        String howTo = item.howToGet() == null || item.howToGet().isBlank() ? "" : " How to get it: " + item.howToGet();
        return switch (standing.state()) {
            case IN_PLACE -> Optional.empty();
            case NEVER_CHECKED -> Optional.of(new Finding(PREPAREDNESS_MISSING, Severity.HIGH, "person",
                    person.id.toString(), person.displayName, what + " has never been checked",
                    "Get it in place before an incident needs it, then confirm it." + howTo + record));
            case NOT_IN_PLACE -> Optional.of(new Finding(PREPAREDNESS_MISSING, Severity.HIGH, "person",
                    person.id.toString(), person.displayName, what + " is not in place (checked "
                            + standing.check().checkedAt + " by " + standing.check().checkedBy + ")",
                    "Get it in place before an incident needs it, then confirm it." + howTo + record));
            case RECHECK_DUE -> Optional.of(new Finding(PREPAREDNESS_RECHECK_DUE, Severity.MEDIUM, "person",
                    person.id.toString(), person.displayName, what + " was last checked "
                            + standing.check().checkedAt + ", more than " + item.recheckDays() + " days ago",
                    "Check that it still works (sign in, open the tool) and confirm it again." + record));
        };
    }

    /** Open action items of game day and incident reviews: overdue ones first in severity. */
    private static void actionItems(LocalDate today, List<Finding> findings) {
        List<ActionItemReplica> open = ActionItemReplica.list("status = ?1", Sort.by("dueOn").and("actionItemId"),
                ActionItemSnapshot.Status.OPEN.name());
        Map<UUID, String> owners = new java.util.HashMap<>();
        for (ActionItemReplica item : open) {
            if (item.ownerContactId != null) {
                owners.computeIfAbsent(item.ownerContactId, id -> Optional.ofNullable(Person.<Person>findById(id))
                        .map(p -> p.displayName).orElse(null));
            }
        }
        for (ActionItemReplica item : open) {
            actionItemFinding(item, owners.get(item.ownerContactId), today).ifPresent(findings::add);
        }
    }

    /** Pure: an open item is a finding, worse once its due date has passed; {@code ownerName} null if unknown. */
    static Optional<Finding> actionItemFinding(ActionItemReplica item, String ownerName, LocalDate today) {
        if (!ActionItemSnapshot.Status.OPEN.name().equals(item.status)) {
            return Optional.empty();
        }
        boolean overdue = item.dueOn != null && item.dueOn.isBefore(today);
        String from = ActionItemSnapshot.Source.INCIDENT_REVIEW.name().equals(item.source) ? "the review of incident"
                : "the review of game day run";
        String owner = item.ownerContactId == null ? "nobody owns it"
                : "owned by " + (ownerName != null ? ownerName : item.ownerContactId.toString());
        String due = item.dueOn == null ? "no due date" : (overdue ? "was due on " : "due on ") + item.dueOn;
        String message = "from " + from + " \"" + (item.sourceTitle == null ? item.sourceId : item.sourceTitle)
                + "\": " + due + ", " + owner;
        return Optional.of(overdue
                ? new Finding(ACTION_ITEM_OVERDUE, Severity.MEDIUM, "action-item", item.actionItemId.toString(),
                        item.title, message, "Finish the item, or agree a new due date with its owner.")
                : new Finding(ACTION_ITEM_OPEN, Severity.LOW, "action-item", item.actionItemId.toString(),
                        item.title, message, item.ownerContactId == null ? "Give the item an owner and a due date."
                                : "Follow it up with its owner before its due date."));
    }

    private static void plan(LocalDate today, List<Finding> findings) {
        PlanDocumentReplica plan = PlanDocumentReplica.findById(PlanDocumentStatus.KEY);
        planFinding(plan, today).ifPresent(findings::add);
    }

    /** Pure: the plan was never published, or its review date has passed ({@code plan} null before any status). */
    static Optional<Finding> planFinding(PlanDocumentReplica plan, LocalDate today) {
        if (plan == null || plan.publishedVersion == null) {
            return Optional.of(new Finding(PLAN_NOT_PUBLISHED, Severity.HIGH, "plan", PlanDocumentStatus.KEY,
                    "Incident response plan", "the incident response plan has never been published",
                    "Review the plan document, approve and publish a version, and set its review date."));
        }
        PlanDocumentStatus status = new PlanDocumentStatus(plan.publishedVersion, plan.publishedAt, plan.approvedBy,
                plan.reviewDueOn);
        if (!status.reviewOverdueOn(today)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(PLAN_REVIEW_OVERDUE, Severity.MEDIUM, "plan", PlanDocumentStatus.KEY,
                "Incident response plan", "version " + plan.publishedVersion + " (approved by " + plan.approvedBy
                        + ") was due for review on " + plan.reviewDueOn,
                "Review the plan with the response team and publish a new version with a new review date."));
    }

    /**
     * A role that nobody would answer for now: every holder the rule would try (the person on call, their backup, the
     * other members, or the roster) cannot be paged. Less severe when the role's escalation contact still can be.
     */
    static Optional<Finding> nobodyReachable(IrRole role, Instant now, ResponderSelection.Directory directory) {
        if (!ResponderSelection.answering(role.key, now, directory).isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> candidates = ResponderSelection.candidates(role.key, now, directory);
        List<Candidate> holders = candidates.stream().filter(c -> c.reason() != Reason.ESCALATION_CONTACT).toList();
        Optional<Candidate> escalation = candidates.stream()
                .filter(c -> c.reason() == Reason.ESCALATION_CONTACT).findFirst();
        String tried = holders.isEmpty() ? "nobody holds the role or is on call for it"
                : "nobody can be paged now: " + holders.stream().limit(5)
                        .map(c -> nameOf(c, directory) + " (" + c.unreachable() + ")")
                        .collect(Collectors.joining(", ")) + (holders.size() > 5 ? ", ..." : "");
        boolean fallback = escalation.map(Candidate::reachable).orElse(false);
        String then = escalation.isEmpty() ? "; the role has no escalation contact"
                : fallback ? "; pages go straight to the escalation contact " + nameOf(escalation.get(), directory)
                        : "; the escalation contact " + nameOf(escalation.get(), directory) + " cannot be paged either ("
                                + escalation.get().unreachable() + ")";
        return Optional.of(new Finding(ROLE_NOBODY_REACHABLE, fallback ? Severity.HIGH : Severity.CRITICAL, "role",
                role.key, role.name, tried + then,
                "Give the person on call (or their backup) a verified SMS, email or webhook channel, add an override "
                        + "with someone reachable, or assign the role to a reachable person."));
    }

    private static String nameOf(Candidate candidate, ResponderSelection.Directory directory) {
        return directory.contact(candidate.contactId()).map(ContactSnapshot::displayName)
                .orElse(candidate.contactId().toString());
    }

    /** The first stretch in the next 14 days when nobody is on call, if any. */
    static java.util.Optional<Finding> rotationGap(RotationSnapshot rotation, Instant now) {
        Instant end = now.plus(ROTATION_HORIZON);
        Instant gapStart = null;
        Duration uncovered = Duration.ZERO;
        for (Instant at = now; at.isBefore(end); at = at.plus(ROTATION_STEP)) {
            if (rotation.onCallAt(at).isEmpty()) {
                if (gapStart == null) {
                    gapStart = at;
                }
                uncovered = uncovered.plus(ROTATION_STEP);
            }
        }
        if (gapStart == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(ROTATION_GAP, Severity.HIGH, "rotation",
                rotation.rotationId().toString(), rotation.name(),
                "nobody is on call from " + gapStart + " (about " + uncovered.toHours()
                        + " hours uncovered in the next 14 days)",
                "Add members to the rotation, move its first hand-off earlier, or add an override."));
    }
}
