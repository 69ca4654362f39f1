package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.standin.LocalEndpoints;
import io.muster.standin.MailStandIn;
import io.muster.standin.SnsStandIn;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into the running suite through the local runner (loopback only, bounded): a crashed
 * notification-service and escalation-service, a Kafka broker outage, a PostgreSQL restart and an SNS outage.
 * Every page is counted from what the SMTP server and the SNS stand-in received; page titles carry a unique
 * token per incident so each page is identifiable.
 */
class FaultsIT {

    static final Duration DELIVERY_WAIT = Duration.ofMinutes(4);
    static final Duration POLL = Duration.ofSeconds(1);
    /** The local runner's broker port (deploy/local/kafka.properties). */
    static final int KAFKA_PORT = 19092;
    /** Every service ready again within this many seconds of the broker listening again. */
    static final double RECOVERY_BOUND_SECONDS = 30;
    static final List<String> SERVICES = List.of("directory-service", "escalation-service", "notification-service",
            "gameday-service");

    static Map<String, Muster.Person> people;

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
        people = Muster.people();
    }

    /** Incidents whose titles start with {@code marker}, each paging {@code targets}. */
    record Burst(String marker, List<String> incidentIds, List<String> tokens, List<Muster.Person> targets) {
        int pages() {
            return tokens.size() * targets.size();
        }
    }

    /** What the stand-ins hold for a burst, page by page (a page: one incident's page to one person). */
    record Tally(int pages, int reached, int lost, int smsDelivered, int smsDuplicated, int emails,
            int emailDuplicated, int emailResentCopies, int smsMissing, List<String> problems) {

        String line() {
            return String.format("%d pages: %d reached, %d lost, %d duplicated (SMS %d delivered, %d twice; email %d, "
                    + "%d with two Message-IDs, %d same-Message-ID resends; %d pages without SMS)", pages, reached,
                    lost, smsDuplicated + emailDuplicated, smsDelivered, smsDuplicated, emails, emailDuplicated,
                    emailResentCopies, smsMissing);
        }
    }

    static String planAll(String levels, int timeoutSeconds) throws Exception {
        String type = "st-fault-" + UUID.randomUUID().toString().substring(0, 8);
        Muster.planFor(type, "CRITICAL", "[{\"levels\":" + levels + ",\"timeoutSeconds\":" + timeoutSeconds + "}]");
        return type;
    }

    static String marker() {
        return "ST" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Raises {@code count} critical incidents of {@code type}, titled {@code marker-NNN what}. */
    static Burst raise(String marker, int from, int count, String type, String what, List<Muster.Person> targets)
            throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String token = String.format("%s-%03d", marker, i);
            tokens.add(token);
            ids.add(Muster.raise(token + " " + what, type, "CRITICAL"));
        }
        return new Burst(marker, ids, tokens, targets);
    }

    static Burst join(Burst a, Burst b) {
        List<String> ids = new ArrayList<>(a.incidentIds());
        ids.addAll(b.incidentIds());
        List<String> tokens = new ArrayList<>(a.tokens());
        tokens.addAll(b.tokens());
        return new Burst(a.marker(), ids, tokens, a.targets());
    }

    static List<Muster.Person> atLevels(Set<Integer> levels) {
        return people.values().stream().filter(p -> levels.contains(p.level())).toList();
    }

    static Tally tally(Burst burst) throws Exception {
        Set<String> tokens = Set.copyOf(burst.tokens());
        List<SnsStandIn.Sms> sms = Suite.SNS.published(burst.marker()).stream().filter(SnsStandIn.Sms::delivered)
                .filter(s -> tokens.contains(tokenOf(s.message(), burst.marker()))).toList();
        List<MailStandIn.Mail> mail = Suite.MAIL.withSubject(burst.marker()).stream()
                .filter(m -> tokens.contains(tokenOf(m.subject(), burst.marker()))).toList();
        Map<String, Integer> smsBy = new HashMap<>();
        for (SnsStandIn.Sms s : sms) {
            smsBy.merge(tokenOf(s.message(), burst.marker()) + "|" + s.phone(), 1, Integer::sum);
        }
        Map<String, List<String>> mailBy = new HashMap<>();
        for (MailStandIn.Mail m : mail) {
            mailBy.computeIfAbsent(tokenOf(m.subject(), burst.marker()) + "|" + m.recipient(), k -> new ArrayList<>())
                    .add(m.messageId());
        }
        int reached = 0;
        int lost = 0;
        int smsDup = 0;
        int mailDup = 0;
        int resent = 0;
        int smsMissing = 0;
        List<String> problems = new ArrayList<>();
        for (String token : burst.tokens()) {
            for (Muster.Person p : burst.targets()) {
                int s = p.phone() == null ? 0 : smsBy.getOrDefault(token + "|" + p.phone(), 0);
                List<String> ids = mailBy.getOrDefault(token + "|" + p.email(), List.of());
                long distinct = ids.stream().distinct().count();
                if (s == 0 && ids.isEmpty()) {
                    lost++;
                    problems.add(token + " never reached " + p.name());
                } else {
                    reached++;
                }
                if (s > 1) {
                    smsDup++;
                    problems.add(token + " sent " + s + " SMS to " + p.name());
                }
                if (p.phone() != null && s == 0) {
                    smsMissing++;
                }
                if (distinct > 1) {
                    mailDup++;
                    problems.add(token + " sent " + distinct + " different emails to " + p.name());
                }
                resent += ids.size() - (int) distinct;
            }
        }
        return new Tally(burst.pages(), reached, lost, sms.size(), smsDup, mail.size(), mailDup, resent, smsMissing,
                problems);
    }

    static String tokenOf(String text, String marker) {
        int at = text.indexOf(marker);
        return at < 0 ? "" : text.substring(at, Math.min(text.length(), at + marker.length() + 4));
    }

    /** Waits until every page of the burst reached someone and notification-service has nothing left to send. */
    static Tally settle(Burst burst) throws Exception {
        String[] state = {""};
        try {
            Muster.await("every page of " + burst.marker() + " delivered and the send queue empty", DELIVERY_WAIT,
                    POLL, () -> {
                        // Notify-only pages (the severity's stakeholders) are not the burst's pages.
                        long deliveries = Suite.count("notification", "SELECT count(*) FROM page_delivery WHERE "
                                + "NOT notify_only AND substring(title, 1, " + (burst.marker().length() + 4) + ") IN ('"
                                + String.join("','", burst.tokens()) + "')");
                        long queued = Suite.count("notification", "SELECT count(*) FROM send_attempt WHERE state IN "
                                + "('PENDING','IN_FLIGHT')");
                        Tally t = tally(burst);
                        state[0] = String.format("%d of %d page requests received, %d attempts queued, %s, first "
                                + "problems %s", deliveries, burst.pages(), queued, t.line(),
                                t.problems().subList(0, Math.min(5, t.problems().size())));
                        return deliveries == burst.pages() && queued == 0 && t.lost() == 0;
                    });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + state[0], e);
        }
        return tally(burst);
    }

    static void resolveAll(Burst burst) throws Exception {
        for (String id : burst.incidentIds()) {
            Muster.resolve(id);
        }
    }

    static long smsPublishes() throws Exception {
        HttpResponse<String> r = Suite.call("POST", LocalEndpoints.SNS + "/__admin/requests/count", null,
                "application/json", "{\"method\":\"POST\",\"url\":\"/\",\"bodyPatterns\":[{\"contains\":\"Action=Publish\"}]}");
        return Suite.JSON.readTree(r.body()).path("count").asLong();
    }

    @Test
    void killingNotificationServiceInABurstOf500PagesLosesAndDuplicatesNone() throws Exception {
        List<Muster.Person> everyone = atLevels(Set.of(1, 2, 3, 4));
        assertThat(everyone).hasSize(20);
        String type = planAll("[1,2,3,4]", 900);
        String marker = marker();
        long before = smsPublishes();
        Burst burst = raise(marker, 0, 25, type, "notification crash", everyone);
        assertThat(burst.pages()).isEqualTo(500);
        Muster.await("the burst under way (100 SMS sent)", DELIVERY_WAIT, Duration.ofMillis(100),
                () -> smsPublishes() - before >= 100);
        Suite.runner(Duration.ofMinutes(1), "kill", "notification-service");
        Tally atKill = tally(burst);
        Suite.runner("up", Duration.ofMinutes(5));
        Tally after = settle(burst);
        resolveAll(burst);
        long uncertain = Suite.count("notification", "SELECT count(*) FROM send_attempt a JOIN page_delivery d "
                + "ON d.page_id = a.page_id WHERE a.state = 'UNCERTAIN' AND d.title LIKE '" + marker + "%'");
        Summary.record("fault kill -9 notification-service", String.format("killed after %d of %d pages reached; %s; "
                + "%d SMS attempts left uncertain by the crash (not repeated by design)", atKill.reached(),
                burst.pages(), after.line(), uncertain));
        assertThat(atKill.reached()).as("the crash hit the middle of the burst").isLessThan(burst.pages());
        assertThat(after.problems()).isEmpty();
        assertThat(after.lost()).isZero();
    }

    @Test
    void killingEscalationServiceMidEscalationSkipsNoStageAndPagesNobodyTwice() throws Exception {
        List<Muster.Person> chain = List.of(byName("Amara Okafor"), byName("Chloé Dubois"), byName("Jonas Berg"));
        String type = "st-fault-esc-" + UUID.randomUUID().toString().substring(0, 8);
        Muster.planFor(type, "CRITICAL", """
                [{"contacts":["%s"],"timeoutSeconds":10},{"contacts":["%s"],"timeoutSeconds":10},
                 {"contacts":["%s"],"timeoutSeconds":900}]""".formatted(chain.get(0).id(), chain.get(1).id(),
                chain.get(2).id()));
        String marker = marker();
        Burst burst = raise(marker, 0, 10, type, "escalation crash", chain);
        Muster.await("stage 1 paged for every incident", DELIVERY_WAIT, Duration.ofMillis(200),
                () -> Suite.MAIL.withSubject(marker).stream().filter(m -> m.recipient().equals(chain.get(0).email()))
                        .count() >= 10);
        Suite.runner(Duration.ofMinutes(1), "kill", "escalation-service");
        long secondStageAtKill = Suite.MAIL.withSubject(marker).stream()
                .filter(m -> m.recipient().equals(chain.get(1).email())).count();
        Suite.runner("up", Duration.ofMinutes(5));
        Muster.await("the third stage paged for every incident", DELIVERY_WAIT, POLL,
                () -> Suite.MAIL.withSubject(marker).stream().filter(m -> m.recipient().equals(chain.get(2).email()))
                        .count() >= 10);
        Tally after = settle(burst);
        List<String> wrongTimelines = new ArrayList<>();
        for (String id : burst.incidentIds()) {
            List<String> timeline = Muster.timeline(id);
            for (int stage = 1; stage <= 3; stage++) {
                String prefix = "stage-paged: stage " + stage + " (pass 1)";
                long n = timeline.stream().filter(l -> l.startsWith(prefix)).count();
                if (n != 1) {
                    wrongTimelines.add(id + " has " + n + " '" + prefix + "' entries: " + timeline);
                }
            }
        }
        resolveAll(burst);
        Summary.record("fault kill -9 escalation-service", String.format("killed with stage 1 paged for 10 "
                + "incidents and stage 2 for %d; 3 stages x 10 incidents: %s; timelines with a stage missing or "
                + "repeated: %d", secondStageAtKill, after.line(), wrongTimelines.size()));
        assertThat(after.problems()).isEmpty();
        assertThat(after.smsMissing()).as("every stage's person got an SMS too").isZero();
        assertThat(wrongTimelines).isEmpty();
    }

    @Test
    void aTwentySecondKafkaOutageLosesNothingAndTheServicesRecoverWithoutARestart() throws Exception {
        Map<String, String> pids = pids();
        String type = planAll("[1,2]", 900);
        String marker = marker();
        List<Muster.Person> targets = atLevels(Set.of(1, 2));
        Burst first = raise(marker, 0, 5, type, "kafka outage", targets);
        Suite.runner(Duration.ofMinutes(1), "stop", "kafka");
        Instant stopped = Instant.now();
        Burst during;
        Map<String, Boolean> sawNotReady = new LinkedHashMap<>();
        long[] slowestAnswer = {0};
        Instant brokerBack;
        Instant allReady;
        try {
            during = raise(marker, 5, 5, type, "kafka outage", targets);
            Muster.await("every service reporting not ready while the broker is down", Duration.ofSeconds(60),
                    Duration.ofMillis(500), () -> {
                        for (String s : SERVICES) {
                            Instant asked = Instant.now();
                            sawNotReady.merge(s, !readyWithin(s), Boolean::logicalOr);
                            slowestAnswer[0] = Math.max(slowestAnswer[0],
                                    Duration.between(asked, Instant.now()).toMillis());
                        }
                        return !sawNotReady.containsValue(false);
                    });
            // The fault lasts 20 s: this is the outage's length, not a wait for a condition.
            long left = Duration.between(Instant.now(), stopped.plusSeconds(20)).toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
        } finally {
            // The runner starts the broker and then waits for every service; the test watches both on its own to time
            // the services' recovery from the moment the broker listens again.
            CompletableFuture<String> up = CompletableFuture.supplyAsync(() -> {
                try {
                    return Suite.runner("up", Duration.ofMinutes(5));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            Muster.await("the broker listening again", Duration.ofMinutes(2), Duration.ofMillis(100),
                    () -> brokerListening() || up.isDone());
            brokerBack = Instant.now();
            Muster.await("every service ready after the broker's return", Duration.ofMinutes(3),
                    Duration.ofMillis(250), () -> SERVICES.stream().allMatch(FaultsIT::readyWithin) || up.isDone());
            allReady = Instant.now();
            up.get(5, TimeUnit.MINUTES);
        }
        SERVICES.forEach(s -> assertThat(Muster.ready(s)).as(s + " ready again").isTrue());
        long outage = Duration.between(stopped, brokerBack).toSeconds();
        double recovery = Duration.between(brokerBack, allReady).toMillis() / 1000.0;
        Instant restarted = Instant.now();
        Burst burst = join(first, during);
        Tally after = settle(burst);
        long catchUp = Duration.between(restarted, Instant.now()).toSeconds();
        resolveAll(burst);
        Map<String, String> pidsAfter = pids();
        Summary.record("fault Kafka broker stopped 20 s", String.format("%s; readiness down during the outage: %s "
                + "(slowest readiness answer %.1f s); services restarted: %s; broker down %d s; broker listening to "
                + "every service ready: %.1f s; every page delivered %d s after that", after.line(), sawNotReady,
                slowestAnswer[0] / 1000.0, pids.equals(pidsAfter) ? "none" : "SOME", outage, recovery, catchUp));
        assertThat(sawNotReady).as("readiness reported the outage").doesNotContainValue(false);
        assertThat(recovery).as("seconds from the broker's return until every service is ready")
                .isLessThanOrEqualTo(RECOVERY_BOUND_SECONDS);
        assertThat(pidsAfter).as("no service restarted").isEqualTo(pids);
        assertThat(after.problems()).isEmpty();
        assertThat(after.smsMissing()).isZero();
    }

    /**
     * Readiness within a few seconds, or not ready: a probe that hangs is a failed probe (Kubernetes gives it one
     * second by default), and waiting on it would stretch the outage being measured.
     */
    static boolean readyWithin(String service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(Suite.url(service, "/q/health/ready")))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return Suite.HTTP.client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean brokerListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", KAFKA_PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void servicesReconnectToARestartedPostgreSqlByThemselves() throws Exception {
        Map<String, String> pids = pids();
        String type = planAll("[1]", 900);
        Suite.runner(Duration.ofMinutes(1), "stop", "postgres");
        Map<String, Boolean> sawNotReady = new LinkedHashMap<>();
        try {
            Muster.await("every service reporting not ready without its database", Duration.ofSeconds(60),
                    Duration.ofMillis(500), () -> {
                        SERVICES.forEach(s -> sawNotReady.merge(s, !Muster.ready(s), Boolean::logicalOr));
                        return !sawNotReady.containsValue(false);
                    });
        } finally {
            Suite.runner("up", Duration.ofMinutes(5));
        }
        SERVICES.forEach(s -> assertThat(Muster.ready(s)).as(s + " ready again").isTrue());
        String marker = marker();
        Burst burst = raise(marker, 0, 1, type, "after postgres restart", atLevels(Set.of(1)));
        Tally after = settle(burst);
        resolveAll(burst);
        Map<String, String> pidsAfter = pids();
        Summary.record("fault PostgreSQL restart", String.format("readiness down while stopped: %s; services "
                + "restarted: %s; a new incident afterwards: %s", sawNotReady, pids.equals(pidsAfter) ? "none" : "SOME",
                after.line()));
        assertThat(pidsAfter).as("no service restarted").isEqualTo(pids);
        assertThat(after.problems()).isEmpty();
        assertThat(after.smsMissing()).isZero();
    }

    @Test
    void whileSnsFailsEmailCarriesThePagesAndSmsResumesAfter() throws Exception {
        String type = planAll("[1]", 900);
        List<Muster.Person> targets = atLevels(Set.of(1));
        String marker = marker();
        String stub = Suite.SNS.failEveryPublish("system test: SNS is down");
        Instant failing = Instant.now();
        Burst during;
        try {
            during = raise(marker, 0, 5, type, "sns outage", targets);
            // Every SMS of these pages is tried and refused (first try and retries) while SNS fails.
            Muster.await("every SMS of the outage's pages refused and given up", DELIVERY_WAIT, POLL,
                    () -> Suite.count("notification", "SELECT count(*) FROM send_attempt a JOIN page_delivery d ON "
                            + "d.page_id = a.page_id WHERE a.channel_type = 'SMS' AND a.state IN ('PENDING', "
                            + "'IN_FLIGHT') AND d.title LIKE '" + marker + "%'") == 0
                            && Suite.SNS.published(marker).size() >= during.pages());
            // The outage lasts 30 s (a minute in the issue; shortened to keep the build within its budget).
            long left = Duration.between(Instant.now(), failing.plusSeconds(30)).toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
        } finally {
            Suite.SNS.removeStub(stub);
        }
        Tally outage = settle(during);
        long refused = Suite.SNS.published(marker).stream().filter(s -> !s.delivered()).count();
        Burst afterBurst = raise(marker, 5, 5, type, "sns back", targets);
        Tally after = settle(afterBurst);
        resolveAll(join(during, afterBurst));
        Summary.record("fault SNS failing 30 s", String.format("during: %s, %d SMS attempts refused; after: %s",
                outage.line(), refused, after.line()));
        assertThat(outage.lost()).isZero();
        assertThat(outage.smsDelivered()).as("no SMS got through while SNS failed").isZero();
        assertThat(outage.emails()).as("email carried every page").isEqualTo(during.pages());
        assertThat(refused).isGreaterThanOrEqualTo(during.pages());
        assertThat(after.problems()).isEmpty();
        assertThat(after.smsMissing()).as("SMS resumed").isZero();
    }

    static Muster.Person byName(String name) {
        return people.values().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, String> pids() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : SERVICES) {
            out.put(s, Suite.pid(s));
        }
        return out;
    }
}
