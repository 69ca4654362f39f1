package io.muster.gameday.service;

import io.muster.contracts.ChannelType;
import io.muster.gameday.domain.GameDay;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A game day as a use case receives it to schedule one. {@code startsAt} is wall-clock time in {@code timeZone};
 * with neither {@code cron} nor {@code rrule} it happens once, otherwise it anchors the recurrence. Without roles
 * the scenario's expected roles take part. The rules a single field cannot express are checked by
 * {@link GameDayPlanner}.
 */
public record GameDayFields(UUID scenarioId, String title, LocalDateTime startsAt, String timeZone, String cron,
        String rrule, String team, List<String> roles, GameDay.Mode mode, Integer noticeMinutes,
        Integer timeLimitMinutes, Faults faults, Boolean confirmPreparedness) {

    /** Faults injected into every run of the game day; each list may be null. */
    public record Faults(List<UUID> unavailableContacts, List<String> unavailableRoles,
            List<ChannelType> downChannels) {
    }
}
