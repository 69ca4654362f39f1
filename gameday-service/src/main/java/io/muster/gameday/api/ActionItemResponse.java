package io.muster.gameday.api;

import io.muster.gameday.domain.ActionItem;
import io.muster.gameday.domain.GameDayRun;
import java.time.LocalDate;
import java.util.UUID;

/** An action item; {@code gameDayId} and {@code scenarioId} are filled when listed across runs. */
public record ActionItemResponse(UUID id, UUID runId, UUID gameDayId, UUID scenarioId, String title, String owner,
        LocalDate dueDate, boolean done) {

    static ActionItemResponse of(ActionItem item, GameDayRun run) {
        return new ActionItemResponse(item.id, item.runId, run == null ? null : run.gameDayId,
                run == null ? null : run.scenarioId, item.title, item.owner, item.dueDate, item.done);
    }
}
