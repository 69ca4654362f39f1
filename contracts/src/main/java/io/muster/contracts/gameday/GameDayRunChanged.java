package io.muster.contracts.gameday;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/** A game day run started, finished or was cancelled; a finished run carries its readiness score (0-100). */
public record GameDayRunChanged(
        UUID runId,
        UUID gameDayId,
        UUID scenarioId,
        RunStatus status,
        UUID incidentId,
        Integer readinessScore) implements EventPayload {

    public static final String TYPE = "GameDayRunChanged";

    public enum RunStatus {
        SCHEDULED, RUNNING, COMPLETED, CANCELLED, FAILED
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.GAMEDAY;
    }

    @Override
    public String key() {
        return runId.toString();
    }
}
