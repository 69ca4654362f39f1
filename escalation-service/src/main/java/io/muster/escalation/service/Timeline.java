package io.muster.escalation.service;

import io.muster.escalation.domain.TimelineEntry;
import io.muster.escalation.domain.TimelineKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Writes what happened to an incident, in the transaction of the change it describes. */
@ApplicationScoped
public class Timeline {

    public static final String SYSTEM = "escalation";

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID incidentId, TimelineKind kind, String actor, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.incidentId = incidentId;
        entry.at = clock.instant();
        entry.kind = kind.wire();
        entry.actor = actor;
        entry.detail = detail;
        entry.persist();
    }
}
