package io.muster.bench;

import static io.muster.standin.LocalEndpoints.DIRECTORY;
import static io.muster.standin.LocalEndpoints.ESCALATION;
import static io.muster.standin.LocalEndpoints.KAFKA;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.standin.HttpJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The people, roles, escalation policies and response plans the phases page, created through the products' own
 * APIs. Each phase raises incidents of its own type, so its load goes to bench people only and never to the demo
 * organisation:
 * <ul>
 * <li>{@code bench-raise-<k>} (CRITICAL), k = 0..people-1: one plan, policy, role and person each, so raise i
 * pages person i mod people, SMS first and email second. Critical pages go out on both channels at once and are
 * never held back by the per-person SMS limit; spreading them over several people keeps one person from holding
 * thousands of unacknowledged pages (6-digit ack codes must be unique among them), which no real person does.
 * The people are made fresh for each run.</li>
 * <li>{@code bench-ingest} and the Events v2 key's {@code security-alert} at severity info (LOW): a role nobody
 * holds, so the incident opens, its only stage is skipped and escalation ends; no page is requested. (Paging one
 * person thousands of times with non-critical pages would measure notification's SMS bundling instead.)</li>
 * <li>{@code bench-timers} (LOW, silent drills): stage 1 pages and waits, stage 2 pages; the target is a "sink"
 * person with only an SMS channel, and silent drills record the pages without sending them, so the phase measures
 * the timers and not the providers.</li>
 * <li>{@code bench-fanout} (CRITICAL): a role held by the fan-out people, made fresh for each run.</li>
 * </ul>
 */
final class BenchSetup {

    static final String DIRECTORY_TOPIC = "muster.directory.v1";
    private static final String DOMAIN = "bench.muster.example";

    private final String admin;

    BenchSetup(String adminToken) {
        this.admin = adminToken;
    }

    /** The persistent bench people and every policy and plan except the timers' (which depends on the delay). */
    void prepare() throws Exception {
        role("bench-sink", "Bench: timer sink");
        role("bench-fanout", "Bench: fan-out");
        if (peopleWithRole("bench-sink").isEmpty()) {
            importPeople(List.of(person("bench-sink", "Bench Sink", "bench-sink", "+15550000002", null)));
        }
        // Ingest pages nobody: a role nobody holds, so the stage is skipped and escalation ends at once. The
        // phase measures taking triggers in; paging is what raise-to-send and fan-out measure.
        String unstaffed = policy("bench: ingest (nobody paged)", "bench-unstaffed", 86_400, 0);
        plan("bench-ingest", "LOW", unstaffed);
        // The seeded Events v2 key opens incidents of type security-alert; the bench sends severity info (LOW).
        plan("security-alert", "LOW", unstaffed);
        // A role pages who answers for it (one person per rotation, or the first of its roster); the fan-out pages
        // everyone at the fan-out people's escalation level at once, as a level-based plan does.
        plan("bench-fanout", "CRITICAL", upsertPolicy("bench: fan-out", """
                {"name":"bench: fan-out","repeats":0,"stages":[{"levels":[4],"timeoutSeconds":86400}]}"""));
        waitForDirectoryConsumers(Duration.ofSeconds(120));
    }

    static String raiseRole(int k) {
        return "bench-raise-" + k;
    }

    static String raiseEmail(String run, int k) {
        return "rts-" + run + "-" + k + "@" + DOMAIN;
    }

    /**
     * The raise-to-send people: {@code count} fresh ones (run-unique addresses), person k the only holder of role
     * bench-raise-k, which the CRITICAL plan of incident type bench-raise-k pages.
     */
    void freshRaisePeople(String run, int runNumber, int count) throws Exception {
        List<Map<String, Object>> people = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            role(raiseRole(k), "Bench: raise-to-send target " + k);
            removePeopleWithRole(raiseRole(k));
            plan(raiseRole(k), "CRITICAL", policy("bench: raise to send " + k, raiseRole(k), 86_400, 0));
            people.add(person("rts-" + k, "Bench Raise " + k, raiseRole(k),
                    String.format("+1557%04d%04d", runNumber % 10_000, k), raiseEmail(run, k)));
        }
        importPeople(people);
        waitForDirectoryConsumers(Duration.ofSeconds(180));
    }

    void removeRaisePeople(int count) throws Exception {
        for (int k = 0; k < count; k++) {
            removePeopleWithRole(raiseRole(k));
        }
        waitForDirectoryConsumers(Duration.ofSeconds(180));
    }

    /** Two stages: the first escalates after {@code delaySeconds}, the second waits a day. */
    void timersPlan(int delaySeconds) throws Exception {
        String body = """
                {"name":"bench: timers","repeats":0,"stages":[
                  {"roles":["bench-sink"],"timeoutSeconds":%d},{"roles":["bench-sink"],"timeoutSeconds":86400}]}"""
                .formatted(delaySeconds);
        plan("bench-timers", "LOW", upsertPolicy("bench: timers", body));
    }

    static String email(String run, int i) {
        return "fan-" + run + "-" + i + "@" + DOMAIN;
    }

    /** Replaces the fan-out people with {@code count} fresh ones (run-unique addresses), SMS first, then email. */
    void freshFanOutPeople(String run, int runNumber, int count) throws Exception {
        removeFanOutPeople();
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(person("fan-" + i, "Bench Fan-out " + i, "bench-fanout",
                    String.format("+1556%04d%04d", runNumber % 10_000, i), email(run, i)));
        }
        importPeople(people);
        waitForDirectoryConsumers(Duration.ofSeconds(180));
    }

    void removeFanOutPeople() throws Exception {
        if (removePeopleWithRole("bench-fanout") > 0) {
            waitForDirectoryConsumers(Duration.ofSeconds(180));
        }
    }

    private int removePeopleWithRole(String role) throws Exception {
        List<String> ids = peopleWithRole(role);
        for (String id : ids) {
            Api.HTTP.call("DELETE", DIRECTORY + "/api/v1/people/" + id, admin, null, 204, 200, 404);
        }
        return ids.size();
    }

    private List<String> peopleWithRole(String role) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = Api.HTTP.call("GET", DIRECTORY + "/api/v1/people?size=200&page=" + page + "&role="
                    + URLEncoder.encode(role, StandardCharsets.UTF_8), admin, null, 200);
            found.path("items").forEach(p -> ids.add(p.path("id").asText()));
            if (found.path("items").size() < 200) {
                return ids;
            }
        }
    }

    private static Map<String, Object> person(String ref, String name, String role, String sms, String email) {
        List<Map<String, Object>> channels = new ArrayList<>();
        channels.add(Map.of("type", "SMS", "address", sms, "preference", 1, "verified", true));
        if (email != null) {
            channels.add(Map.of("type", "EMAIL", "address", email, "preference", 2, "verified", true));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ref", ref);
        p.put("displayName", name);
        p.put("department", "Benchmark");
        p.put("timeZone", "UTC");
        p.put("roles", List.of(role));
        p.put("escalationLevel", 4);
        p.put("channels", channels);
        return p;
    }

    private void importPeople(List<Map<String, Object>> people) throws Exception {
        Api.HTTP.call("POST", DIRECTORY + "/api/v1/import", admin, HttpJson.JSON.writeValueAsString(Map.of("people",
                people)), 200, 201);
    }

    private void role(String key, String name) throws Exception {
        if (Api.HTTP.status("GET", DIRECTORY + "/api/v1/roles/" + key, admin, null) == 200) {
            return;
        }
        Api.HTTP.call("POST", DIRECTORY + "/api/v1/roles", admin, """
                {"key":"%s","name":"%s","responsibilities":"Receives the benchmark's pages.",
                 "defaultEscalationLevel":4,"notificationPriority":5}""".formatted(key, name), 201);
    }

    private String policy(String name, String role, int timeoutSeconds, int repeats) throws Exception {
        return upsertPolicy(name, """
                {"name":"%s","repeats":%d,"stages":[{"roles":["%s"],"timeoutSeconds":%d}]}"""
                .formatted(name, repeats, role, timeoutSeconds));
    }

    private String upsertPolicy(String name, String body) throws Exception {
        for (JsonNode existing : Api.HTTP.call("GET", ESCALATION + "/api/v1/escalation-policies", admin, null, 200)) {
            if (existing.path("name").asText().equals(name)) {
                String id = existing.path("id").asText();
                Api.HTTP.call("PUT", ESCALATION + "/api/v1/escalation-policies/" + id, admin, body, 200);
                return id;
            }
        }
        return Api.HTTP.call("POST", ESCALATION + "/api/v1/escalation-policies", admin, body, 201).path("id").asText();
    }

    private void plan(String incidentType, String severity, String policyId) throws Exception {
        String body = """
                {"incidentType":"%s","severity":"%s","policyId":"%s","rolesToEngage":[]}"""
                .formatted(incidentType, severity, policyId);
        for (JsonNode existing : Api.HTTP.call("GET", ESCALATION + "/api/v1/response-plans", admin, null, 200)) {
            if (existing.path("incidentType").asText().equals(incidentType)
                    && existing.path("severity").asText().equals(severity)) {
                Api.HTTP.call("PUT", ESCALATION + "/api/v1/response-plans/" + existing.path("id").asText(), admin,
                        body, 200);
                return;
            }
        }
        Api.HTTP.call("POST", ESCALATION + "/api/v1/response-plans", admin, body, 201);
    }

    /**
     * Waits until the directory's outbox has gone quiet and every consumer group reading the directory topic has
     * caught up, so escalation and notification know the people before the bench pages them.
     */
    static void waitForDirectoryConsumers(Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(DIRECTORY_TOPIC)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(DIRECTORY_TOPIC).partitions().stream()
                    .map(i -> new TopicPartition(DIRECTORY_TOPIC, i.partition())).toList();
            long previousEnd = -1;
            int quiet = 0;
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> end = admin.listOffsets(partitions.stream().collect(Collectors.toMap(
                        tp -> tp, tp -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                long endSum = end.values().stream().mapToLong(Long::longValue).sum();
                boolean caughtUp = true;
                for (String group : List.of("escalation-service", "notification-service")) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                    for (TopicPartition tp : partitions) {
                        OffsetAndMetadata o = committed.get(tp);
                        caughtUp &= end.get(tp) == 0 || (o != null && o.offset() >= end.get(tp));
                    }
                }
                quiet = caughtUp && endSum == previousEnd ? quiet + 1 : 0;
                if (quiet >= 3) { // caught up, and the outbox relay added nothing for about a second
                    return;
                }
                previousEnd = endSum;
                Thread.sleep(400);
            }
        }
        throw new IllegalStateException("directory consumers did not catch up within " + timeout);
    }
}
