package io.muster.gameday.api;

import io.muster.contracts.ChannelType;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.domain.GameDayRun;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

public record GameDayResponse(UUID id, UUID scenarioId, String title, LocalDateTime startsAt, String timeZone,
        String recurrenceKind, String recurrence, String team, List<String> roles, GameDay.Mode mode,
        Integer noticeMinutes, int timeLimitMinutes, FaultsView faults, boolean confirmPreparedness,
        Instant cancelledAt, List<RunSummary> runs) {

    public record FaultsView(List<UUID> unavailableContacts, List<String> unavailableRoles,
            List<ChannelType> downChannels) {
    }

    /** {@code noticeAt}: when participants are emailed their notice (null without one). */
    public record RunSummary(UUID id, Instant dueAt, Instant noticeAt, String status, UUID incidentId,
            String endReason, Integer readinessScore) {
        static RunSummary of(GameDay gameDay, GameDayRun run) {
            return new RunSummary(run.id, run.dueAt, gameDay.noticeAt(run.dueAt), run.status.name(), run.incidentId,
                    run.endReason, run.readinessScore);
        }
    }

    public static GameDayResponse of(GameDay g, List<GameDayRun> runs) {
        return new GameDayResponse(g.id, g.scenarioId, g.title, g.startsAtLocal, g.timeZone,
                g.recurrenceKind.name(), g.recurrence, g.participantTeam, List.copyOf(g.participantRoles), g.mode,
                g.noticeMinutes, g.timeLimitSeconds / 60,
                new FaultsView(List.copyOf(g.unavailableContacts), List.copyOf(g.unavailableRoles),
                        g.downChannels.stream().map(ChannelType::valueOf).toList()),
                g.confirmPreparedness, g.cancelledAt, runs.stream().map(r -> RunSummary.of(g, r)).toList());
    }
}
