package io.muster.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.contracts.pages.DeliveryStatus;
import io.muster.gameday.domain.Observation;
import io.muster.gameday.domain.Scorecard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scorecard from known event sequences, with every number worked out by hand. */
class ScorecardTest {

    static final Instant START = Instant.parse("2026-05-04T10:00:00Z");
    static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000a11c");
    static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000b0b");
    static final UUID DAVE = UUID.fromString("00000000-0000-0000-0000-00000000da7e");
    static final UUID ERIN = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    /** Builds observations at whole seconds after {@link #START}. */
    static final class Events {
        final List<Observation> list = new ArrayList<>();

        UUID page(long at, UUID contact, String role, int stage) {
            UUID page = UUID.randomUUID();
            list.add(Observation.pageRequested(UUID.randomUUID(), START.plusSeconds(at), page, contact, role, stage,
                    false));
            return page;
        }

        void status(long at, UUID page, UUID contact, String channel, String status, int attempt, String detail) {
            list.add(Observation.pageStatus(UUID.randomUUID(), START.plusSeconds(at), page, contact, channel,
                    DeliveryStatus.valueOf(status), attempt, detail));
        }

        void ack(long at, UUID page, UUID contact, String method) {
            list.add(Observation.pageAcknowledged(UUID.randomUUID(), START.plusSeconds(at), page, contact, method));
        }

        /** Escalation's word that it did not count this person's ack (it publishes one per ignored ack). */
        void ackIgnored(long at, UUID contact, String decidingRole) {
            list.add(Observation.ackIgnored(UUID.randomUUID(), START.plusSeconds(at), contact, decidingRole,
                    "drill fault"));
        }

        void escalated(long at, int from, int to, String reason) {
            list.add(Observation.escalated(UUID.randomUUID(), START.plusSeconds(at), from, to, null, reason));
        }

        void triggered(long at) {
            list.add(Observation.lifecycle(UUID.randomUUID(), Observation.TRIGGERED, START.plusSeconds(at)));
        }
    }

    static Scorecard.RunTargets targets(Long endedAfter, List<String> roles, Set<UUID> unavailableContacts,
            Set<String> unavailableRoles, Set<String> downChannels) {
        return new Scorecard.RunTargets(START, endedAfter == null ? null : START.plusSeconds(endedAfter), roles, 300,
                900, unavailableContacts, unavailableRoles, downChannels);
    }

    /** Two roles paged at once; one SMS fails, both answer in time. */
    static Events liveSequence() {
        Events e = new Events();
        e.triggered(1);
        UUID commander = e.page(2, ALICE, "incident-commander", 1);
        UUID analyst = e.page(2, BOB, "security-analyst", 1);
        e.status(5, commander, ALICE, "SMS", "SENT", 1, null);
        e.status(6, commander, ALICE, "EMAIL", "SENT", 1, null);
        e.status(5, analyst, BOB, "SMS", "FAILED", 1, "carrier rejected the number");
        e.status(8, analyst, BOB, "EMAIL", "SENT", 1, null);
        e.ack(120, commander, ALICE, "EMAIL_LINK");
        e.ack(400, analyst, BOB, "SMS_REPLY");
        return e;
    }

    @Test
    void aRunWhereEveryRoleAnswersInTime() {
        Events e = liveSequence();
        List<String> roles = List.of("incident-commander", "security-analyst");
        // Arrival order must not matter: the card sorts by when things happened.
        List<Observation> shuffled = new ArrayList<>(e.list);
        Collections.reverse(shuffled);
        Scorecard card = Scorecard.compute(targets(400L, roles, Set.of(), Set.of(), Set.of()), shuffled);

        assertThat(card.times().firstPageRequested()).isEqualTo(2);
        assertThat(card.times().firstPageSent()).isEqualTo(5);
        assertThat(card.times().firstAck()).isEqualTo(120);
        assertThat(card.times().allRolesAcked()).isEqualTo(400);
        assertThat(card.times().allRolesAckedAt()).isEqualTo(START.plusSeconds(400));
        assertThat(card.times().firstAckMet()).isTrue();
        assertThat(card.times().allRolesMet()).isTrue();
        assertThat(card.counts()).isEqualTo(new Scorecard.Counts(2, 2, 0, 4, 1, 2, 0));
        assertThat(card.roles()).extracting(r -> r.roleKey() + " " + r.outcome() + " " + r.acked() + " "
                + r.ackedBy() + " " + r.ackMethod() + " " + r.withinTarget()).containsExactly(
                "incident-commander ACKED 120 " + ALICE + " EMAIL_LINK true",
                "security-analyst ACKED 400 " + BOB + " SMS_REPLY true");
        Scorecard.PersonResult bob = card.people().stream().filter(p -> p.contactId().equals(BOB)).findFirst()
                .orElseThrow();
        assertThat(bob.firstPaged()).isEqualTo(2);
        assertThat(bob.channels()).extracting(c -> c.channel() + " " + c.outcome()).containsExactly("SMS FAILED",
                "EMAIL SENT");
        assertThat(card.channelFailures()).extracting(f -> f.at() + " " + f.channel() + " " + f.detail())
                .containsExactly("5 SMS carrier rejected the number");
        assertThat(card.escalations()).isEmpty();
        assertThat(card.unreachable()).isEmpty();
        // 50 * 1 (both roles in 900 s) + 20 * 1 (first ack 120 <= 300) + 20 * 3/4 (one of four attempts failed)
        // + 10 * 1 (both roles paged) - 0 = 95
        assertThat(card.readiness()).isEqualTo(new Scorecard.Readiness(95, 1.0, 1.0, 0.75, 1.0, 0));
        assertThat(card.timeline()).hasSize(9);
        assertThat(card.timeline().get(0).type()).isEqualTo(Observation.TRIGGERED);
    }

