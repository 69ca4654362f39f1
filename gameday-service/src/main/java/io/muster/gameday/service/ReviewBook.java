package io.muster.gameday.service;

import io.muster.contracts.Topics;
import io.muster.contracts.gameday.ActionItemSnapshot;
import io.muster.contracts.gameday.GameDayRunChanged.RunStatus;
import io.muster.gameday.config.GamedayConfig;
import io.muster.gameday.domain.ActionItem;
import io.muster.gameday.domain.ContactReplica;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.IncidentRecord;
import io.muster.gameday.domain.IncidentTimelineEntry;
import io.muster.gameday.domain.Review;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.muster.platform.outbox.Outbox;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reviews and their action items, for game day runs and real incidents alike: lessons recorded, reviews completed,
 * items marked done, each change audited and every change of an item announced as an {@link ActionItemSnapshot}
 * through the outbox, in the change's transaction.
 *
 * <p>A run's review is opened by the first lessons recorded for it; an incident's by {@link IncidentReviews} when
 * the incident is resolved.
 */
@ApplicationScoped
public class ReviewBook {

    /** Audit entity of a run's review, keyed by the run (as before reviews of incidents existed). */
    static final String AUDIT_RUN_LESSONS = "run-lessons";
    /** Audit entity of an incident's review, keyed by the review. */
    static final String AUDIT_REVIEW = "incident-review";
    static final String AUDIT_ACTION_ITEM = "action-item";
    private static final int MAX_LISTED = 200;
    private static final int MAX_TIMELINE = 500;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    GamedayConfig config;

    @Inject
    DirectoryReplica directory;

    /** An action item with its review, the review's run (null for an incident's) and its owner's name. */
    public record Item(ActionItem item, Review review, GameDayRun run, String ownerName, boolean overdue) {
    }

    /** A review with its items and, for an incident's, what is known of the incident (timeline null in lists). */
    public record Full(Review review, List<Item> items, IncidentRecord incident, List<IncidentTimelineEntry> timeline) {
    }

    /** Replaces a run's lessons and action items, opening the run's review the first time. */
    @Transactional
    public Full recordRunLessons(UUID runId, LessonsFields request, String author) {
        GameDayRun run = GameDayRun.findById(runId);
        if (run == null) {
            throw Refusal.notFound("Run", runId);
        }
        if (run.status == RunStatus.SCHEDULED || run.status == RunStatus.CANCELLED) {
            throw Refusal.conflict("run-not-held", "runId",
                    "run " + runId + " is " + run.status + ": lessons are recorded once a run has happened");
        }
        Review review = Review.find("runId", runId).firstResult();
        ReviewState before = review == null ? null : ReviewState.of(full(review, true));
        if (review == null) {
            GameDay gameDay = GameDay.findById(run.gameDayId);
            review = Review.open(Review.Source.GAME_DAY_RUN, runId, gameDay.title, clock.instant());
            review.persist();
        }
        apply(review, request, author);
        Full after = full(review, true);
        auditReview(review, before == null ? "created" : "updated", author, before, after);
        return after;
    }

    /** Replaces a review's lessons and action items (of a run or an incident) while it is open. */
    @Transactional
    public Full recordLessons(UUID reviewId, LessonsFields request, String author) {
        Review review = existing(reviewId);
        ReviewState before = ReviewState.of(full(review, true));
        apply(review, request, author);
        Full after = full(review, true);
        auditReview(review, "updated", author, before, after);
        return after;
    }

    /** Closes a review once its lessons are recorded; its action items stay open until done. */
    @Transactional
    public Full complete(UUID reviewId, String author) {
        Review review = existing(reviewId);
        if (review.status == Review.Status.COMPLETED) {
            throw Refusal.conflict("review-completed", "status",
                    "review " + reviewId + " was completed at " + review.completedAt);
        }
        if (review.updatedAt == null) {
            throw Refusal.conflict("review-empty", "lessons",
                    "review " + reviewId + " has no lessons recorded yet: record them before completing it");
        }
        ReviewState before = ReviewState.of(full(review, true));
        review.status = Review.Status.COMPLETED;
        review.completedAt = clock.instant();
        review.completedBy = author;
        Full after = full(review, true);
        auditReview(review, "completed", author, before, after);
        return after;
    }

