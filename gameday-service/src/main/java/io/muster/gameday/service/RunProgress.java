package io.muster.gameday.service;

import io.muster.contracts.gameday.GameDayRunChanged.RunStatus;
import io.muster.gameday.domain.DrillObservation;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.Observation;
import io.muster.gameday.domain.RunEndReason;
import io.muster.gameday.domain.Scenario;
import io.muster.gameday.domain.Scorecard;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Follows a running drill: decides when every role that must answer has answered (the run then ends with
 * {@link RunEndReason#ALL_ROLES_ACKED}; the dispatcher resolves the incident on its next pass), and scores runs.
 */
@ApplicationScoped
public class RunProgress {

    @Inject
    EntityManager em;

    /** Called in the transaction that stored an ack of the incident. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkAllRolesAcked(UUID incidentId) {
        GameDayRun run = GameDayRun.find("incidentId", incidentId).firstResult();
        if (run == null) {
            return; // not a run's incident, or the run that raised it has not committed yet (it checks then)
        }
        // Locked so that the dispatcher (which claims with SKIP LOCKED) cannot end it at the same time.
        em.lock(run, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(run);
        checkAllRolesAcked(run);
    }

    /** Marks a running run done when every role that must ack has an accepted ack. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkAllRolesAcked(GameDayRun run) {
        if (run.status != RunStatus.RUNNING || run.endReason != null || run.incidentId == null) {
            return;
        }
        Scorecard.RunTargets targets = targetsOf(run);
        Instant done = Scorecard.allRolesAckedAt(targets, withoutAcksAwaitingVerdict(targets,
                observationsOf(run.incidentId)));
        GameDay gameDay = GameDay.findById(run.gameDayId);
        // Past the time limit the run has already failed to muster everyone, even if its end is not recorded yet
        // (the incident could not be resolved so far): it stays a TIME_LIMIT run.
        if (done != null && !done.isAfter(run.startedAt.plusSeconds(gameDay.timeLimitSeconds))) {
            run.endBecause(RunEndReason.ALL_ROLES_ACKED);
            run.endedAt = done.isBefore(run.startedAt) ? run.startedAt : done;
        }
    }

    /**
     * Escalation announces an ack it ignores (AcknowledgementIgnored) only after the ack itself, on another topic, so
     * an ack by someone this run's faults concern (made unavailable by name, or paged for an unavailable role) must
     * not end the run before that verdict has had time to arrive. Such acks wait here until the run's scorecard is
     * computed at its end, when escalation's verdict, not this list, decides whether they count.
     */
    static List<Observation> withoutAcksAwaitingVerdict(Scorecard.RunTargets targets, List<Observation> observations) {
        if (targets.unavailableContacts().isEmpty() && targets.unavailableRoles().isEmpty()) {
            return observations;
        }
        Set<UUID> concerned = new HashSet<>(targets.unavailableContacts());
        Set<UUID> judged = new HashSet<>();
        for (Observation o : observations) {
            if (Observation.PAGE_REQUESTED.equals(o.type()) && o.roleKey() != null
                    && targets.unavailableRoles().contains(o.roleKey())) {
                concerned.add(o.contactId());
            } else if (Observation.ACK_IGNORED.equals(o.type())) {
                judged.add(o.contactId());
            }
        }
        return observations.stream().filter(o -> !Observation.PAGE_ACKNOWLEDGED.equals(o.type())
                || !concerned.contains(o.contactId()) || judged.contains(o.contactId())).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Scorecard scorecardOf(GameDayRun run) {
        return Scorecard.compute(targetsOf(run), observationsOf(run));
    }

    /** The card with people named as the directory replica names them now (for reading; scores need no names). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Scorecard namedScorecardOf(GameDayRun run, Map<UUID, String> names) {
        return Scorecard.compute(targetsOf(run), observationsOf(run), names);
    }

    /** What was seen of the run's drill incident, oldest first; nothing for a run that raised none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Observation> observationsOf(GameDayRun run) {
        return run.incidentId == null ? List.of() : observationsOf(run.incidentId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Scorecard.RunTargets targetsOf(GameDayRun run) {
        GameDay gameDay = GameDay.findById(run.gameDayId);
        Scenario scenario = Scenario.findById(run.scenarioId);
        return new Scorecard.RunTargets(run.startedAt, run.status == RunStatus.RUNNING && run.endReason == null
                ? null : run.endedAt, List.copyOf(gameDay.participantRoles), scenario.targetFirstAckSeconds,
                scenario.targetAllRolesSeconds, new HashSet<>(gameDay.unavailableContacts),
                new HashSet<>(gameDay.unavailableRoles), new HashSet<>(gameDay.downChannels));
    }

    private static List<Observation> observationsOf(UUID incidentId) {
        return DrillObservation.<DrillObservation>list("incidentId", Sort.by("occurredAt"), incidentId).stream()
                .map(DrillObservation::toObservation).toList();
    }
}
