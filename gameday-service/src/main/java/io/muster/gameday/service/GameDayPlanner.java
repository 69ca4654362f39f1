package io.muster.gameday.service;

import io.muster.contracts.gameday.GameDayRunChanged;
import io.muster.contracts.gameday.GameDayRunChanged.RunStatus;
import io.muster.gameday.config.GamedayConfig;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.Recurrence;
import io.muster.gameday.domain.RunEndReason;
import io.muster.gameday.domain.Scenario;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.muster.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Schedules, lists and cancels game days; keeps exactly one future run row per active game day. */
@ApplicationScoped
public class GameDayPlanner {

    @Inject
    Clock clock;

    @Inject
    GamedayConfig config;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    static final String AUDIT_GAME_DAY = "game-day";

    /** A future occurrence for the calendar feed. */
    public record Upcoming(GameDay gameDay, Scenario scenario, ZonedDateTime start, UUID runId) {
    }

    @Transactional
    public GameDay schedule(GameDayFields request, String actor) {
        Scenario scenario = Scenario.findById(request.scenarioId());
        if (scenario == null) {
            throw Refusal.unprocessable("unknown-scenario", "scenarioId",
                    "scenario " + request.scenarioId() + " does not exist");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw Refusal.invalid("timeZone", "must be a time zone name such as Europe/London");
        }
        if (request.cron() != null && request.rrule() != null) {
            throw Refusal.invalid("rrule", "give either cron or rrule, not both");
        }
        GameDay gameDay = new GameDay();
        gameDay.id = UUID.randomUUID();
        gameDay.scenarioId = scenario.id;
        gameDay.title = request.title() == null || request.title().isBlank() ? scenario.name : request.title().strip();
        gameDay.timeZone = zone.getId();
        gameDay.startsAtLocal = request.startsAt();
        gameDay.recurrenceKind = request.cron() != null ? Recurrence.Kind.CRON
                : request.rrule() != null ? Recurrence.Kind.RRULE : Recurrence.Kind.ONCE;
        gameDay.recurrence = request.cron() != null ? request.cron().strip()
                : request.rrule() != null ? request.rrule().strip() : null;
        Recurrence schedule;
        try {
            schedule = gameDay.schedule();
        } catch (Recurrence.InvalidRuleException e) {
            throw Refusal.invalid(request.cron() != null ? "cron" : "rrule", e.getMessage());
        }
        gameDay.participantTeam = request.team();
        gameDay.participantRoles = request.roles() == null || request.roles().isEmpty()
                ? List.copyOf(scenario.expectedRoles) : request.roles().stream().distinct().toList();
        gameDay.mode = request.mode();
        gameDay.noticeMinutes = request.noticeMinutes();
        gameDay.confirmPreparedness = Boolean.TRUE.equals(request.confirmPreparedness());
        if (gameDay.confirmPreparedness && gameDay.noticeMinutes == null) {
            throw Refusal.invalid("confirmPreparedness",
                    "the request to confirm access and tools goes in the notice; set noticeMinutes too");
        }
        gameDay.timeLimitSeconds = request.timeLimitMinutes() != null ? request.timeLimitMinutes() * 60
                : (int) config.defaultTimeLimit().toSeconds();
        GameDayFields.Faults faults = request.faults();
        gameDay.unavailableContacts = faults == null || faults.unavailableContacts() == null ? List.of()
                : faults.unavailableContacts().stream().distinct().toList();
        gameDay.unavailableRoles = faults == null || faults.unavailableRoles() == null ? List.of()
                : faults.unavailableRoles().stream().distinct().toList();
        for (int i = 0; i < gameDay.unavailableRoles.size(); i++) {
            if (!gameDay.participantRoles.contains(gameDay.unavailableRoles.get(i))) {
                throw Refusal.invalid("faults.unavailableRoles[" + i + "]",
                        "must be one of the participating roles");
            }
        }
        gameDay.downChannels = faults == null || faults.downChannels() == null ? List.of()
                : faults.downChannels().stream().distinct().map(Enum::name).toList();
        Instant now = clock.instant();
        gameDay.createdAt = now;
        Optional<ZonedDateTime> first = schedule.nextAfter(now);
        if (first.isEmpty()) {
            throw Refusal.invalid(gameDay.recurrenceKind == Recurrence.Kind.ONCE ? "startsAt"
                    : gameDay.recurrenceKind == Recurrence.Kind.CRON ? "cron" : "rrule",
                    "has no occurrence in the future");
        }
        gameDay.persist();
        em.flush();
        addRun(gameDay, first.get().toInstant());
        audit.record(AUDIT_GAME_DAY, gameDay.id, "scheduled", actor, null,
                GameDayState.of(gameDay, runsOf(gameDay.id)));
        return gameDay;
    }

    @Transactional
    public List<GameDay> list() {
        return GameDay.listAll(Sort.by("createdAt"));
    }