    /** Marks one action item done (also of a completed review); marking a done item again changes nothing. */
    @Transactional
    public Item markDone(UUID itemId, String author) {
        ActionItem item = ActionItem.findById(itemId);
        if (item == null) {
            throw Refusal.notFound("Action item", itemId);
        }
        Review review = Review.findById(item.reviewId);
        if (item.done()) {
            return itemsOf(List.of(item)).get(0);
        }
        Item before = itemsOf(List.of(item)).get(0);
        Instant now = clock.instant();
        item.status = ActionItem.Status.DONE;
        item.doneAt = now;
        item.updatedAt = now;
        outbox.publish(item.snapshot(review));
        Item after = itemsOf(List.of(item)).get(0);
        audit.record(AUDIT_ACTION_ITEM, itemId, "done", author, ItemState.of(before), ItemState.of(after));
        return after;
    }

    @Transactional
    public Full review(UUID reviewId) {
        return full(existing(reviewId), true);
    }

    /** The run's review; 404 when the run does not exist or has no lessons yet. */
    @Transactional
    public Full ofRun(UUID runId) {
        if (GameDayRun.findById(runId) == null) {
            throw Refusal.notFound("Run", runId);
        }
        return findOfRun(runId).orElseThrow(() -> Refusal.notFound("Lessons of run", runId));
    }

    @Transactional
    public Optional<Full> findOfRun(UUID runId) {
        return Review.<Review>find("runId", runId).firstResultOptional().map(r -> full(r, true));
    }

