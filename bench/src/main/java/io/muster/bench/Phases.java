package io.muster.bench;

import static io.muster.standin.LocalEndpoints.ESCALATION;
import static io.muster.standin.LocalEndpoints.KAFKA;
import static io.muster.standin.LocalEndpoints.POSTGRES;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.standin.HttpJson;
import io.muster.standin.SnsStandIn;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The measured phases. Each returns its numbers as a map for the JSON report; Bench prints the table. */
final class Phases {

    private final String run;
    private final String integrationToken;

    Phases(String run, String integrationToken) {
        this.run = run;
        this.integrationToken = integrationToken;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Raise to send

    /**
     * Raises CRITICAL incidents at a steady {@code rate} (open loop) for {@code seconds}, each with a unique token in
     * its title, and measures from each raise's scheduled time to the SNS stand-in logging the SMS with that token.
     */
    Map<String, Object> raiseToSend(String step, double rate, int seconds, int drainSeconds, int people)
            throws Exception {
        String prefix = "rts-" + run + "-" + step + "-";
        Pacer pacer = new Pacer(rate, TimeUnit.SECONDS.toNanos(seconds));
        int slots = (int) pacer.slots();
        double[] dueEpochMs = new double[slots];
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Long> answerNanos = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        long startEpochMs = System.currentTimeMillis();
        long start = System.nanoTime();
        long worstLag = pacer.run(start, i -> {
            dueEpochMs[(int) i] = startEpochMs + pacer.offsetNanos(i) / 1e6;
            long due = start + pacer.offsetNanos(i);
            String body = "{\"title\":\"" + prefix + i + "\",\"severity\":\"CRITICAL\",\"incidentType\":\""
                    + BenchSetup.raiseRole((int) (i % people)) + "\",\"source\":\"bench\"}";
            pending.add(Api.HTTP.client().sendAsync(Api.HTTP.request("POST", ESCALATION + "/api/v1/incidents",
                    integrationToken, body).build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        answerNanos.add(System.nanoTime() - due);
                        if (e == null && r.statusCode() == 201) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    }));
        });
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(120, TimeUnit.SECONDS);
        // Wait for the SMS to arrive: done when all arrived, or when nothing new came for drainSeconds.
        int seen = 0;
        long lastProgress = System.nanoTime();
        while (seen < accepted.get() && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(drainSeconds)) {
            Thread.sleep(500);
            int now = Api.SNS.count(prefix);
            if (now > seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
        }
        Map<Integer, Long> firstSms = new HashMap<>();
        Pattern token = Pattern.compile(Pattern.quote(prefix) + "(\\d+)");
        for (SnsStandIn.Sms sms : Api.SNS.containing(prefix)) {
            Matcher m = token.matcher(sms.message());
            if (m.find()) {
                firstSms.merge(Integer.parseInt(m.group(1)), sms.loggedAtMillis(), Math::min);
            }
        }
        List<Long> latencies = new ArrayList<>();
        firstSms.forEach((i, at) -> latencies.add((long) ((at - dueEpochMs[i]) * 1_000_000)));
        Api.SNS.forget(prefix);
        int emails = 0;
        for (int k = 0; k < people; k++) {
            emails += emailsWith(BenchSetup.raiseEmail(run, k), prefix);
        }

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate_per_s", rate);
        m.put("seconds", seconds);
        m.put("raised", slots);
        m.put("accepted", accepted.get());
        m.put("refused", refused.get());
        m.put("pacer_worst_lag_ms", worstLag / 1e6);
        m.put("sms_received", firstSms.size());
        m.put("sms_missing", accepted.get() - firstSms.size());
        m.put("emails_received", emails);
        m.put("raise_answer", Stats.ofNanos(answerNanos));
        m.put("raise_to_send", Stats.ofNanos(latencies));
        return m;
    }

    /** Counts a mailbox's messages whose subject has the token, then drops the mailbox (GreenMail keeps all in memory). */
    private static int emailsWith(String address, String token) {
        try {
            int n = (int) Api.MAIL.inbox(address).stream().filter(m -> m.subject().contains(token)).count();
            Api.MAIL.drop(address);
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fan-out

    /**
     * One CRITICAL incident whose only stage pages the {@code people} fresh fan-out people, each on SMS and email at
     * once. SMS arrival is read from the SNS stand-in's journal (ms); email arrival by polling GreenMail's user list
     * every 100 ms for the run's fresh addresses (a mailbox appears with its first message).
     */
    Map<String, Object> fanOut(int people, int timeoutSeconds) throws Exception {
        String title = "fan-" + run;
        String mailPrefix = "fan-" + run + "-";
        long raisedEpochMs = System.currentTimeMillis();
        long raised = System.nanoTime();
        Api.HTTP.call("POST", ESCALATION + "/api/v1/incidents", integrationToken, "{\"title\":\"" + title
                + "\",\"severity\":\"CRITICAL\",\"incidentType\":\"bench-fanout\",\"source\":\"bench\"}", 201);
        long raiseAnswered = System.nanoTime() - raised;
        long allSmsSeenNanos = -1;
        long allMailSeenNanos = -1;
        int sms = 0;
        int mail = 0;
        long deadline = raised + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while ((allSmsSeenNanos < 0 || allMailSeenNanos < 0) && System.nanoTime() < deadline) {
            if (allSmsSeenNanos < 0) {
                sms = Api.SNS.count(title);
                if (sms >= people) {
                    allSmsSeenNanos = System.nanoTime() - raised;
                }
            }
            if (allMailSeenNanos < 0) {
                mail = Api.MAIL.mailboxes(mailPrefix).size();
                if (mail >= people) {
                    allMailSeenNanos = System.nanoTime() - raised;
                }
            }
            Thread.sleep(100);
        }
        List<SnsStandIn.Sms> received = Api.SNS.containing(title);
        long firstSms = received.stream().mapToLong(SnsStandIn.Sms::loggedAtMillis).min().orElse(-1);
        long lastSms = received.stream().mapToLong(SnsStandIn.Sms::loggedAtMillis).max().orElse(-1);
        List<Long> smsLatency = received.stream().map(s -> (s.loggedAtMillis() - raisedEpochMs) * 1_000_000).toList();
        Set<String> phones = new HashSet<>();
        received.forEach(s -> phones.add(s.phone()));
        Api.SNS.forget(title);
        List<String> mailboxes = Api.MAIL.mailboxes(mailPrefix);
        for (String address : mailboxes) {
            Api.MAIL.drop(address);
        }

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("people", people);
        m.put("messages_expected", people * 2);
        m.put("sms_received", received.size());
        m.put("sms_distinct_people", phones.size());
        m.put("email_mailboxes", mailboxes.size());
        m.put("raise_answer_ms", raiseAnswered / 1e6);
        m.put("first_sms_ms", firstSms < 0 ? null : firstSms - raisedEpochMs);
        m.put("last_sms_ms", lastSms < 0 ? null : lastSms - raisedEpochMs);
        m.put("sms_latency", Stats.ofNanos(smsLatency));
        m.put("all_email_seen_ms", allMailSeenNanos < 0 ? null : allMailSeenNanos / 1e6);
        boolean complete = received.size() >= people && mailboxes.size() >= people && allMailSeenNanos >= 0;
        m.put("complete", complete);
        m.put("all_messages_ms", complete ? Math.max(lastSms - raisedEpochMs, allMailSeenNanos / 1e6) : null);
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ingest

    /** Closed loop: {@code concurrency} requests in flight, each a new trigger with a fresh dedup key. */
    static Map<String, Object> ingest(int seconds, int concurrency, IntFunction<HttpRequest> request,
            Set<Integer> acceptedStatuses) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int n = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            HttpRequest r = request.apply(n++);
            long sent = System.nanoTime();
            pending.add(Api.HTTP.client().sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((a, e) -> {
                latencies.add(System.nanoTime() - sent);
                if (e == null && acceptedStatuses.contains(a.statusCode())) {
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", elapsed);
        m.put("concurrency", concurrency);
        m.put("accepted", accepted.get());
        m.put("refused", refused.get());
        m.put("accepted_per_s", accepted.get() / elapsed);
        m.put("latency", Stats.ofNanos(new ArrayList<>(latencies)));
        return m;
    }

    Map<String, Object> ingestNative(int seconds, int concurrency) throws Exception {
        return ingest(seconds, concurrency, n -> Api.HTTP.request("POST", ESCALATION + "/api/v1/incidents",
                integrationToken, "{\"title\":\"ing-" + run + "-" + n + "\",\"severity\":\"LOW\","
                        + "\"incidentType\":\"bench-ingest\",\"source\":\"bench\",\"dedupKey\":\"ing-" + run + "-" + n
                        + "\"}").build(), Set.of(200, 201));
    }

    Map<String, Object> ingestEventsV2(int seconds, int concurrency) throws Exception {
        return ingest(seconds, concurrency, n -> Api.HTTP.request("POST", ESCALATION + "/v2/enqueue", null,
                "{\"routing_key\":\"" + Api.INTEGRATION_KEY + "\",\"event_action\":\"trigger\",\"dedup_key\":\"ev2-"
                        + run + "-" + n + "\",\"payload\":{\"summary\":\"ev2-" + run + "-" + n
                        + " disk filling up\",\"source\":\"bench\",\"severity\":\"info\"}}").build(), Set.of(202));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Timers

    /**
     * Raises {@code count} silent drill incidents whose first stage escalates after {@code delaySeconds}, nobody
     * acknowledging. Each stage-1 timer's due time is read from escalation's database while it waits; each firing is
     * the {@code IncidentEscalated} event (stage 1 to 2) on muster.incidents.v1, whose envelope time is when the
     * firing transaction ran. Lateness = fired - due; every incident must escalate exactly once.
     */
    Map<String, Object> timers(int count, int delaySeconds, int concurrency) throws Exception {
        Set<String> ours = ConcurrentHashMap.newKeySet();
        Map<String, Instant> due = new ConcurrentHashMap<>();
        Map<String, Instant> fired = new ConcurrentHashMap<>();
        Map<String, Set<String>> firings = new ConcurrentHashMap<>();
        AtomicInteger peakActive = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();

        Thread listener = new Thread(() -> listenForEscalations(fired, firings, stop), "bench-timer-events");
        listener.start();
        Thread.sleep(2_000); // the listener's assignment and seek to the end happen before the first raise
        Thread snapshots = new Thread(() -> snapshotTimers(ours, due, peakActive, stop), "bench-timer-snapshots");
        snapshots.start();

        String prefix = "tmr-" + run + "-";
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String body = "{\"title\":\"" + prefix + i + "\",\"severity\":\"LOW\",\"incidentType\":\"bench-timers\","
                    + "\"source\":\"bench\",\"drill\":true,\"silent\":true}";
            pending.add(Api.HTTP.client().sendAsync(Api.HTTP.request("POST", ESCALATION + "/api/v1/incidents",
                    integrationToken, body).build(), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        try {
                            if (e == null && r.statusCode() == 201) {
                                ours.add(HttpJson.JSON.readTree(r.body()).path("id").asText());
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (Exception parse) {
                            refused.incrementAndGet();
                        } finally {
                            inFlight.release();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(120, TimeUnit.SECONDS);
        double raiseSeconds = (System.nanoTime() - start) / 1e9;
        int firedWhileRaising = (int) ours.stream().filter(fired::containsKey).count();

        // Wait for every timer, then a few seconds more so a second firing would be seen.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(delaySeconds + 180);
        while (System.nanoTime() < deadline && !fired.keySet().containsAll(ours)) {
            Thread.sleep(500);
        }
        Thread.sleep(5_000);
        stop.set(true);
        listener.join(30_000);
        snapshots.join(30_000);

        List<Long> lateness = new ArrayList<>();
        int never = 0;
        int twice = 0;
        int unknownDue = 0;
        for (String id : ours) {
            Set<String> events = firings.getOrDefault(id, Set.of());
            if (events.isEmpty()) {
                never++;
            } else if (events.size() > 1) {
                twice++;
            }
            Instant d = due.get(id);
            Instant f = fired.get(id);
            if (d == null) {
                unknownDue++;
            } else if (f != null) {
                lateness.add(Duration.between(d, f).toNanos());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timers", count);
        m.put("delay_s", delaySeconds);
        m.put("raised", ours.size());
        m.put("refused", refused.get());
        m.put("raise_seconds", raiseSeconds);
        m.put("peak_active_timers", peakActive.get());
        m.put("fired_while_still_raising", firedWhileRaising);
        m.put("fired", ours.size() - never);
        m.put("never_fired", never);
        m.put("fired_more_than_once", twice);
        m.put("due_time_unknown", unknownDue);
        m.put("lateness", Stats.ofNanos(lateness));
        return m;
    }

    private static final Pattern ESCALATED = Pattern.compile("\"type\"\\s*:\\s*\"IncidentEscalated\"");

    private static void listenForEscalations(Map<String, Instant> fired, Map<String, Set<String>> firings,
            AtomicBoolean stop) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = consumer.partitionsFor("muster.incidents.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (!ESCALATED.matcher(r.value()).find()) {
                        continue;
                    }
                    JsonNode event = HttpJson.JSON.readTree(r.value());
                    JsonNode payload = event.path("payload");
                    if (payload.path("fromStage").asInt() != 1 || payload.path("toStage").asInt() != 2) {
                        continue;
                    }
                    String incident = payload.path("incidentId").asText();
                    Instant at = Instant.parse(event.path("occurredAt").asText());
                    fired.merge(incident, at, (a, b) -> a.isBefore(b) ? a : b);
                    firings.computeIfAbsent(incident, k -> ConcurrentHashMap.newKeySet())
                            .add(event.path("eventId").asText());
                }
            }
        } catch (Exception e) {
            System.err.println("timer event listener failed: " + e);
        }
    }

    /* A timer row lives from its incident's raise until it fires (at least the delay): reading the table every
       second sees each one at least once. */
    private static void snapshotTimers(Set<String> ours, Map<String, Instant> due, AtomicInteger peakActive,
            AtomicBoolean stop) {
        try (Connection c = DriverManager.getConnection(POSTGRES + "escalation", "postgres", "");
                Statement s = c.createStatement()) {
            while (!stop.get()) {
                int active = 0;
                try (ResultSet rs = s.executeQuery("SELECT incident_id, due_at FROM escalation_timer WHERE stage = 0")) {
                    while (rs.next()) {
                        String id = rs.getObject(1, UUID.class).toString();
                        due.putIfAbsent(id, rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
                        if (ours.contains(id)) {
                            active++;
                        }
                    }
                }
                peakActive.accumulateAndGet(active, Math::max);
                Thread.sleep(1_000);
            }
        } catch (Exception e) {
            System.err.println("timer snapshots failed: " + e);
        }
    }
}