    @Transactional
    public GameDay get(UUID id) {
        GameDay gameDay = GameDay.findById(id);
        if (gameDay == null) {
            throw Refusal.notFound("Game day", id);
        }
        return gameDay;
    }

    @Transactional
    public List<GameDayRun> runsOf(UUID gameDayId) {
        return GameDayRun.list("gameDayId", Sort.by("dueAt"), gameDayId);
    }

    /** Stops future runs; runs already under way finish normally. */
    @Transactional
    public GameDay cancel(UUID id, String actor) {
        GameDay gameDay = get(id);
        if (gameDay.cancelledAt != null) {
            return gameDay;
        }
        GameDayState before = GameDayState.of(gameDay, runsOf(id));
        gameDay.cancelledAt = clock.instant();
        List<GameDayRun> scheduled = GameDayRun.list("gameDayId = ?1 and status = ?2", gameDay.id,
                RunStatus.SCHEDULED);
        for (GameDayRun run : scheduled) {
            run.status = RunStatus.CANCELLED;
            run.endedAt = gameDay.cancelledAt;
            run.endBecause(RunEndReason.CANCELLED);
            announce(run);
        }
        audit.record(AUDIT_GAME_DAY, id, "cancelled", actor, before, GameDayState.of(gameDay, runsOf(id)));
        return gameDay;
    }

    /** Game days in the coming horizon, each occurrence once, for the calendar feed. */
    @Transactional
    public List<Upcoming> upcoming() {
        Instant now = clock.instant();
        Instant until = now.plus(config.calendarHorizon());
        List<Upcoming> found = new ArrayList<>();
        for (GameDay gameDay : GameDay.<GameDay>list("cancelledAt is null")) {
            Scenario scenario = Scenario.findById(gameDay.scenarioId);
            Instant after = now;
            // The already-scheduled run may be due a moment ago but not yet started: list it too.
            GameDayRun next = GameDayRun.find("gameDayId = ?1 and status = ?2", Sort.by("dueAt"), gameDay.id,
                    RunStatus.SCHEDULED).firstResult();
            if (next != null) {
                found.add(new Upcoming(gameDay, scenario, next.dueAt.atZone(ZoneId.of(gameDay.timeZone)), next.id));
                after = next.dueAt;
            }
            for (ZonedDateTime start : gameDay.schedule().between(after, until, 100)) {
                found.add(new Upcoming(gameDay, scenario, start, null));
            }
        }
        found.sort((a, b) -> a.start().toInstant().compareTo(b.start().toInstant()));
        return found;
    }

    /** A scheduled run with a notice; {@code due} once its notice time has come. */
    public record Notice(GameDay gameDay, GameDayRun run, Instant noticeAt, boolean due) {
    }

    /**
     * Notices of scheduled runs, soonest first, and which are due. {@link ParticipantMailer} emails each due notice to
     * the participants; this list is what the calendar and the console show.
     */
    @Transactional
    public List<Notice> notices() {
        Instant now = clock.instant();
        List<Notice> notices = new ArrayList<>();
        for (GameDayRun run : GameDayRun.<GameDayRun>list("status", Sort.by("dueAt"), RunStatus.SCHEDULED)) {
            GameDay gameDay = GameDay.findById(run.gameDayId);
            Instant noticeAt = gameDay.noticeAt(run.dueAt);
            if (noticeAt != null) {
                notices.add(new Notice(gameDay, run, noticeAt, !noticeAt.isAfter(now)));
            }
        }
        notices.sort((a, b) -> a.noticeAt().compareTo(b.noticeAt()));
        return notices;
    }

    /**
     * Adds the run that follows {@code after} for a recurring game day, if any. The unique (game day, due) pair
     * makes a second attempt at the same occurrence a no-op.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleNext(GameDay gameDay, Instant after) {
        if (gameDay.cancelledAt != null) {
            return;
        }
        gameDay.schedule().nextAfter(after).ifPresent(next -> addRun(gameDay, next.toInstant()));
    }

    private void addRun(GameDay gameDay, Instant dueAt) {
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                INSERT INTO game_day_run (id, game_day_id, scenario_id, due_at, status)
                VALUES (?1, ?2, ?3, ?4, 'SCHEDULED') ON CONFLICT (game_day_id, due_at) DO NOTHING""")
                .setParameter(1, id).setParameter(2, gameDay.id).setParameter(3, gameDay.scenarioId)
                .setParameter(4, dueAt).executeUpdate();
        if (inserted == 1) {
            announce(GameDayRun.findById(id));
        }
    }

    /** Publishes the run's current state through the outbox, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(GameDayRun run) {
        outbox.publish(new GameDayRunChanged(run.id, run.gameDayId, run.scenarioId, run.status, run.incidentId,
                run.readinessScore));
    }
}
