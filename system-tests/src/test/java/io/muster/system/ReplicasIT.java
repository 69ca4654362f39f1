package io.muster.system;

import static io.muster.standin.LocalEndpoints.ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.muster.standin.MailStandIn;
import io.muster.standin.SnsStandIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances each of escalation-service and notification-service on one machine, sharing their databases and
 * the broker as two replicas behind a load balancer do; the first instance of each is killed (-9) in the middle of
 * a burst. The other instance must carry on alone: take over the killed consumers' partitions (after the group's
 * session timeout), fire the stage timers, relay both outboxes, and resolve the sends left in flight, with no page
 * lost or sent twice.
 */
class ReplicasIT {

    static final String ESCALATION_1 = ESCALATION;
    static final String ESCALATION_2 = "http://localhost:8182";
    static final String NOTIFICATION_2 = "http://localhost:8183";
    static final int BEFORE_KILL = 12;
    static final int AFTER_KILL = 12;
    /* The killed consumers hold their partitions until the group's session timeout (45 s) passes; then the
       second stage's 10 s and the sends. */
    static final Duration TAKEOVER = Duration.ofMinutes(4);

    static Map<String, Muster.Person> people;

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
        people = Muster.people();
        Suite.runner(Duration.ofMinutes(3), "up-replica", "escalation-service", "notification-service");
    }

    @AfterAll
    static void down() throws Exception {
        // The tests after this one expect the first instances and nothing else.
        Suite.runner("up", Duration.ofMinutes(5));
        Suite.runner(Duration.ofMinutes(1), "stop", "escalation-service-2");
        Suite.runner(Duration.ofMinutes(1), "stop", "notification-service-2");
    }

    /** Pages of the burst per channel, from what the SNS stand-in and the SMTP server received. */
    record Count(int pages, int smsSent, int emailsSent, int lost, int smsDoubled, int emailsDoubled,
            int smsMissing, int emailsMissing, int emailResends, List<String> problems) {

        String line() {
            return String.format("%d pages expected, sent %d SMS and %d emails, %d lost, %d doubled (SMS %d, email %d "
                    + "with two Message-IDs), %d without SMS, %d without email, %d same-Message-ID email resends",
                    pages, smsSent, emailsSent, lost, smsDoubled + emailsDoubled, smsDoubled, emailsDoubled,
                    smsMissing, emailsMissing, emailResends);
        }
    }

    @Test
    void killingOneOfTwoInstancesOfEachServiceMidBurstLosesNoPageSendsNoneTwiceAndFiresEveryTimerOnce()
            throws Exception {
        List<Muster.Person> chain = List.of(byName("Amara Okafor"), byName("Chloé Dubois"), byName("Jonas Berg"));
        String type = "st-replicas-" + UUID.randomUUID().toString().substring(0, 8);
        Muster.planFor(type, "CRITICAL", """
                [{"contacts":["%s"],"timeoutSeconds":10},{"contacts":["%s"],"timeoutSeconds":10},
                 {"contacts":["%s"],"timeoutSeconds":900}]""".formatted(chain.get(0).id(), chain.get(1).id(),
                chain.get(2).id()));
        String marker = FaultsIT.marker();
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        // As a load balancer would: alternately to either instance while both run, then to the one left.
        for (int i = 0; i < BEFORE_KILL; i++) {
            raise(i % 2 == 0 ? ESCALATION_1 : ESCALATION_2, marker, i, type, ids, tokens);
        }
        Muster.await("the burst under way (stage 1 emailed for half the incidents raised)", TAKEOVER,
                Duration.ofMillis(200), () -> emailsTo(marker, chain.get(0)) >= BEFORE_KILL / 2);
        Suite.runner(Duration.ofMinutes(1), "kill", "escalation-service");
        Suite.runner(Duration.ofMinutes(1), "kill", "notification-service");
        Instant killed = Instant.now();
        long escalationRelayedBefore = relayed(ESCALATION_2);
        long notificationRelayedBefore = relayed(NOTIFICATION_2);
        long emailsAtKill = Suite.MAIL.withSubject(marker).size();
        long escalationOutboxAtKill = Suite.count("escalation", "SELECT count(*) FROM outbox");
        long inFlightAtKill = Suite.count("notification", "SELECT count(*) FROM send_attempt WHERE state = "
                + "'IN_FLIGHT'");
        long timersAtKill = Suite.count("escalation", "SELECT count(*) FROM escalation_timer t JOIN incident i ON "
                + "i.id = t.incident_id WHERE i.incident_type = '" + type + "' AND t.stage < 2");
        for (int i = BEFORE_KILL; i < BEFORE_KILL + AFTER_KILL; i++) {
            raise(ESCALATION_2, marker, i, type, ids, tokens);
        }
        int incidents = ids.size();
        FaultsIT.Burst burst = new FaultsIT.Burst(marker, ids, tokens, chain);

        Muster.await("the third stage paged for every incident", TAKEOVER, FaultsIT.POLL,
                () -> emailsTo(marker, chain.get(2)) >= incidents);
        FaultsIT.settle(burst);
        long[] outboxes = new long[2];
        Muster.await("both outboxes relayed to the last row", Duration.ofMinutes(2), Duration.ofSeconds(1), () -> {
            outboxes[0] = Suite.count("escalation", "SELECT count(*) FROM outbox");
            outboxes[1] = Suite.count("notification", "SELECT count(*) FROM outbox");
            return outboxes[0] == 0 && outboxes[1] == 0;
        });
        long settledAfter = Duration.between(killed, Instant.now()).toSeconds();
        long escalationRelayed = relayed(ESCALATION_2) - escalationRelayedBefore;
        long notificationRelayed = relayed(NOTIFICATION_2) - notificationRelayedBefore;
        Count count = count(marker, tokens, chain);

        List<String> wrongTimelines = new ArrayList<>();
        int timedOut = 0;
        for (String id : ids) {
            List<String> timeline = timeline(id);
            for (int stage = 1; stage <= 3; stage++) {
                wrongTimelines.addAll(once(id, timeline, "stage-paged: stage " + stage + " (pass 1)"));
            }
            for (int stage = 1; stage <= 2; stage++) {
                String prefix = "stage-timed-out: stage " + stage + " (pass 1)";
                timedOut += (int) timeline.stream().filter(l -> l.startsWith(prefix)).count();
                wrongTimelines.addAll(once(id, timeline, prefix));
            }
        }
        String byType = "SELECT count(*) FROM escalation_timer t JOIN incident i ON i.id = t.incident_id WHERE "
                + "i.incident_type = '" + type + "' AND t.track = ''";
        long unfired = Suite.count("escalation", byType + " AND t.stage < 2");
        long waiting = Suite.count("escalation", byType + " AND t.stage = 2");
        String ofBurst = "SELECT count(*) FROM send_attempt a JOIN page_delivery d ON d.page_id = a.page_id WHERE "
                + "a.state = 'UNCERTAIN' AND substring(d.title, 1, " + marker.length() + ") = '" + marker + "'";
        long smsUncertain = Suite.count("notification", ofBurst + " AND a.channel_type = 'SMS'");
        long emailUncertain = Suite.count("notification", ofBurst + " AND a.channel_type = 'EMAIL'");
        for (String id : ids) {
            resolve(id);
        }

        Summary.record("replicas: 2 escalation-service + 2 notification-service, one of each killed (-9) mid-burst",
                String.format("killed escalation-service and notification-service (8082, 8083) with %d of %d incidents "
                        + "raised and %d emails out; %d raised after the kill through escalation-service-2; %d "
                        + "incidents x 3 stages: %s; stage timers fired %d of %d (each once: %s), %d of the burst's "
                        + "were waiting at the kill, %d left unfired; relay takeover: %d escalation outbox rows "
                        + "unpublished at the kill, both outboxes empty and every page sent %d s after it, the "
                        + "survivors' relays published %d (escalation) and %d (notification) events since; %d "
                        + "sends in flight at the kill resolved by the survivor (%d SMS left uncertain, not "
                        + "repeated by design; %d emails resent with their Message-ID)", BEFORE_KILL, incidents,
                        emailsAtKill, AFTER_KILL, incidents, count.line(), timedOut, 2 * incidents,
                        wrongTimelines.isEmpty() ? "yes" : "NO", timersAtKill, unfired, escalationOutboxAtKill,
                        settledAfter, escalationRelayed, notificationRelayed, inFlightAtKill, smsUncertain, emailUncertain));

        assertThat(count.problems()).isEmpty();
        assertThat(count.lost()).isZero();
        assertThat(count.emailsMissing()).as("every page emailed").isZero();
        assertThat((long) count.smsMissing()).as("an SMS is missing only where its send was in flight at the kill")
                .isLessThanOrEqualTo(smsUncertain);
        assertThat((long) count.emailResends()).as("an email is resent only where it was in flight at the kill")
                .isLessThanOrEqualTo(emailUncertain);
        assertThat(wrongTimelines).as("every stage paged once and every stage timer fired once").isEmpty();
        assertThat(timedOut).isEqualTo(2 * incidents);
        assertThat(unfired).isZero();
        assertThat(escalationRelayed).as("escalation-service-2 relayed the incidents raised after the kill")
                .isGreaterThanOrEqualTo(AFTER_KILL);
        assertThat(notificationRelayed).as("notification-service-2 relayed the sends' status events")
                .isPositive();
        assertThat(waiting).as("each incident waits on its third stage").isEqualTo(incidents);
    }

    static void raise(String escalation, String marker, int i, String type, List<String> ids, List<String> tokens)
            throws Exception {
        String token = String.format("%s-%03d", marker, i);
        HttpResponse<String> r = Suite.call("POST", escalation + "/api/v1/incidents", Suite.token("muster-responder"),
                "application/json", """
                        {"title":"%s two replicas","summary":"raised by the system tests","severity":"CRITICAL",
                         "incidentType":"%s","source":"system-tests"}""".formatted(token, type));
        assertThat(r.statusCode()).as("raise at %s: %s", escalation, r.body()).isIn(200, 201);
        ids.add(Suite.JSON.readTree(r.body()).path("id").asText());
        tokens.add(token);
    }

    /** Events an instance's outbox relay has published since it started ({@code muster.outbox.published}). */
    static long relayed(String instance) throws Exception {
        HttpResponse<String> r = Suite.call("GET", instance + "/q/metrics", null, null, null);
        assertThat(r.statusCode()).as("metrics of %s", instance).isEqualTo(200);
        return r.body().lines().filter(l -> l.startsWith("muster_outbox_published_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static long emailsTo(String marker, Muster.Person person) throws Exception {
        return Suite.MAIL.withSubject(marker).stream().filter(m -> m.recipient().equals(person.email())).count();
    }

    /** Each page (one incident to one person) by channel: SMS by phone number, email by distinct Message-ID. */
    static Count count(String marker, List<String> tokens, List<Muster.Person> targets) throws Exception {
        Set<String> ofBurst = Set.copyOf(tokens);
        Map<String, Integer> sms = new HashMap<>();
        int smsSent = 0;
        for (SnsStandIn.Sms s : Suite.SNS.published(marker)) {
            String token = FaultsIT.tokenOf(s.message(), marker);
            if (s.delivered() && ofBurst.contains(token)) {
                sms.merge(token + "|" + s.phone(), 1, Integer::sum);
                smsSent++;
            }
        }
        Map<String, List<String>> mail = new HashMap<>();
        int emailsSent = 0;
        for (MailStandIn.Mail m : Suite.MAIL.withSubject(marker)) {
            String token = FaultsIT.tokenOf(m.subject(), marker);
            if (ofBurst.contains(token)) {
                mail.computeIfAbsent(token + "|" + m.recipient(), k -> new ArrayList<>()).add(m.messageId());
                emailsSent++;
            }
        }
        int lost = 0;
        int smsDoubled = 0;
        int emailsDoubled = 0;
        int smsMissing = 0;
        int emailsMissing = 0;
        int resends = 0;
        List<String> problems = new ArrayList<>();
        for (String token : tokens) {
            for (Muster.Person p : targets) {
                int s = sms.getOrDefault(token + "|" + p.phone(), 0);
                List<String> copies = mail.getOrDefault(token + "|" + p.email(), List.of());
                long distinct = copies.stream().distinct().count();
                if (s == 0 && distinct == 0) {
                    lost++;
                    problems.add(token + " never reached " + p.name());
                }
                if (s > 1) {
                    smsDoubled++;
                    problems.add(token + " sent " + s + " SMS to " + p.name());
                }
                if (distinct > 1) {
                    emailsDoubled++;
                    problems.add(token + " sent " + distinct + " different emails to " + p.name());
                }
                smsMissing += s == 0 ? 1 : 0;
                emailsMissing += distinct == 0 ? 1 : 0;
                resends += copies.size() - (int) distinct;
            }
        }
        return new Count(tokens.size() * targets.size(), smsSent, emailsSent, lost, smsDoubled, emailsDoubled,
                smsMissing, emailsMissing, resends, problems);
    }

    static List<String> once(String id, List<String> timeline, String prefix) {
        long n = timeline.stream().filter(l -> l.startsWith(prefix)).count();
        return n == 1 ? List.of() : List.of(id + " has " + n + " '" + prefix + "' entries: " + timeline);
    }

    /** The incident's timeline, read from the instance still running. */
    static List<String> timeline(String id) throws Exception {
        return Muster.timeline(ESCALATION_2, id);
    }

    static void resolve(String id) throws Exception {
        Muster.resolve(ESCALATION_2, id);
    }

    static Muster.Person byName(String name) {
        return people.values().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
