package io.muster.gameday.service;

import io.muster.contracts.gameday.GameDayRunChanged.RunStatus;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.ParticipantMail;
import io.muster.gameday.domain.Scenario;
import io.muster.gameday.domain.Scorecard;
import io.muster.platform.domain.Refusal;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Scorecards of single runs and the trend of a scenario across its runs; read-only. */
@ApplicationScoped
public class RunReports {

    @Inject
    RunProgress progress;

    @Inject
    DirectoryReplica directory;

    /** A run, what it was scored against, and its card. */
    public record RunCard(UUID runId, UUID gameDayId, String title, UUID scenarioId, String scenarioName,
            String mode, String status, UUID incidentId, Instant dueAt, Instant noticeAt, Instant startedAt,
            Instant endedAt,
            String endReason, Integer readinessScore, List<String> roles, Faults faults, List<NoticeMail> notices,
            Scorecard scorecard) {
    }

    /**
     * The notice one participant was emailed before the run: {@code outcome} as a participant mail's state. No
     * address: contact details are not for viewers.
     */
    public record NoticeMail(UUID contactId, String displayName, String outcome, Instant sentAt) {
    }

    /** {@code unavailablePeople}: the unavailable contacts with their names (null for someone the directory lacks). */
    public record Faults(List<UUID> unavailableContacts, List<Person> unavailablePeople, List<String> unavailableRoles,
            List<String> downChannels) {
    }

    public record Person(UUID contactId, String displayName) {
    }

    /** One run of a scenario over time: its score and key times (seconds since start). */
    public record TrendPoint(UUID runId, UUID gameDayId, Instant startedAt, String status, String endReason,
            Integer readinessScore, Long firstAck, Long allRolesAcked, int targetFirstAck, int targetAllRoles) {
    }

    @Transactional
    public RunCard card(UUID runId) {
        GameDayRun run = GameDayRun.findById(runId);
        if (run == null) {
            throw Refusal.notFound("Run", runId);
        }
        GameDay gameDay = GameDay.findById(run.gameDayId);
        Scenario scenario = Scenario.findById(run.scenarioId);
        List<ParticipantMail> notices = ParticipantMail.list("runId = ?1 and kind = ?2", Sort.by("createdAt")
                .and("contactId"), run.id, ParticipantMail.Kind.NOTICE);
        Set<UUID> mentioned = new HashSet<>(gameDay.unavailableContacts);
        notices.forEach(n -> mentioned.add(n.contactId));
        progress.observationsOf(run).forEach(o -> {
            if (o.contactId() != null) {
                mentioned.add(o.contactId());
            }
        });
        Map<UUID, String> names = directory.namesOf(mentioned);
        Scorecard card = progress.namedScorecardOf(run, names);
        // A finished run shows the score it was given when it ended; a running one its score so far.
        Integer score = run.readinessScore != null ? run.readinessScore
                : run.status == RunStatus.RUNNING ? Integer.valueOf(card.readiness().score()) : null;
        return new RunCard(run.id, gameDay.id, gameDay.title, scenario.id, scenario.name, gameDay.mode.name(),
                run.status.name(), run.incidentId, run.dueAt, gameDay.noticeAt(run.dueAt), run.startedAt,
                run.endedAt, run.endReason, score,
                List.copyOf(gameDay.participantRoles), new Faults(List.copyOf(gameDay.unavailableContacts),
                        gameDay.unavailableContacts.stream().map(id -> new Person(id, names.get(id))).toList(),
                        List.copyOf(gameDay.unavailableRoles), List.copyOf(gameDay.downChannels)),
                notices.stream().map(n -> new NoticeMail(n.contactId, names.get(n.contactId), n.state.name(),
                        n.sentAt)).toList(), card);
    }

    @Transactional
    public List<TrendPoint> trend(UUID scenarioId) {
        Scenario scenario = Scenario.findById(scenarioId);
        if (scenario == null) {
            throw Refusal.notFound("Scenario", scenarioId);
        }
        List<GameDayRun> runs = GameDayRun.list("scenarioId = ?1 and startedAt is not null",
                Sort.by("startedAt"), scenarioId);
        return runs.stream().map(run -> {
            Scorecard.Times times = progress.scorecardOf(run).times();
            return new TrendPoint(run.id, run.gameDayId, run.startedAt, run.status.name(), run.endReason,
                    run.readinessScore, times.firstAck(), times.allRolesAcked(), scenario.targetFirstAckSeconds,
                    scenario.targetAllRolesSeconds);
        }).toList();
    }
}
