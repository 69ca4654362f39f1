package io.muster.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newcomer's first five minutes: raises a critical incident the way a monitoring system would (PagerDuty
 * Events v2 with the demo integration key), then prints, as they happen, the SMS and email pages the stand-ins
 * receive, the escalation when nobody answers, and an acknowledgement made through the email link.
 *
 * <p>Usage: {@code Demo <state-dir> <integration-key> [stage-seconds]}. Exits non-zero if any step does not happen.
 */
public final class Demo {

    static final String DIRECTORY = "http://localhost:8081";
    static final String ESCALATION = "http://localhost:8082";
    static final String SNS = "http://localhost:8091";
    static final String MAIL = "http://localhost:8090";
    static final Pattern ACK_LINK = Pattern.compile("http://localhost:8083/ack/[A-Za-z0-9._~%-]+");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path keys;
    private final String integrationKey;
    private final int stageSeconds;
    private final Map<String, String> whoByAddress = new HashMap<>();
    /** Messages the stand-ins held before this run (an earlier demo's): not part of this story. */
    private final Set<String> seenSms = new HashSet<>();
    private final Set<String> seenMail = new HashSet<>();
    private Instant raisedAt;

    private Demo(Path state, String integrationKey, int stageSeconds) {
        this.keys = state.resolve("keys");
        this.integrationKey = integrationKey;
        this.stageSeconds = stageSeconds;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Demo <state-dir> <integration-key> [stage-seconds]");
            System.exit(2);
        }
        int stage = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        System.exit(new Demo(Path.of(args[0]), args[1], stage).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        String admin = token("muster-admin");
        learnWhoIsWho(admin);
        usePolicy(admin);

        for (JsonNode request : send("GET", SNS + "/__admin/requests", null, null, 200).path("requests")) {
            seenSms.add(request.path("id").asText());
        }
        for (JsonNode user : send("GET", MAIL + "/api/user", null, null, 200)) {
            String email = user.path("email").asText();
            for (JsonNode message : send("GET", MAIL + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "/messages/INBOX", null, null, 200)) {
                seenMail.add(email + "#" + message.path("uid").asText());
            }
        }

        String dedupKey = "siem-demo-" + Instant.now().getEpochSecond();
        say("Raising a critical incident as a SIEM would (PagerDuty Events v2, POST %s/v2/enqueue)", ESCALATION);
        raisedAt = Instant.now();
        JsonNode accepted = send("POST", ESCALATION + "/v2/enqueue", null, """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"Credential stuffing against SSO: 4,000 failed logins a minute",
                            "source":"siem.demo","severity":"critical"}}""".formatted(integrationKey, dedupKey), 202);
        say("  accepted, dedup_key %s", accepted.path("dedup_key").asText());
        String incidentId = findIncident(admin, dedupKey);
        say("  incident %s%n", incidentId);

        Set<String> seenTimeline = new HashSet<>();
        boolean escalated = false;
        boolean acked = false;
        int sms = 0;
        int mail = 0;
        Instant deadline = Instant.now().plusSeconds(stageSeconds * 4L + 90);
        while (Instant.now().isBefore(deadline) && !acked) {
            for (JsonNode entry : send("GET", ESCALATION + "/api/v1/incidents/" + incidentId + "/timeline", admin,
                    null, 200)) {
                if (seenTimeline.add(entry.path("id").asText())) {
                    String kind = entry.path("kind").asText();
                    say("%s timeline  %-14s %s", since(Instant.parse(entry.path("at").asText())), kind,
                            entry.path("detail").asText());
                    escalated |= kind.equals("stage-paged") && !entry.path("detail").asText().startsWith("stage 1 ");
                    acked |= kind.toLowerCase().contains("acknowledged");
                }
            }
            List<JsonNode> requests = iterable(send("GET", SNS + "/__admin/requests", null, null, 200).path("requests"));
            requests.sort(java.util.Comparator.comparingLong(r -> r.path("request").path("loggedDate").asLong()));
            for (JsonNode request : requests) {
                String id = request.path("id").asText();
                String body = request.path("request").path("body").asText();
                // Only this incident's pages: other SMS (e.g. channel verification codes) are not part of the story.
                if (!body.contains("Action=Publish") || !form(body).getOrDefault("Message", "").contains("SSO")
                        || !seenSms.add(id)) {
                    continue;
                }
                Map<String, String> form = form(body);
                String phone = form.getOrDefault("PhoneNumber", "?");
                sms++;
                say("%s SMS       to %s (%s): %s", since(Instant.parse(request.path("request").path("loggedDateString")
                        .asText(Instant.now().toString()))), phone, whoByAddress.getOrDefault(phone, "?"),
                        oneLine(form.getOrDefault("Message", "")));
            }
            for (JsonNode user : send("GET", MAIL + "/api/user", null, null, 200)) {
                String email = user.path("email").asText();
                for (JsonNode message : send("GET", MAIL + "/api/user/" + URLEncoder.encode(email,
                        StandardCharsets.UTF_8) + "/messages/INBOX", null, null, 200)) {
                    if (!seenMail.add(email + "#" + message.path("uid").asText())
                            || !message.path("subject").asText().contains("SSO")) {
                        continue;
                    }
                    mail++;
                    say("%s email     to %s (%s): %s", since(Instant.now()), email,
                            whoByAddress.getOrDefault(email, "?"), message.path("subject").asText());
                    if (escalated && !acked) {
                        acked = acknowledgeByLink(email, message.path("mimeMessage").asText());
                    }
                }
            }
            Thread.sleep(500);
        }
        for (int i = 0; i < 20 && acked; i++) { // let the acknowledgement reach the timeline
            List<JsonNode> entries = iterable(send("GET", ESCALATION + "/api/v1/incidents/" + incidentId
                    + "/timeline", admin, null, 200));
            if (entries.stream().anyMatch(e -> e.path("kind").asText().toLowerCase().contains("acknowledged"))) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.println();
        say("Timeline of incident %s:", incidentId);
        for (JsonNode entry : send("GET", ESCALATION + "/api/v1/incidents/" + incidentId + "/timeline", admin, null,
                200)) {
            say("  %s  %-14s %s", entry.path("at").asText(), entry.path("kind").asText(), entry.path("detail").asText());
        }
        System.out.println();
        say("Where to look:");
        say("  SMS the SNS stand-in received:  %s/__admin/requests", SNS);
        say("  Mailboxes of the SMTP server:   %s/api/user  (messages: /api/user/<email>/messages/INBOX)", MAIL);
        say("  OpenAPI UI of each service:     http://localhost:8081/q/swagger-ui ... http://localhost:8084/q/swagger-ui");
        boolean ok = sms > 0 && mail > 0 && escalated && acked;
        say("%nResult: %d SMS, %d emails, escalation %s, acknowledged by email link %s -> %s", sms, mail,
                escalated ? "seen" : "NOT seen", acked ? "yes" : "NO", ok ? "demo passed" : "demo FAILED");
        return ok;
    }

    /** Phone numbers and emails of the demo people, so pages can be shown by name. */
    private void learnWhoIsWho(String admin) throws Exception {
        JsonNode page = send("GET", DIRECTORY + "/api/v1/people?size=200", admin, null, 200);
        for (JsonNode person : page.path("items")) {
            String name = person.path("displayName").asText() + ", " + String.join("/",
                    iterable(person.path("roles")).stream().map(JsonNode::asText).toList());
            for (JsonNode channel : send("GET", DIRECTORY + "/api/v1/people/" + person.path("id").asText()
                    + "/channels", admin, null, 200)) {
                whoByAddress.put(channel.path("address").asText(), name);
            }
        }
        say("Directory: %d people in the demo organisation", page.path("total").asInt());
    }

    /**
     * A two-stage policy for critical security alerts: the on-call incident commander first, then the incident
     * manager when nobody acknowledges within {@code stageSeconds}.
     */
    private void usePolicy(String admin) throws Exception {
        String policy = """
                {"name":"Demo: commander, then manager","repeats":0,"stages":[
                  {"roles":["incident-commander"],"timeoutSeconds":%d},
                  {"roles":["incident-manager"],"timeoutSeconds":%d}]}""".formatted(stageSeconds, stageSeconds * 2);
        String policyId = null;
        for (JsonNode existing : send("GET", ESCALATION + "/api/v1/escalation-policies", admin, null, 200)) {
            if (existing.path("name").asText().equals("Demo: commander, then manager")) {
                policyId = existing.path("id").asText();
                send("PUT", ESCALATION + "/api/v1/escalation-policies/" + policyId, admin, policy, 200);
            }
        }
        if (policyId == null) {
            policyId = send("POST", ESCALATION + "/api/v1/escalation-policies", admin, policy, 201).path("id").asText();
        }
        String plan = """
                {"incidentType":"security-alert","severity":"CRITICAL","policyId":"%s","rolesToEngage":[]}"""
                .formatted(policyId);
        for (JsonNode existing : send("GET", ESCALATION + "/api/v1/response-plans", admin, null, 200)) {
            if (existing.path("incidentType").asText().equals("security-alert")
                    && existing.path("severity").asText().equals("CRITICAL")) {
                send("PUT", ESCALATION + "/api/v1/response-plans/" + existing.path("id").asText(), admin, plan, 200);
                say("Plan: critical security alerts page the incident commander, then after %ds the incident manager",
                        stageSeconds);
                return;
            }
        }
        send("POST", ESCALATION + "/api/v1/response-plans", admin, plan, 201);
        say("Plan: critical security alerts page the incident commander, then after %ds the incident manager",
                stageSeconds);
    }

    private String findIncident(String token, String dedupKey) throws Exception {
        for (int i = 0; i < 40; i++) {
            for (JsonNode incident : send("GET", ESCALATION + "/api/v1/incidents?limit=50", token, null, 200)) {
                if (dedupKey.equals(incident.path("dedupKey").asText())) {
                    return incident.path("id").asText();
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the incident for dedup key " + dedupKey + " never appeared");
    }

    /** Does what a responder does: opens the link from the email, then presses the button (a POST). */
    private boolean acknowledgeByLink(String email, String mime) throws Exception {
        String decoded = mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher link = ACK_LINK.matcher(decoded);
        if (!link.find()) {
            return false;
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link.group())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create(link.group()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        say("%s ack       %s opened the link from the email (GET %d) and pressed Acknowledge (POST %d)",
                since(Instant.now()), whoByAddress.getOrDefault(email, email), page.statusCode(), ack.statusCode());
        return ack.statusCode() == 200;
    }

    private JsonNode send(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }

    private String token(String role) throws Exception {
        return LocalTokens.mint(keys, "demo-" + role.replace("muster-", "") + "@muster.local", List.of(role), 3_600);
    }

    private String since(Instant at) {
        return String.format("%+6.1fs", Duration.between(raisedAt, at).toMillis() / 1000.0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 110 ? line.substring(0, 107) + "..." : line;
    }

    private static List<JsonNode> iterable(JsonNode node) {
        List<JsonNode> out = new java.util.ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