    @Test
    void beforeTheLastRoleAnswersTheRunIsNotDone() {
        Events e = liveSequence();
        e.list.removeIf(o -> Observation.PAGE_ACKNOWLEDGED.equals(o.type()) && BOB.equals(o.contactId()));
        Scorecard.RunTargets running = targets(null, List.of("incident-commander", "security-analyst"), Set.of(),
                Set.of(), Set.of());
        assertThat(Scorecard.allRolesAckedAt(running, e.list)).isNull();
        Scorecard card = Scorecard.compute(running, e.list);
        assertThat(card.roles()).extracting(Scorecard.RoleResult::outcome).containsExactly("ACKED", "NOT_REACHED");
        // Still running: nobody is called unreachable for not having answered yet.
        assertThat(card.unreachable()).isEmpty();
    }

    /**
     * The commander role is out (drill fault), erin is away and SMS is down: alice's and erin's acks are ignored,
     * bob never answers, escalation goes to stage 2 and dave answers by email after his SMS failed.
     */
    @Test
    void faultsIgnoreAcksAndTheEscalationThatFollowedIsShown() {
        Events e = new Events();
        UUID commander = e.page(1, ALICE, "incident-commander", 1);
        UUID analyst = e.page(1, BOB, "security-analyst", 1);
        e.status(3, commander, ALICE, "EMAIL", "SENT", 1, null);
        e.status(3, analyst, BOB, "EMAIL", "SENT", 1, null);
        e.ack(60, commander, ALICE, "EMAIL_LINK");
        e.ackIgnored(60, ALICE, "incident-commander");
        e.escalated(300, 1, 2, "ack timeout");
        UUID analyst2 = e.page(301, DAVE, "security-analyst", 2);
        UUID analyst3 = e.page(301, ERIN, "security-analyst", 2);
        e.status(302, analyst2, DAVE, "SMS", "FAILED", 1, "drill: channel down");
        e.status(304, analyst2, DAVE, "EMAIL", "SENT", 1, null);
        e.ack(400, analyst3, ERIN, "API");
        e.ackIgnored(401, ERIN, null);
        e.ack(420, analyst2, DAVE, "EMAIL_LINK");
        Scorecard.RunTargets run = targets(420L, List.of("incident-commander", "security-analyst"), Set.of(ERIN),
                Set.of("incident-commander"), Set.of("SMS"));

        assertThat(Scorecard.allRolesAckedAt(run, e.list)).isEqualTo(START.plusSeconds(420));
        Scorecard card = Scorecard.compute(run, e.list);
        assertThat(card.escalations()).containsExactly(new Scorecard.EscalationTaken(300L, 1, 2, "ack timeout"));
        assertThat(card.roles()).extracting(r -> r.roleKey() + " " + r.required() + " " + r.outcome() + " "
                + r.acked() + " " + r.ackedBy()).containsExactly(
                "incident-commander false UNAVAILABLE null null",
                "security-analyst true ACKED 420 " + DAVE);
        assertThat(card.timeline()).filteredOn(t -> Observation.PAGE_ACKNOWLEDGED.equals(t.type()))
                .extracting(t -> t.at() + " " + t.note()).containsExactly(
                        "60 " + Scorecard.IGNORED_BY_FAULT, "400 " + Scorecard.IGNORED_BY_FAULT, "420 null");
        assertThat(card.people()).filteredOn(p -> p.contactId().equals(ALICE))
                .extracting(Scorecard.PersonResult::ackNote).containsExactly(Scorecard.IGNORED_BY_FAULT);
        assertThat(card.counts().acksAccepted()).isEqualTo(1);
        assertThat(card.counts().acksIgnored()).isEqualTo(2);
        assertThat(card.channelFailures()).extracting(Scorecard.ChannelFailure::downByFault).containsExactly(true);
        // bob was needed (his role was answered only at stage 2); alice's role was taken out on purpose; erin was
        // paged alongside dave, who answered, so her silence cost nothing.
        assertThat(card.unreachable()).extracting(u -> u.contactId() + " " + u.reason() + " " + u.drillFault())
                .containsExactlyInAnyOrder(ALICE + " never acknowledged true", BOB + " never acknowledged false");
        assertThat(card.times().firstAck()).isEqualTo(420);
        assertThat(card.times().firstAckMet()).isFalse();
        // 50 * 1 + 20 * (2 - 420/300 = 0.6) + 20 * 1 (the SMS failure was the injected fault) + 10 * 1 - 5 = 87
        assertThat(card.readiness()).isEqualTo(new Scorecard.Readiness(87, 1.0, 0.6, 1.0, 1.0, 5));
    }

