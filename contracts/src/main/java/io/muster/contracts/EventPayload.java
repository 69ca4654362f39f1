package io.muster.contracts;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.ExternalPartySnapshot;
import io.muster.contracts.directory.ReadinessSnapshot;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.contracts.gameday.ActionItemSnapshot;
import io.muster.contracts.gameday.GameDayRunChanged;
import io.muster.contracts.incidents.AcknowledgementIgnored;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.incidents.IncidentPhaseChanged;
import io.muster.contracts.incidents.IncidentReclassified;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.contracts.pages.ChannelTestRequested;
import io.muster.contracts.pages.ChannelVerificationRequested;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.contracts.plans.PlanDocumentStatus;
import java.util.Map;

/**
 * The payload of an {@link EventEnvelope}. Every permitted record is listed in {@link #TYPES} under its event type
 * name, which is the envelope's {@code type} field.
 */
public interface EventPayload {

    /** Event type name to payload record, for reading envelopes. */
    Map<String, Class<? extends EventPayload>> TYPES = Map.ofEntries(
            Map.entry(ContactSnapshot.TYPE, ContactSnapshot.class),
            Map.entry(RoleRoster.TYPE, RoleRoster.class),
            Map.entry(RotationSnapshot.TYPE, RotationSnapshot.class),
            Map.entry(ExternalPartySnapshot.TYPE, ExternalPartySnapshot.class),
            Map.entry(IncidentTriggered.TYPE, IncidentTriggered.class),
            Map.entry(IncidentAcknowledged.TYPE, IncidentAcknowledged.class),
            Map.entry(AcknowledgementIgnored.TYPE, AcknowledgementIgnored.class),
            Map.entry(IncidentEscalated.TYPE, IncidentEscalated.class),
            Map.entry(IncidentResolved.TYPE, IncidentResolved.class),
            Map.entry(IncidentSeverityChanged.TYPE, IncidentSeverityChanged.class),
            Map.entry(PageRequested.TYPE, PageRequested.class),
            Map.entry(PageStatusChanged.TYPE, PageStatusChanged.class),
            Map.entry(PageAcknowledged.TYPE, PageAcknowledged.class),
            Map.entry(ChannelVerificationRequested.TYPE, ChannelVerificationRequested.class),
            Map.entry(ChannelTestRequested.TYPE, ChannelTestRequested.class),
            Map.entry(GameDayRunChanged.TYPE, GameDayRunChanged.class),
            Map.entry(IncidentPhaseChanged.TYPE, IncidentPhaseChanged.class),
            Map.entry(IncidentReclassified.TYPE, IncidentReclassified.class),
            Map.entry(ActionItemSnapshot.TYPE, ActionItemSnapshot.class),
            Map.entry(PlanDocumentStatus.TYPE, PlanDocumentStatus.class),
            Map.entry(ReadinessSnapshot.TYPE, ReadinessSnapshot.class));

    /** The event type name, as written in the envelope. */
    String type();

    /** The schema version of this payload; bumped only with a compatible change, a breaking one gets a new topic. */
    default int version() {
        return 1;
    }

    /** The topic this payload is published to. */
    String topic();

    /** The Kafka record key: the id of the aggregate the event concerns. */
    String key();
}
