package io.muster.gameday.service;

import io.muster.contracts.gameday.GameDayRunChanged.RunStatus;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.RunEndReason;
import io.muster.gameday.domain.Scenario;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The durable timer loop. Each pass claims due rows one at a time with {@code FOR UPDATE SKIP LOCKED}, so
 * replicas never take the same run and a crash mid-run releases the lock for the next pass: nothing is skipped
 * and, because the raise carries one dedup key per run, nothing is doubled. The escalation call happens while
 * the row is locked; a drill can afford that, and it keeps "incident raised" and "run started" in step.
 */
@ApplicationScoped
public class RunDispatcher {

    private static final Logger LOG = Logger.getLogger(RunDispatcher.class);
    private static final int MAX_PER_PASS = 50;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    GameDayPlanner planner;

    @Inject
    EscalationClient escalation;

    @Inject
    RunProgress progress;

    @Inject
    ParticipantMailer mail;

    @Scheduled(every = "${muster.gameday.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void onTick() {
        dispatchDue();
    }

    /**
     * Writes due notices, starts every run that is due, ends every run that is done and writes the injects that
     * have come due (the mailer sends those on its own timer); returns how many runs changed state.
     */
    public int dispatchDue() {
        // Notices first: a run whose notice and start both passed while the service was down still has its notice
        // written (late) rather than skipped because it has started.
        mail.planDueNotices();
        int changed = 0;
        while (changed < MAX_PER_PASS && QuarkusTransaction.requiringNew().call(this::startOneDueRun)) {
            changed++;
        }
        Set<UUID> tried = new HashSet<>();
        for (int i = 0; i < MAX_PER_PASS; i++) {
            UUID ended = QuarkusTransaction.requiringNew().call(() -> endOneFinishedRun(tried));
            if (ended == null) {
                break;
            }
            tried.add(ended);
            changed++;
        }
        mail.planDueInjects();
        return changed;
    }

    private boolean startOneDueRun() {
        // No result class on these polled queries: with UUID.class, Hibernate 6 added a query-plan cache entry on
        // every call (all hashing alike), so each poll got slower. The driver returns UUIDs for uuid columns.
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT id FROM game_day_run WHERE status = 'SCHEDULED' AND due_at <= ?1
                ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, clock.instant()).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        GameDayRun run = GameDayRun.findById(due.get(0));
        GameDay gameDay = GameDay.findById(run.gameDayId);
        Scenario scenario = Scenario.findById(run.scenarioId);
        Instant now = clock.instant();
        try {
            // The title is the game day's own: the drill flag marks it, and each display adds its label from that.
            run.incidentId = escalation.raise(new EscalationClient.DrillIncident(
                    gameDay.title, summary(gameDay, scenario), scenario.severity,
                    scenario.incidentType, "gameday-run-" + run.id, gameDay.mode == GameDay.Mode.SILENT,
                    List.copyOf(gameDay.participantRoles), new EscalationClient.DrillFaults(
                            gameDay.unavailableContacts, gameDay.unavailableRoles, gameDay.downChannels)));
            run.status = RunStatus.RUNNING;
            run.startedAt = now;
            // Acks that raced ahead of this commit found no run to end; look once more now that it exists.
            progress.checkAllRolesAcked(run);
        } catch (EscalationClient.EscalationUnavailableException e) {
            LOG.warnf("game day run %s could not start: %s", run.id, e.getMessage());
            run.status = RunStatus.FAILED;
            run.endedAt = now;
            run.endReason = truncate(e.getMessage());
        }
        planner.announce(run);
        planner.scheduleNext(gameDay, run.dueAt);
        return true;
    }

    private UUID endOneFinishedRun(Set<UUID> tried) {
        @SuppressWarnings("unchecked")
        List<UUID> done = em.createNativeQuery("""
                SELECT r.id FROM game_day_run r JOIN game_day g ON g.id = r.game_day_id
                WHERE r.status = 'RUNNING'
                  AND (r.end_reason IS NOT NULL OR r.started_at + make_interval(secs => g.time_limit_s) <= ?1)
                  AND NOT (r.id = ANY (?2))
                ORDER BY r.started_at LIMIT 1 FOR UPDATE OF r SKIP LOCKED""")
                .setParameter(1, clock.instant())
                .setParameter(2, tried.toArray(UUID[]::new))
                .getResultList();
        if (done.isEmpty()) {
            return null;
        }
        GameDayRun run = GameDayRun.findById(done.get(0));
        Instant now = clock.instant();
        try {
            escalation.resolve(run.incidentId);
        } catch (EscalationClient.EscalationUnavailableException e) {
            // Left RUNNING so the next pass tries again: a drill incident must not stay open.
            LOG.warnf("drill incident %s of run %s not resolved yet: %s", run.incidentId, run.id, e.getMessage());
            return run.id;
        }
        if (run.endReason == null) {
            GameDay gameDay = GameDay.findById(run.gameDayId);
            run.endBecause(RunEndReason.TIME_LIMIT);
            Instant limit = run.startedAt.plusSeconds(gameDay.timeLimitSeconds);
            run.endedAt = limit.isBefore(now) ? limit : now;
        }
        run.status = RunStatus.COMPLETED;
        run.readinessScore = progress.scorecardOf(run).readiness().score();
        planner.announce(run);
        return run.id;
    }

    private static String summary(GameDay gameDay, Scenario scenario) {
        StringBuilder text = new StringBuilder("Game day drill: this is an exercise. ").append(scenario.description)
                .append("\nRoles taking part: ").append(String.join(", ", gameDay.participantRoles));
        if (gameDay.participantTeam != null) {
            text.append(" (team ").append(gameDay.participantTeam).append(')');
        }
        return text.toString();
    }

    private static String truncate(String message) {
        return message == null ? "failed" : message.length() > 500 ? message.substring(0, 500) : message;
    }
}
