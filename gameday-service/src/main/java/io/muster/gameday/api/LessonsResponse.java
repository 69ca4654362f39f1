package io.muster.gameday.api;

import io.muster.gameday.service.RunLessonsBook;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record LessonsResponse(UUID runId, List<String> wentWell, List<String> didNotGoWell,
        List<ActionItemResponse> actionItems, Instant updatedAt, String updatedBy) {

    public static LessonsResponse of(RunLessonsBook.Lessons lessons) {
        return new LessonsResponse(lessons.lessons().runId, List.copyOf(lessons.lessons().wentWell),
                List.copyOf(lessons.lessons().didNotGoWell),
                lessons.items().stream().map(i -> ActionItemResponse.of(i, null)).toList(),
                lessons.lessons().updatedAt, lessons.lessons().updatedBy);
    }
}