    /**
     * Whether an ack counts is escalation's verdict alone: bob's ack is ignored because escalation said so, although
     * the card's faults do not name him; alice's counts because escalation published no verdict on it, although her
     * role is one the faults name.
     */
    @Test
    void escalationsVerdictNotTheFaultListDecidesWhichAcksCount() {
        Events e = new Events();
        UUID commander = e.page(1, ALICE, "incident-commander", 1);
        UUID analyst = e.page(1, BOB, "security-analyst", 1);
        e.ack(30, commander, ALICE, "API");
        e.ack(40, analyst, BOB, "API");
        e.ackIgnored(41, BOB, null);
        Scorecard.RunTargets run = targets(600L, List.of("incident-commander", "security-analyst"), Set.of(),
                Set.of("incident-commander"), Set.of());

        Scorecard card = Scorecard.compute(run, e.list);
        assertThat(card.timeline()).extracting(t -> t.type() + " " + t.at() + " " + t.note()).containsExactly(
                "PageRequested 1 null", "PageRequested 1 null", "PageAcknowledged 30 null",
                "PageAcknowledged 40 " + Scorecard.IGNORED_BY_FAULT);
        assertThat(card.counts().acksAccepted()).isEqualTo(1);
        assertThat(card.counts().acksIgnored()).isEqualTo(1);
        assertThat(card.roles()).extracting(r -> r.roleKey() + " " + r.outcome() + " " + r.acked()).containsExactly(
                "incident-commander UNAVAILABLE 30", "security-analyst NOT_REACHED null");
        assertThat(card.times().firstAck()).isEqualTo(30);
        assertThat(card.times().allRolesAcked()).isNull();
    }

    @Test
    void aSilentRunSendsNothingAndNobodyIsUnreachable() {
        Events e = new Events();
        UUID commander = e.page(1, ALICE, "incident-commander", 1);
        e.status(1, commander, ALICE, null, "SUPPRESSED", 0, "silent drill: recorded, not sent");
        Scorecard card = Scorecard.compute(targets(1800L, List.of("incident-commander", "security-analyst"),
                Set.of(), Set.of(), Set.of()), e.list);
        assertThat(card.counts()).isEqualTo(new Scorecard.Counts(1, 0, 1, 0, 0, 0, 0));
        assertThat(card.times().firstPageSent()).isNull();
        assertThat(card.times().firstAckMet()).isNull();
        assertThat(card.unreachable()).isEmpty();
        assertThat(card.roles()).extracting(Scorecard.RoleResult::outcome).containsExactly("NOT_REACHED",
                "NOT_PAGED");
        // 0 roles answered, no ack, nothing delivered or failed (1.0), one of two roles paged: 20 + 5 = 25
        assertThat(card.readiness()).isEqualTo(new Scorecard.Readiness(25, 0.0, 0.0, 1.0, 0.5, 0));
    }

    @Test
    void everyChannelFailingMakesAPersonUnreachableAndAcksAfterTheEndDoNotCount() {
        Events e = new Events();
        UUID commander = e.page(0, ALICE, "incident-commander", 1);
        e.status(2, commander, ALICE, "SMS", "FAILED", 1, "no route");
        e.status(3, commander, ALICE, "EMAIL", "FAILED", 1, "mailbox full");
        e.status(3, commander, ALICE, null, "ALL_CHANNELS_FAILED", 0, null);
        UUID late = e.page(10, BOB, "security-analyst", 1);
        e.status(11, late, BOB, "EMAIL", "SENT", 1, null);
        e.ack(2000, late, BOB, "API");
        Scorecard card = Scorecard.compute(targets(1800L, List.of("incident-commander", "security-analyst"),
                Set.of(), Set.of(), Set.of()), e.list);
        assertThat(card.unreachable()).extracting(u -> u.contactId() + " " + u.reason()).containsExactlyInAnyOrder(
                ALICE + " every channel failed", BOB + " never acknowledged");
        assertThat(card.times().firstAck()).isNull();
        assertThat(card.timeline()).last().extracting(Scorecard.TimelineEntry::note)
                .isEqualTo(Scorecard.AFTER_RUN_END);
        // 0 + 0 + 20 * 1/3 (one of three attempts delivered) + 10 - 2 * 5 = 6.67 -> 7
        assertThat(card.readiness()).isEqualTo(new Scorecard.Readiness(7, 0.0, 0.0, 0.333, 1.0, 10));
    }
}
