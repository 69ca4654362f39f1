package io.muster.escalation.service;

import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.PageChannelStatus;
import io.muster.escalation.domain.Repetitions;
import io.muster.escalation.domain.RoleEngagement;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each member's outcome for one incident: who was paged, for which roles, what happened on each channel, and who
 * answered, how and when; and each role's engagement.
 */
@ApplicationScoped
public class Responders {

    @Inject
    OnCallResolver resolver;

    @Inject
    DeadlineClocks clocks;

    public record ChannelOutcome(String channel, DeliveryStatus status, int attempt, String detail, Instant at) {
    }

    public record Page(UUID pageId, String roleKey, String path, int stage, int pass, boolean notifyOnly,
            Engagement.Status status, Instant requestedAt, Instant acknowledgedAt, AckMethod ackMethod,
            List<ChannelOutcome> channels) {
    }

    public record Member(UUID contactId, String displayName, List<String> roles, boolean notifyOnly,
            Instant acknowledgedAt, String acknowledgedHow, List<Page> pages) {
    }

    public record RoleOutcome(String roleKey, boolean required, RoleEngagement.Status status, Instant firstPagedAt,
            UUID engagedContact, String engagedByName, Instant engagedAt, int step, int pass) {
    }

    /** {@code clocks}: the outside parties the incident must notify, by deadline. */
    public record Team(UUID incidentId, boolean engaged, Instant engagedAt, List<RoleOutcome> roles,
            List<Member> members, List<DeadlineClocks.ClockView> clocks) {
    }

    /** Keeps the latest state of a page on a channel; an older attempt's state never overwrites a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(PageStatusChanged status, Instant at) {
        String channel = status.channel() == null ? "" : status.channel().name();
        PageChannelStatus row = PageChannelStatus.findById(new PageChannelStatus.Key(status.pageId(), channel));
        if (row == null) {
            row = new PageChannelStatus();
            row.pageId = status.pageId();
            row.channel = channel;
        } else if (row.attempt > status.attempt() || row.updatedAt.isAfter(at)) {
            return;
        }
        row.status = status.status();
        row.attempt = status.attempt();
        row.detail = status.detail() == null ? "" : status.detail();
        row.updatedAt = at;
        row.persist();
    }

    @Transactional
    public Team of(UUID incidentId) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw Refusal.notFound("Incident", incidentId);
        }
        List<Engagement> pages = Engagement.list("incidentId = ?1 order by requestedAt, pageId", incidentId);
        Map<UUID, List<PageChannelStatus>> channels = new LinkedHashMap<>();
        if (!pages.isEmpty()) {
            PageChannelStatus.<PageChannelStatus>list("pageId in ?1 order by channel",
                    pages.stream().map(p -> p.pageId).toList())
                    .forEach(c -> channels.computeIfAbsent(c.pageId, k -> new ArrayList<>()).add(c));
        }
        List<RoleEngagement> roleRows = RoleEngagement.ofIncident(incidentId);
        Map<UUID, List<Engagement>> byPerson = new LinkedHashMap<>();
        pages.forEach(p -> byPerson.computeIfAbsent(p.contactId, k -> new ArrayList<>()).add(p));
        List<Member> members = new ArrayList<>();
        for (Map.Entry<UUID, List<Engagement>> person : byPerson.entrySet()) {
            Set<String> roles = new LinkedHashSet<>();
            Instant ackAt = null;
            String how = null;
            List<Page> theirs = new ArrayList<>();
            for (Engagement e : person.getValue()) {
                if (e.roleKey != null) {
                    roles.add(e.roleKey);
                }
                if (e.acknowledgedAt != null && (ackAt == null || e.acknowledgedAt.isBefore(ackAt))) {
                    ackAt = e.acknowledgedAt;
                    how = e.ackMethod == null ? null : e.ackMethod.name();
                }
                theirs.add(new Page(e.pageId, e.roleKey, pathOf(e), e.stage + 1,
                        Repetitions.onWire(e.repetition), e.notifyOnly, e.status, e.requestedAt, e.acknowledgedAt,
                                e.ackMethod,
                        channels.getOrDefault(e.pageId, List.of()).stream()
                                .map(c -> new ChannelOutcome(c.channel.isEmpty() ? "PAGE" : c.channel, c.status,
                                        c.attempt, c.detail, c.updatedAt)).toList()));
            }
            for (RoleEngagement row : roleRows) {
                if (person.getKey().equals(row.engagedContact) && (ackAt == null || row.engagedAt.isBefore(ackAt))) {
                    ackAt = row.engagedAt;
                    how = "API";
                }
            }
            boolean notifyOnly = person.getValue().stream().allMatch(e -> e.notifyOnly);
            members.add(new Member(person.getKey(), resolver.nameOf(person.getKey()), List.copyOf(roles), notifyOnly,
                    ackAt, how, theirs));
        }
        List<RoleOutcome> roles = roleRows.stream().map(r -> new RoleOutcome(r.roleKey, r.required, r.status,
                r.firstPagedAt, r.engagedContact, r.engagedContact == null ? null : resolver.nameOf(r.engagedContact),
                r.engagedAt, r.step + 1, Repetitions.onWire(r.repetition))).toList();
        return new Team(incidentId, incident.engagedAt != null, incident.engagedAt, roles, members,
                clocks.viewsOf(incidentId));
    }

    /** Which path sent a page: a stage, a role's own path, a deadline reminder, a stakeholder update or its reminder.
     * */
    private static String pathOf(Engagement e) {
        if (e.track.isEmpty()) {
            return "stage";
        }
        if (e.track.startsWith(DeadlineClocks.TRACK)) {
            return "deadline-reminder";
        }
        if (e.track.equals(StakeholderUpdates.UPDATE_TRACK) || e.track.equals(StakeholderUpdates.REMINDER_TRACK)) {
            return e.track;
        }
        return "role";
    }

}
