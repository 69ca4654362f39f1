package io.muster.gameday.service;

import io.muster.gameday.domain.GameDayRun;
import jakarta.enterprise.context.ApplicationScoped;

/** Scores a finished run; see the README for the readiness formula. */
@ApplicationScoped
public class RunScoring {

    public Integer readinessOf(GameDayRun run) {
        return null;
    }
}
