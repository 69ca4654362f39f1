package io.muster.escalation.service;

import io.muster.contracts.incidents.AcknowledgementIgnored;
import io.muster.escalation.domain.DrillFaults;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.TimelineKind;
import io.muster.escalation.persistence.EngagementRepository;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The drill rule for acknowledgements: in a drill with faults, a person made unavailable (by name, or for a role
 * they were paged for) is not listened to. Their acknowledgement is written on the timeline as ignored and
 * announced as {@link AcknowledgementIgnored}, in one transaction, and the escalation carries on as if nobody had
 * answered. Escalation alone applies the rule; game days read the event rather than repeat it.
 */
@ApplicationScoped
public class DrillAcknowledgements {

    @Inject
    Timeline timeline;

    @Inject
    OnCallResolver resolver;

    @Inject
    Outbox outbox;

    @Inject
    EngagementRepository pages;

    /** What makes this person's acknowledgement not count, or empty when it counts (always, outside drills). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DrillFaults.Unavailability> unavailable(Incident incident, UUID contactId) {
        DrillFaults faults = incident.drillFaults();
        if (!incident.drill || contactId == null || faults.isNone()) {
            return Optional.empty();
        }
        return Optional.ofNullable(faults.unavailability(contactId, pages.rolesPagedFor(incident.id, contactId)));
    }

    /** Records the ignored acknowledgement and announces it; the incident and its pages stay as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ignored(Incident incident, String actor, UUID contactId, DrillFaults.Unavailability why) {
        String sentence = "acknowledgement by " + resolver.nameOf(contactId) + " ignored: drill fault ("
                + why.reason() + "); escalation continues";
        timeline.record(incident.id, TimelineKind.ACK_IGNORED, actor, sentence);
        outbox.publish(new AcknowledgementIgnored(incident.id, contactId,
                why.roleKey() == null ? "" : why.roleKey(), actor, sentence, incident.drill));
    }
}
