package io.muster.gameday.domain;

import io.muster.contracts.gameday.GameDayRunChanged.RunStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One occurrence of a game day; while SCHEDULED the row is the durable timer that fires it at {@code dueAt}. */
@Entity
@Table(name = "game_day_run")
public class GameDayRun extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "game_day_id")
    public UUID gameDayId;

    @Column(name = "scenario_id")
    public UUID scenarioId;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public RunStatus status;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** A {@link RunEndReason}'s text, or why the drill could not be raised; null while the run has not ended. */
    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "readiness_score")
    public Integer readinessScore;

    /** When the notices of this run were written out for sending; null until its notice time has come. */
    @Column(name = "notices_planned_at")
    public Instant noticesPlannedAt;

    /** Records one of the known ends. */
    public void endBecause(RunEndReason reason) {
        endReason = reason.text();
    }
}
