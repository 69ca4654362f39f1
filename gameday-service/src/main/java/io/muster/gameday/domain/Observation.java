package io.muster.gameday.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing seen on the drill incident of a run, in the shape the scorecard needs. {@code type} is the event type
 * from the contracts (IncidentTriggered, PageRequested, PageStatusChanged, PageAcknowledged, ...); the other fields
 * are filled as far as that event carries them.
 *
 * @param stage    the page's escalation stage (PageRequested) or the stage escalated from (IncidentEscalated)
 * @param toStage  the stage escalated to (IncidentEscalated only)
 * @param channel  SMS, EMAIL, ... for channel states; null for person-wide states
 * @param status   the delivery status of a PageStatusChanged
 * @param method   how a page was acknowledged
 * @param detail   free text from the event (delivery failure, escalation reason, who acknowledged)
 */
public record Observation(UUID eventId, String type, Instant at, UUID pageId, UUID contactId, String roleKey,
        Integer stage, Integer toStage, String channel, String status, Integer attempt, String method,
        String detail, boolean notifyOnly) {

    public static final String TRIGGERED = "IncidentTriggered";
    public static final String ESCALATED = "IncidentEscalated";
    public static final String INCIDENT_ACKNOWLEDGED = "IncidentAcknowledged";
    public static final String RESOLVED = "IncidentResolved";
    public static final String PAGE_REQUESTED = "PageRequested";
    public static final String PAGE_STATUS = "PageStatusChanged";
    public static final String PAGE_ACKNOWLEDGED = "PageAcknowledged";
    /**
     * Escalation's verdict that it did not count the acknowledgements of {@code contactId} (a drill fault made them
     * unavailable; {@code roleKey} the role that decided it, {@code detail} escalation's reason). A verdict, not
     * traffic: it marks that person's acks and is not shown on its own.
     */
    public static final String ACK_IGNORED = "AcknowledgementIgnored";
    /**
     * Not an event from another service: this service's outcome of mailing a scenario inject to one person
     * ({@code status} SENT, FAILED, SUPPRESSED or NO_ADDRESS; {@code roleKey} the audience, null for everyone;
     * {@code detail} the inject's text).
     */
    public static final String INJECT_DELIVERY = "InjectDelivery";
}
