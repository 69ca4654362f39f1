package io.muster.gameday.api;

import io.muster.gameday.domain.ActionItem;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.Review;
import io.muster.gameday.service.ReviewBook;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action item with the review it came from: {@code runId} for a game day run's review (with {@code gameDayId} and
 * {@code scenarioId} when listed across reviews), {@code incidentId} for an incident's. {@code ownerName} is the
 * owner's name in the directory replica (null if they left it).
 */
public record ActionItemResponse(UUID id, UUID reviewId, Review.Source source, UUID runId, UUID incidentId,
        UUID gameDayId, UUID scenarioId, String title, UUID ownerContactId, String ownerName, String owner,
        LocalDate dueDate, ActionItem.Status status, boolean done, boolean overdue, Instant doneAt,
        LocalDate lastRemindedOn) {

    static ActionItemResponse of(ReviewBook.Item item) {
        ActionItem i = item.item();
        Review review = item.review();
        GameDayRun run = item.run();
        return new ActionItemResponse(i.id, i.reviewId, review.source, review.runId, review.incidentId,
                run == null ? null : run.gameDayId, run == null ? null : run.scenarioId, i.title, i.ownerContactId,
                item.ownerName(), i.owner, i.dueDate, i.status, i.done(), item.overdue(), i.doneAt,
                i.lastRemindedOn);
    }
}
