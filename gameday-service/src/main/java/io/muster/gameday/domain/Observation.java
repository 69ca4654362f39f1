package io.muster.gameday.domain;

import io.muster.contracts.pages.DeliveryStatus;
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

    /** Escalation asked for a page; {@code roleKey} null for a page that named the person, not a role. */
    public static Observation pageRequested(UUID eventId, Instant at, UUID pageId, UUID contactId, String roleKey,
            int stage, boolean notifyOnly) {
        return new Observation(eventId, PAGE_REQUESTED, at, pageId, contactId, roleKey, stage, null, null, null, null,
                null, null, notifyOnly);
    }

    /** A page's delivery on one channel (or person-wide when {@code channel} is null) reached {@code status}. */
    public static Observation pageStatus(UUID eventId, Instant at, UUID pageId, UUID contactId, String channel,
            DeliveryStatus status, Integer attempt, String detail) {
        return new Observation(eventId, PAGE_STATUS, at, pageId, contactId, null, null, null, channel, status.name(),
                attempt, null, detail, false);
    }

    public static Observation pageAcknowledged(UUID eventId, Instant at, UUID pageId, UUID contactId,
            String method) {
        return new Observation(eventId, PAGE_ACKNOWLEDGED, at, pageId, contactId, null, null, null, null, null, null,
                method, null, false);
    }

    /** Escalation's verdict that it ignored {@code contactId}'s acks; {@code decidingRole} null when by name. */
    public static Observation ackIgnored(UUID eventId, Instant at, UUID contactId, String decidingRole,
            String reason) {
        return new Observation(eventId, ACK_IGNORED, at, null, contactId, decidingRole, null, null, null, null, null,
                null, reason, false);
    }

    /** The stage path moved on ({@code roleKey} null), or that role's own path paged its next candidate. */
    public static Observation escalated(UUID eventId, Instant at, int fromStage, int toStage, String roleKey,
            String reason) {
        return new Observation(eventId, ESCALATED, at, null, null, roleKey, fromStage, toStage, null, null, null,
                null, reason, false);
    }

    /** A lifecycle event of the incident ({@link #TRIGGERED}, {@link #RESOLVED}, ...) that carries nothing else. */
    public static Observation lifecycle(UUID eventId, String type, Instant at) {
        return new Observation(eventId, type, at, null, null, null, null, null, null, null, null, null, null, false);
    }

    /** {@link #status} as a page delivery status, or null when it is none (an inject's outcome, no status). */
    public DeliveryStatus deliveryStatus() {
        if (status == null || !type.equals(PAGE_STATUS)) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
