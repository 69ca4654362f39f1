package io.muster.escalation.service;

import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.escalation.api.RaiseIncidentRequest;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.platform.outbox.Outbox;
import io.muster.platform.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where incidents are raised, deduplicated and looked up. */
@ApplicationScoped
public class IncidentDesk {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The outcome of a trigger: the incident, and whether the trigger opened it or was folded into it. */
    public record Raised(Incident incident, boolean opened) {
    }

    @Transactional
    public Raised raise(RaiseIncidentRequest request, String caller) {
        Instant now = clock.instant();
        String dedupKey = request.dedupKey() == null || request.dedupKey().isBlank()
                ? UUID.randomUUID().toString() : request.dedupKey().strip();
        Optional<Incident> open = Incident.findOpenByDedupKey(dedupKey);
        if (open.isPresent()) {
            Incident incident = open.get();
            incident.triggerCount++;
            incident.updatedAt = now;
            return new Raised(incident, false);
        }
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.title = request.title().strip();
        incident.summary = request.summary() == null ? "" : request.summary().strip();
        incident.severity = request.severity();
        incident.incidentType = request.incidentType();
        incident.source = request.source() == null || request.source().isBlank() ? caller : request.source().strip();
        incident.dedupKey = dedupKey;
        incident.status = IncidentStatus.TRIGGERED;
        incident.drill = Boolean.TRUE.equals(request.drill());
        incident.triggerCount = 1;
        incident.createdBy = caller;
        incident.createdAt = now;
        incident.updatedAt = now;
        incident.persist();
        outbox.publish(new IncidentTriggered(incident.id, incident.title, incident.severity, incident.incidentType,
                incident.source, incident.dedupKey, incident.drill));
        return new Raised(incident, true);
    }

    @Transactional
    public Incident get(UUID id) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            throw ProblemException.notFound("Incident", id);
        }
        return incident;
    }

    @Transactional
    public List<Incident> list(IncidentStatus status, int limit) {
        Sort newestFirst = Sort.by("createdAt", Sort.Direction.Descending);
        return (status == null ? Incident.<Incident>findAll(newestFirst)
                : Incident.<Incident>find("status", newestFirst, status))
                .page(Page.ofSize(limit)).list();
    }
}
