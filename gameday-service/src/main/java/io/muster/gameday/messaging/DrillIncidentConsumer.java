package io.muster.gameday.messaging;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.incidents.AcknowledgementIgnored;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.gameday.domain.DrillObservation;
import io.muster.gameday.service.RunProgress;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows drill incidents: their lifecycle, the pages escalation asked for, delivery per channel, acks and
 * escalation's verdicts on acks a drill fault made it ignore.
 * Production traffic (drill=false) is none of this service's business and is dropped unread.
 *
 * <p>Drill events are kept even when no run names their incident yet: escalation publishes the first pages while
 * the run that raised the incident is still committing its incident id, so "belongs to a run" can only be decided
 * when reading. Only game days raise drills, so nothing else piles up here.
 *
 * <p>The role of a page comes from {@link PageRequested} (it carries role key and stage; status and ack events
 * carry only the page id). That is the role the person was paged for in this incident, which neither the directory's
 * current roster nor the incident events can tell.
 */
@ApplicationScoped
public class DrillIncidentConsumer {

    static final String INCIDENTS = "gameday.drill-incidents";
    static final String PAGES_REQUESTED = "gameday.drill-pages-requested";
    static final String PAGES_STATUS = "gameday.drill-pages-status";
    static final String PAGES_ACKS = "gameday.drill-pages-acks";

    @Inject
    InboundEvents inbound;

    @Inject
    RunProgress progress;

    @Incoming("incidents")
    @Blocking
    public void onIncidentEvent(ConsumerRecord<String, String> record) {
        inbound.handle(INCIDENTS, record, DrillIncidentConsumer::isDrill, this::observe, null);
    }

    @Incoming("pages-requested")
    @Blocking
    public void onPageRequested(ConsumerRecord<String, String> record) {
        inbound.handle(PAGES_REQUESTED, record, DrillIncidentConsumer::isDrill, this::observe, null);
    }

    @Incoming("pages-status")
    @Blocking
    public void onPageStatus(ConsumerRecord<String, String> record) {
        inbound.handle(PAGES_STATUS, record, DrillIncidentConsumer::isDrill, this::observe, null);
    }

    @Incoming("pages-acks")
    @Blocking
    public void onPageAck(ConsumerRecord<String, String> record) {
        inbound.handle(PAGES_ACKS, record, DrillIncidentConsumer::isDrill, this::observe, null);
    }

    /** Production traffic is most of every topic followed here and is passed over without touching the database. */
    static boolean isDrill(EventEnvelope envelope) {
        return toObservation(envelope) != null;
    }

    void observe(EventEnvelope envelope) {
        DrillObservation o = toObservation(envelope);
        if (o == null) {
            return;
        }
        o.eventId = envelope.eventId();
        o.eventType = envelope.type();
        o.occurredAt = envelope.occurredAt();
        o.persist();
        // A page request can arrive after its ack (they travel on different topics): either may complete a run.
        if (PageAcknowledged.TYPE.equals(o.eventType) || PageRequested.TYPE.equals(o.eventType)
                || AcknowledgementIgnored.TYPE.equals(o.eventType)) {
            progress.checkAllRolesAcked(o.incidentId);
        }
    }

    /** The event as an observation of a drill incident, or null when it is production traffic or not followed. */
    private static DrillObservation toObservation(EventEnvelope envelope) {
        DrillObservation o = new DrillObservation();
        Object payload = envelope.payload();
        if (payload instanceof IncidentTriggered e && e.drill()) {
            o.incidentId = e.incidentId();
        } else if (payload instanceof IncidentResolved e && e.drill()) {
            o.incidentId = e.incidentId();
            o.detail = e.resolvedBy();
        } else if (payload instanceof IncidentAcknowledged e && e.drill()) {
            o.incidentId = e.incidentId();
            o.contactId = e.contactId();
            o.detail = e.acknowledgedBy();
        } else if (payload instanceof IncidentEscalated e && e.drill()) {
            o.incidentId = e.incidentId();
            o.stage = e.fromStage();
            o.toStage = e.toStage();
            o.roleKey = e.roleKey();
            o.detail = e.reason();
        } else if (payload instanceof AcknowledgementIgnored e && e.drill()) {
            o.incidentId = e.incidentId();
            o.contactId = e.contactId();
            o.roleKey = e.roleKey() == null || e.roleKey().isEmpty() ? null : e.roleKey();
            o.detail = truncate(e.reason());
        } else if (payload instanceof PageRequested e && e.drill()) {
            o.incidentId = e.incidentId();
            o.pageId = e.pageId();
            o.contactId = e.contactId();
            o.roleKey = e.roleKey();
            o.stage = e.stage();
            o.notifyOnly = e.notifyOnly();
            o.detail = e.silent() ? "silent" : null;
        } else if (payload instanceof PageStatusChanged e && e.drill()) {
            o.incidentId = e.incidentId();
            o.pageId = e.pageId();
            o.contactId = e.contactId();
            o.channel = e.channel() == null ? null : e.channel().name();
            o.status = e.status().name();
            o.attempt = e.attempt();
            o.detail = truncate(e.detail());
        } else if (payload instanceof PageAcknowledged e && e.drill()) {
            o.incidentId = e.incidentId();
            o.pageId = e.pageId();
            o.contactId = e.contactId();
            o.method = e.method() == null ? null : e.method().name();
        } else {
            return null;
        }
        return o;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