    /** Reviews newest first (at most 200), optionally of one status and opened at or after {@code since}. */
    @Transactional
    public List<Full> list(Review.Status status, Instant since) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (since != null) {
            query.append(" and openedAt >= :since");
            parameters.and("since", since);
        }
        return Review.<Review>find(query.toString(), Sort.descending("openedAt", "id"), parameters)
                .page(0, MAX_LISTED).list().stream().map(r -> full(r, false)).toList();
    }

    /** Action items across reviews, soonest due first; {@code open} null lists all. */
    @Transactional
    public List<Item> actionItems(Boolean open) {
        Sort order = Sort.by("dueDate").and("position").and("id");
        List<ActionItem> items = open == null ? ActionItem.listAll(order)
                : ActionItem.list("status", order, open ? ActionItem.Status.OPEN : ActionItem.Status.DONE);
        return itemsOf(items);
    }

    /** Today in the zone the service counts due dates in. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.reminders().zone());
    }

    private void apply(Review review, LessonsFields request, String author) {
        if (review.status == Review.Status.COMPLETED) {
            throw Refusal.conflict("review-completed", "status",
                    "review " + review.id + " was completed at " + review.completedAt + ": its lessons are final");
        }
        Instant now = clock.instant();
        LocalDate today = today();
        List<LessonsFields.Item> requested = request.actionItems() == null ? List.of() : request.actionItems();
        Map<UUID, ActionItem> existing = ActionItem.<ActionItem>list("reviewId", review.id).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        // Everything is checked before anything is written.
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            LessonsFields.Item r = requested.get(i);
            String field = "actionItems[" + i + "]";
            ActionItem old = null;
            if (r.id() != null) {
                old = existing.get(r.id());
                if (old == null) {
                    throw Refusal.invalid(field + ".id", "is not an action item of this review");
                }
                if (!kept.add(r.id())) {
                    throw Refusal.invalid(field + ".id", "is listed twice");
                }
            }
            // A due date already set may have passed since; a new or moved one may not be in the past.
            if ((old == null || !old.dueDate.equals(r.dueDate())) && r.dueDate().isBefore(today)) {
                throw Refusal.invalid(field + ".dueDate", "must not be in the past (today is " + today
                        + ")");
            }
            if (r.ownerContactId() != null && (old == null || !r.ownerContactId().equals(old.ownerContactId))) {
                ContactReplica owner = ContactReplica.findById(r.ownerContactId());
                if (owner == null || !owner.active) {
                    throw Refusal.invalid(field + ".ownerContactId",
                            "is not an active person in the directory");
                }
            }
        }
        review.wentWell = strip(request.wentWell());
        review.didNotGoWell = strip(request.didNotGoWell());
        review.rootCauses = strip(request.rootCauses());
        review.updatedAt = now;
        review.updatedBy = author;
        for (ActionItem gone : existing.values()) {
            if (!kept.contains(gone.id)) {
                gone.delete();
                outbox.tombstone(Topics.GAMEDAY, ActionItemSnapshot.keyOf(gone.id));
            }
        }
        // (review, position) is unique but checked at commit, so items may swap places.
        for (int i = 0; i < requested.size(); i++) {
            LessonsFields.Item r = requested.get(i);
            ActionItem item = r.id() == null ? null : existing.get(r.id());
            ActionItemSnapshot before = item == null ? null : item.snapshot(review);
            String ownerNoteBefore = item == null ? null : item.owner;
            if (item == null) {
                item = new ActionItem();
                item.id = UUID.randomUUID();
                item.reviewId = review.id;
                item.createdAt = now;
                item.status = ActionItem.Status.OPEN;
            }
            item.position = i;
            item.title = r.title().strip();
            item.owner = r.owner() == null ? null : r.owner().strip();
            item.ownerContactId = r.ownerContactId();
            if (item.dueDate != null && !item.dueDate.equals(r.dueDate())) {
                // A new due date starts the reminders afresh.
                item.lastRemindedOn = null;
            }
            item.dueDate = r.dueDate();
            ActionItem.Status status = Boolean.TRUE.equals(r.done()) ? ActionItem.Status.DONE : ActionItem.Status.OPEN;
            if (status != item.status) {
                item.status = status;
                item.doneAt = status == ActionItem.Status.DONE ? now : null;
            }
            ActionItemSnapshot after = item.snapshot(review);
            if (!after.equals(before) || !Objects.equals(ownerNoteBefore, item.owner)) {
                item.updatedAt = now;
            }
            item.persist();
            if (!after.equals(before)) {
                outbox.publish(after);
            }
        }
    }

    private void auditReview(Review review, String action, String author, ReviewState before, Full after) {
        if (review.source == Review.Source.GAME_DAY_RUN) {
            audit.record(AUDIT_RUN_LESSONS, review.runId, action, author, before, ReviewState.of(after));
        } else {
            audit.record(AUDIT_REVIEW, review.id, action, author, before, ReviewState.of(after));
        }
    }

    private Review existing(UUID reviewId) {
        Review review = Review.findById(reviewId);
        if (review == null) {
            throw Refusal.notFound("Review", reviewId);
        }
        return review;
    }

    private Full full(Review review, boolean withTimeline) {
        List<Item> items = itemsOf(ActionItem.list("reviewId", Sort.by("position"), review.id));
        IncidentRecord incident = review.incidentId == null ? null : IncidentRecord.findById(review.incidentId);
        if (review.incidentId != null && incident == null) {
            incident = new IncidentRecord();
            incident.incidentId = review.incidentId;
        }
        List<IncidentTimelineEntry> timeline = review.incidentId == null || !withTimeline ? null
                : IncidentTimelineEntry.<IncidentTimelineEntry>find("incidentId",
                        Sort.by("occurredAt").and("eventId"), review.incidentId).page(0, MAX_TIMELINE).list();
        return new Full(review, items, incident, timeline);
    }

    private List<Item> itemsOf(List<ActionItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        Map<UUID, Review> reviews = Review.<Review>list("id in ?1",
                items.stream().map(i -> i.reviewId).distinct().toList())
                .stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        List<UUID> runIds = reviews.values().stream().map(r -> r.runId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, GameDayRun> runs = runIds.isEmpty() ? Map.of()
                : GameDayRun.<GameDayRun>list("id in ?1", runIds).stream()
                        .collect(Collectors.toMap(r -> r.id, Function.identity()));
        Map<UUID, String> names = directory.namesOf(
                items.stream().map(i -> i.ownerContactId).filter(Objects::nonNull).collect(Collectors.toSet()));
        LocalDate today = today();
        List<Item> result = new ArrayList<>(items.size());
        for (ActionItem i : items) {
            Review review = reviews.get(i.reviewId);
            result.add(new Item(i, review, review.runId == null ? null : runs.get(review.runId),
                    i.ownerContactId == null ? null : names.get(i.ownerContactId), i.overdueOn(today)));
        }
        return result;
    }

    /** An item as the audit log keeps it. */
    public record ItemState(UUID id, UUID reviewId, String title, UUID ownerContactId, String owner, LocalDate dueDate,
            ActionItem.Status status, Instant doneAt) {
        static ItemState of(Item item) {
            ActionItem i = item.item();
            return new ItemState(i.id, i.reviewId, i.title, i.ownerContactId, i.owner, i.dueDate, i.status, i.doneAt);
        }
    }

    private static List<String> strip(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(String::strip).toList();
    }
}
