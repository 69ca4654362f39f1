package io.muster.escalation.service;

import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentFilter;
import io.muster.escalation.domain.TimelineEntry;
import io.muster.escalation.persistence.IncidentRepository;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The read side of incidents: one incident, a listing, a timeline, the open incident of a dedup key. */
@ApplicationScoped
public class IncidentQueries {

    @Inject
    IncidentRepository incidents;

    @Transactional
    public Incident get(UUID id) {
        return incidents.find(id).orElseThrow(() -> Refusal.notFound("Incident", id));
    }

    @Transactional
    public List<TimelineEntry> timeline(UUID id) {
        get(id);
        return incidents.timeline(id);
    }

    @Transactional
    public List<Incident> list(IncidentFilter filter) {
        return incidents.list(filter);
    }

    /** The open incident a calling system raised under this dedup key; refused when blank, 404 when none is open. */
    @Transactional
    public Incident openByDedupKey(String dedupKey) {
        if (dedupKey == null || dedupKey.isBlank()) {
            throw Refusal.invalid("dedupKey", "must not be blank");
        }
        return incidents.findOpenByDedupKey(dedupKey.strip()).orElseThrow(() -> Refusal.notFound(
                "Open incident with dedup key", dedupKey.strip()));
    }

    /** The incident with its row locked for a change; 404 when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incident locked(UUID id) {
        return incidents.findForUpdate(id).orElseThrow(() -> Refusal.notFound("Incident", id));
    }
}
