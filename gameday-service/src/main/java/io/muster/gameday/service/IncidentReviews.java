package io.muster.gameday.service;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.incidents.IncidentPhaseChanged;
import io.muster.contracts.incidents.IncidentReclassified;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.gameday.domain.IncidentRecord;
import io.muster.gameday.domain.IncidentTimelineEntry;
import io.muster.gameday.domain.IncidentTimelineEntry.Kind;
import io.muster.gameday.domain.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Follows real (non-drill) incidents from their lifecycle events: remembers title, type and severity, keeps a
 * timeline summary, and opens the incident's review when it is resolved. Called once per event (the consumer is
 * idempotent by event id); a second resolve of the same incident opens no second review.
 */
@ApplicationScoped
public class IncidentReviews {

    private static final Logger LOG = Logger.getLogger(IncidentReviews.class);

    /** Real incidents' lifecycle events; drills and everything else are passed over without a transaction. */
    public static boolean isRealIncidentEvent(EventEnvelope envelope) {
        Object p = envelope.payload();
        return p instanceof IncidentTriggered e && !e.drill()
                || p instanceof IncidentAcknowledged a && !a.drill()
                || p instanceof IncidentEscalated x && !x.drill()
                || p instanceof IncidentSeverityChanged s && !s.drill()
                || p instanceof IncidentReclassified r && !r.drill()
                || p instanceof IncidentPhaseChanged c && !c.drill()
                || p instanceof IncidentResolved d && !d.drill();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!isRealIncidentEvent(envelope)) {
            return;
        }
        Object payload = envelope.payload();
        if (payload instanceof IncidentTriggered e) {
            IncidentRecord incident = record(e.incidentId());
            incident.title = truncate(e.title());
            incident.incidentType = e.incidentType();
            incident.severity = e.severity() == null ? null : e.severity().name();
            incident.triggeredAt = envelope.occurredAt();
            entry(envelope, e.incidentId(), Kind.TRIGGERED, e.severity() + ", type " + e.incidentType()
                    + (e.source() == null ? "" : ", from " + e.source()));
        } else if (payload instanceof IncidentAcknowledged e) {
            record(e.incidentId());
            entry(envelope, e.incidentId(), Kind.ACKNOWLEDGED, "by " + e.acknowledgedBy());
        } else if (payload instanceof IncidentEscalated e) {
            record(e.incidentId());
            entry(envelope, e.incidentId(), Kind.ESCALATED, (e.roleKey() == null
                    ? "stage " + e.fromStage() + " \u2192 " + e.toStage()
                    : e.roleKey() + " step " + e.fromStage() + " \u2192 " + e.toStage())
                    + (e.reason() == null ? "" : " (" + e.reason() + ")"));
        } else if (payload instanceof IncidentSeverityChanged e) {
            record(e.incidentId()).severity = e.to() == null ? null : e.to().name();
            entry(envelope, e.incidentId(), Kind.SEVERITY_CHANGED, e.from() + " \u2192 " + e.to()
                    + (e.changedBy() == null ? "" : " by " + e.changedBy()));
        } else if (payload instanceof IncidentReclassified e) {
            record(e.incidentId()).incidentType = e.toType();
            entry(envelope, e.incidentId(), Kind.RECLASSIFIED, e.fromType() + " \u2192 " + e.toType()
                    + (e.changedBy() == null ? "" : " by " + e.changedBy()));
        } else if (payload instanceof IncidentPhaseChanged e) {
            record(e.incidentId());
            entry(envelope, e.incidentId(), Kind.PHASE_CHANGED, e.from() + " \u2192 " + e.to()
                    + " after " + e.secondsInPrevious() + " s");
        } else if (payload instanceof IncidentResolved e) {
            resolved(envelope, e);
        }
    }

    private void resolved(EventEnvelope envelope, IncidentResolved e) {
        IncidentRecord incident = record(e.incidentId());
        incident.resolvedAt = envelope.occurredAt();
        incident.resolvedBy = truncate(e.resolvedBy());
        entry(envelope, e.incidentId(), Kind.RESOLVED, "by " + e.resolvedBy());
        if (Review.count("incidentId", e.incidentId()) > 0) {
            return;
        }
        String title = incident.title == null ? "Incident " + e.incidentId() : incident.title;
        Review review = Review.open(Review.Source.INCIDENT, e.incidentId(), title, envelope.occurredAt());
        review.persist();
        LOG.infof("incident %s resolved: review %s opened", e.incidentId(), review.id);
    }

    private static IncidentRecord record(UUID incidentId) {
        IncidentRecord incident = IncidentRecord.findById(incidentId);
        if (incident == null) {
            incident = new IncidentRecord();
            incident.incidentId = incidentId;
            incident.persist();
        }
        return incident;
    }

    private static void entry(EventEnvelope envelope, UUID incidentId, Kind kind, String detail) {
        IncidentTimelineEntry entry = new IncidentTimelineEntry();
        entry.eventId = envelope.eventId();
        entry.incidentId = incidentId;
        entry.occurredAt = envelope.occurredAt();
        entry.kind = kind;
        entry.detail = truncate(detail);
        entry.persist();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
