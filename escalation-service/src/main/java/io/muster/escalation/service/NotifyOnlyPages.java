package io.muster.escalation.service;

import io.muster.contracts.pages.PageRequested;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.StageDefinition;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Pages that inform and expect no acknowledgement, sent on behalf of something other than escalation (a deadline
 * reminder, a stakeholder update): who answers for a role now (the selection rule, from the replica), a stable page
 * id derived from what the page is for, so a replayed firing finds the page already requested and sends nothing,
 * and an engagement row on a track of its own so {@code /responders} lists it apart from the escalation's pages.
 */
@ApplicationScoped
public class NotifyOnlyPages {

    @Inject
    OnCallResolver resolver;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A notify-only page: what it says and where it belongs among the incident's pages. */
    public record Notice(String purpose, String track, int stage, String title, String summary) {
    }

    /** Who answers for the role now: its holders by the selection rule, else its escalation contact. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OnCallResolver.Target> holdersOf(String roleKey) {
        return resolver.resolve(new StageDefinition(List.of(roleKey), List.of(), List.of(), List.of(), 1), List.of(),
                clock.instant()).targets();
    }

    /** Who a stage definition of stakeholders reaches now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OnCallResolver.Target> reach(StageDefinition stakeholders) {
        if (stakeholders.roles().isEmpty() && stakeholders.contacts().isEmpty()) {
            return List.of();
        }
        return resolver.resolve(stakeholders, List.of(), clock.instant()).targets();
    }

    /** Requests the page unless it was requested before (same purpose, same person); says whether it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean page(Incident incident, OnCallResolver.Target target, Notice notice) {
        UUID pageId = UUID.nameUUIDFromBytes((notice.purpose() + ":" + target.contactId())
                .getBytes(StandardCharsets.UTF_8));
        if (Engagement.findById(pageId) != null) {
            return false;
        }
        Engagement engagement = new Engagement();
        engagement.pageId = pageId;
        engagement.incidentId = incident.id;
        engagement.contactId = target.contactId();
        engagement.roleKey = target.roleKey();
        engagement.track = notice.track();
        engagement.stage = notice.stage();
        engagement.repetition = 0;
        engagement.notifyOnly = true;
        engagement.status = Engagement.Status.REQUESTED;
        engagement.requestedAt = clock.instant();
        engagement.persist();
        outbox.publish(PageRequested.notice(pageId, target.contactId(), target.roleKey(),
                incident.pageAbout(notice.title(), notice.summary())));
        return true;
    }

    /** The people's display names, for the timeline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String names(List<OnCallResolver.Target> targets) {
        return String.join(", ", targets.stream().map(t -> resolver.nameOf(t.contactId())).toList());
    }
}
