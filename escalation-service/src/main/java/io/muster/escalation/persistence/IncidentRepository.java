package io.muster.escalation.persistence;

import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentFilter;
import io.muster.escalation.domain.TimelineEntry;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The incident queries of the incident use cases: lookups, row locks, the dedup-key lock, listings, timelines. */
@ApplicationScoped
public class IncidentRepository {

    public Optional<Incident> find(UUID id) {
        return Optional.ofNullable(Incident.findById(id));
    }

    /** The incident with its row locked until the transaction ends: changes to one incident run one at a time. */
    public Optional<Incident> findForUpdate(UUID id) {
        return Optional.ofNullable(Incident.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Incident> findOpenByDedupKey(String dedupKey) {
        return Incident.findOpenByDedupKey(dedupKey);
    }

    /**
     * Holds a transaction-scoped lock on the dedup key: two triggers with one key at the same moment (an alert
     * source retrying) are taken one after the other, so the second folds into the first instead of colliding.
     */
    public void lockDedupKey(String dedupKey) {
        Incident.getEntityManager().createNativeQuery(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "dedup:" + dedupKey).getSingleResult();
    }

    public List<Incident> list(IncidentFilter filter) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.severity() != null) {
            where.add("severity = :severity");
            params.and("severity", filter.severity());
        }
        if (filter.incidentType() != null) {
            where.add("incidentType = :type");
            params.and("type", filter.incidentType());
        }
        if (filter.drill() != null) {
            where.add("drill = :drill");
            params.and("drill", filter.drill());
        }
        Sort newestFirst = Sort.by("createdAt", Sort.Direction.Descending);
        return (where.isEmpty() ? Incident.<Incident>findAll(newestFirst)
                : Incident.<Incident>find(String.join(" and ", where), newestFirst, params))
                .page(Page.ofSize(filter.limit())).list();
    }

    /** The incident's timeline, oldest first. */
    public List<TimelineEntry> timeline(UUID incidentId) {
        return TimelineEntry.list("incidentId", Sort.by("id"), incidentId);
    }

    /** The entry written last on the incident's timeline. */
    public TimelineEntry latestEntry(UUID incidentId) {
        return TimelineEntry.<TimelineEntry>find("incidentId = ?1", Sort.by("id", Sort.Direction.Descending),
                incidentId).firstResult();
    }
}
