package io.muster.gameday.service;

import io.muster.contracts.ChannelType;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.domain.GameDayRun;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A game day and its runs as the audit log keeps them before and after a change. Its fields match the API's game
 * day view, so an audit entry reads like the game day the caller saw.
 */
public record GameDayState(UUID id, UUID scenarioId, String title, LocalDateTime startsAt, String timeZone,
        String recurrenceKind, String recurrence, String team, List<String> roles, GameDay.Mode mode,
        Integer noticeMinutes, int timeLimitMinutes, Faults faults, boolean confirmPreparedness,
        Instant cancelledAt, List<Run> runs) {

    public record Faults(List<UUID> unavailableContacts, List<String> unavailableRoles,
            List<ChannelType> downChannels) {
    }

    public record Run(UUID id, Instant dueAt, Instant noticeAt, String status, UUID incidentId, String endReason,
            Integer readinessScore) {
    }

    public static GameDayState of(GameDay g, List<GameDayRun> runs) {
        return new GameDayState(g.id, g.scenarioId, g.title, g.startsAtLocal, g.timeZone, g.recurrenceKind.name(),
                g.recurrence, g.participantTeam, List.copyOf(g.participantRoles), g.mode, g.noticeMinutes,
                g.timeLimitSeconds / 60,
                new Faults(List.copyOf(g.unavailableContacts), List.copyOf(g.unavailableRoles),
                        g.downChannels.stream().map(ChannelType::valueOf).toList()),
                g.confirmPreparedness, g.cancelledAt,
                runs.stream().map(r -> new Run(r.id, r.dueAt, g.noticeAt(r.dueAt), r.status.name(), r.incidentId,
                        r.endReason, r.readinessScore)).toList());
    }
}
