package io.muster.system;

import static io.muster.standin.LocalEndpoints.DIRECTORY;
import static io.muster.standin.LocalEndpoints.ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The suite's public API as the system tests use it: the directory's people, escalation's incidents and plans. */
final class Muster {

    private Muster() {
    }

    /** A person of the directory with the addresses pages go to ({@code phone} null without an SMS channel). */
    record Person(String id, String name, List<String> roles, int level, String backupId, String email,
            String phone) {
    }

    /** Everyone in the directory, by id. */
    static Map<String, Person> people() throws Exception {
        String admin = Suite.token("muster-admin");
        Map<String, Person> out = new LinkedHashMap<>();
        for (JsonNode p : ok("GET", DIRECTORY + "/api/v1/people?size=200", admin, null).path("items")) {
            String email = null;
            String phone = null;
            for (JsonNode c : ok("GET", DIRECTORY + "/api/v1/people/" + p.path("id").asText() + "/channels", admin,
                    null)) {
                if (!c.path("verified").asBoolean(true)) {
                    continue; // unverified channels are never paged
                }
                if (c.path("type").asText().equals("EMAIL") && email == null) {
                    email = c.path("address").asText();
                } else if (c.path("type").asText().equals("SMS") && phone == null) {
                    phone = c.path("address").asText();
                }
            }
            List<String> roles = new ArrayList<>();
            p.path("roles").forEach(r -> roles.add(r.asText()));
            out.put(p.path("id").asText(), new Person(p.path("id").asText(), p.path("displayName").asText(), roles,
                    p.path("escalationLevel").asInt(), p.path("backupContactId").asText(null), email, phone));
        }
        return out;
    }

    /**
     * Creates an escalation policy and the response plan that sends incidents of {@code incidentType} and
     * {@code severity} to it; {@code stages} is the policy's JSON stage list. Returns the policy id.
     */
    static String planFor(String incidentType, String severity, String stages) throws Exception {
        String admin = Suite.token("muster-admin");
        String policyId = ok("POST", ESCALATION + "/api/v1/escalation-policies", admin, """
                {"name":"system test %s","repeats":0,"stages":%s}""".formatted(incidentType, stages))
                .path("id").asText();
        ok("POST", ESCALATION + "/api/v1/response-plans", admin, """
                {"incidentType":"%s","severity":"%s","policyId":"%s","rolesToEngage":[]}"""
                .formatted(incidentType, severity, policyId));
        return policyId;
    }

    /** Raises an incident over REST as a responder would; returns its id. */
    static String raise(String title, String incidentType, String severity) throws Exception {
        return raise("""
                {"title":"%s","summary":"raised by the system tests","severity":"%s","incidentType":"%s",
                 "source":"system-tests"}""".formatted(title, severity, incidentType));
    }

    static String raise(String body) throws Exception {
        HttpResponse<String> r = Suite.call("POST", ESCALATION + "/api/v1/incidents", Suite.token("muster-responder"),
                "application/json", body);
        assertThat(r.statusCode()).as("raise: %s", r.body()).isIn(200, 201);
        return Suite.JSON.readTree(r.body()).path("id").asText();
    }

    static JsonNode incident(String id) throws Exception {
        return ok("GET", ESCALATION + "/api/v1/incidents/" + id, Suite.token("muster-viewer"), null);
    }

    /** The incident's timeline as {@code kind: detail} lines, oldest first. */
    static List<String> timeline(String id) throws Exception {
        return timeline(ESCALATION, id);
    }

    /** As {@link #timeline(String)}, read from the escalation-service instance at {@code escalation}. */
    static List<String> timeline(String escalation, String id) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode e : ok("GET", escalation + "/api/v1/incidents/" + id + "/timeline", Suite.token("muster-viewer"),
                null)) {
            out.add(e.path("kind").asText() + ": " + e.path("detail").asText());
        }
        return out;
    }

    static void resolve(String id) throws Exception {
        resolve(ESCALATION, id);
    }

    /** Resolves through the escalation-service instance at {@code escalation}; one already resolved is fine. */
    static void resolve(String escalation, String id) throws Exception {
        HttpResponse<String> r = Suite.call("POST", escalation + "/api/v1/incidents/" + id + "/resolve",
                Suite.token("muster-responder"), "application/json", "{}");
        assertThat(r.statusCode()).as("resolve: %s", r.body()).isIn(200, 409);
    }

    static JsonNode ok(String method, String url, String token, String body) throws Exception {
        HttpResponse<String> r = Suite.call(method, url, token, body == null ? null : "application/json", body);
        assertThat(r.statusCode()).as("%s %s: %s", method, url, r.body()).isBetween(200, 299);
        return r.body().isBlank() ? Suite.JSON.createObjectNode() : Suite.JSON.readTree(r.body());
    }

    /** Whether a service says it is ready ({@code /q/health/ready} answers 200). */
    static boolean ready(String service) {
        try {
            return Suite.call("GET", Suite.url(service, "/q/health/ready"), null, null, null).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Polls {@code condition} every 250 ms until it holds; fails with {@code what} after {@code timeout}. Errors
     * thrown by the condition count as "not yet" (a service may be restarting) and the last one is reported.
     */
    static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        await(what, timeout, Duration.ofMillis(250), condition);
    }

    /** As {@link #await(String, Duration, Callable)}, polling every {@code every} (for conditions costly to check). */
    static void await(String what, Duration timeout, Duration every, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                last = e instanceof Exception ex ? ex : new Exception(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting for " + what
                        + (last == null ? "" : " (last error: " + last + ")"));
            }
            Thread.sleep(every.toMillis());
        }
    }
}
