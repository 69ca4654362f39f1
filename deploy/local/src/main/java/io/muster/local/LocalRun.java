package io.muster.local;

import static io.muster.standin.LocalEndpoints.DIRECTORY;
import static io.muster.standin.LocalEndpoints.ESCALATION;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.standin.HttpJson;
import io.muster.standin.MailStandIn;
import io.muster.standin.SnsStandIn;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The local run as its users see it from outside: the services' REST APIs with tokens from its Keycloak, and what
 * the stand-ins received (through {@code standin-client}), told as news: each SMS and email once. Shared by
 * {@code muster demo} and {@code muster drill}.
 */
final class LocalRun {

    /** The two requests a responder's browser makes to acknowledge through the email link. */
    record LinkAck(int getStatus, int postStatus) {
    }

    private final HttpJson http = new HttpJson(Duration.ofSeconds(15));
    private final SnsStandIn sns = new SnsStandIn(http);
    private final MailStandIn mail = new MailStandIn(http);
    private final LocalKeycloak keycloak;
    private final Set<String> seenSms = new HashSet<>();
    private final Set<String> seenMail = new HashSet<>();

    LocalRun(Path state) {
        this.keycloak = new LocalKeycloak(state);
    }

    String token(String role) throws Exception {
        return keycloak.token(role);
    }

    JsonNode send(String method, String url, String token, String body, int expected) throws Exception {
        return http.call(method, url, token, body, expected);
    }

    String text(String url, String token) throws Exception {
        return http.text(url, token);
    }

    /** Phone numbers and emails of everyone in the directory, mapped to "name, roles", to show pages by name. */
    Map<String, String> whoByAddress(String admin) throws Exception {
        Map<String, String> who = new HashMap<>();
        JsonNode page = send("GET", DIRECTORY + "/api/v1/people?size=200", admin, null, 200);
        for (JsonNode person : page.path("items")) {
            String name = person.path("displayName").asText() + ", " + String.join("/",
                    list(person.path("roles")).stream().map(JsonNode::asText).toList());
            for (JsonNode channel : send("GET", DIRECTORY + "/api/v1/people/" + person.path("id").asText()
                    + "/channels", admin, null, 200)) {
                who.put(channel.path("address").asText(), name);
            }
        }
        return who;
    }

    /** Everyone in the directory by id, as "name, roles". */
    Map<String, String> namesById(String admin) throws Exception {
        Map<String, String> names = new HashMap<>();
        for (JsonNode person : send("GET", DIRECTORY + "/api/v1/people?size=200", admin, null, 200).path("items")) {
            names.put(person.path("id").asText(), person.path("displayName").asText() + ", " + String.join("/",
                    list(person.path("roles")).stream().map(JsonNode::asText).toList()));
        }
        return names;
    }

    /** Forgets nothing and reports nothing: what the stand-ins hold now is from before and not part of the story. */
    void skipWhatIsThere() throws Exception {
        newSms(m -> true);
        newMail(s -> true);
    }

    /** SMS published since the last look whose text matches, oldest first. */
    List<SnsStandIn.Sms> newSms(Predicate<String> message) throws Exception {
        return sns.published().stream().filter(sms -> seenSms.add(sms.id()) && message.test(sms.message())).toList();
    }

    /** Emails delivered since the last look whose subject matches. */
    List<MailStandIn.Mail> newMail(Predicate<String> subject) throws Exception {
        return mail.all().stream()
                .filter(m -> seenMail.add(m.recipient() + "#" + m.uid()) && subject.test(m.subject())).toList();
    }

    /** Does what a responder does: opens the link from the email, then presses the button (a POST). */
    LinkAck acknowledgeByLink(MailStandIn.Mail mail) throws Exception {
        String link = mail.ackLink();
        if (link == null) {
            return null;
        }
        HttpResponse<String> page = http.client().send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ack = http.client().send(HttpRequest.newBuilder(URI.create(link))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return new LinkAck(page.statusCode(), ack.statusCode());
    }

    /**
     * Deletes the escalation policy named {@code policyName} and the response plans that use it; returns whether there
     * was one.
     */
    boolean removePolicyAndItsPlans(String admin, String policyName) throws Exception {
        String policyId = null;
        for (JsonNode policy : send("GET", ESCALATION + "/api/v1/escalation-policies", admin, null, 200)) {
            if (policy.path("name").asText().equals(policyName)) {
                policyId = policy.path("id").asText();
            }
        }
        if (policyId == null) {
            return false;
        }
        for (JsonNode plan : send("GET", ESCALATION + "/api/v1/response-plans", admin, null, 200)) {
            if (plan.path("policyId").asText().equals(policyId)) {
                send("DELETE", ESCALATION + "/api/v1/response-plans/" + plan.path("id").asText(), admin, null, 204);
            }
        }
        send("DELETE", ESCALATION + "/api/v1/escalation-policies/" + policyId, admin, null, 204);
        return true;
    }

    /**
     * Makes a severity's ack target {@code seconds} until the returned handle is closed, then puts the definition
     * back as it was: the default plans wait the severity's ack target (minutes), too long to watch on a laptop.
     */
    AutoCloseable ackTargetFor(String admin, String severity, int seconds) throws Exception {
        JsonNode original = null;
        for (JsonNode definition : send("GET", ESCALATION + "/api/v1/severities", admin, null, 200)) {
            if (definition.path("severity").asText().equals(severity)) {
                original = definition;
            }
        }
        if (original == null) {
            throw new IllegalStateException("escalation-service has no definition for severity " + severity);
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = ((com.fasterxml.jackson.databind.node.ObjectNode) original)
                .deepCopy();
        body.remove(List.of("severity", "updatedAt"));
        String restore = HttpJson.JSON.writeValueAsString(body);
        int was = original.path("ackTargetSeconds").asInt();
        body.put("ackTargetSeconds", seconds);
        send("PUT", ESCALATION + "/api/v1/severities/" + severity, admin, HttpJson.JSON.writeValueAsString(body), 200);
        say("Severity %s waits %d s for an acknowledgement; %d s while this runs (restored afterwards)", severity, was,
                seconds);
        return () -> send("PUT", ESCALATION + "/api/v1/severities/" + severity, admin, restore, 200);
    }

    /** Prints {@code GET /api/v1/response-team}: who a raise of this type and severity pages, by role. */
    JsonNode printResponseTeam(String token, String incidentType, String severity) throws Exception {
        JsonNode team = send("GET", ESCALATION + "/api/v1/response-team?incidentType=" + incidentType + "&severity="
                + severity, token, null, 200);
        say("Response team for %s / %s (GET %s/api/v1/response-team?incidentType=%s&severity=%s):", incidentType,
                severity, ESCALATION, incidentType, severity);
        say("  plan: policy '%s', stages wait %s; roles that must be engaged: %s",
                team.path("plan").path("policyName").asText("none"),
                list(team.path("stages")).stream().map(st -> st.path("waitSeconds").asText() + " s").toList(),
                list(team.path("requiredRoles")).stream().map(JsonNode::asText).toList());
        for (JsonNode stage : team.path("stages")) {
            for (JsonNode role : stage.path("roles")) {
                say("  stage %d  %-22s %s", stage.path("stage").asInt(), role.path("roleKey").asText()
                        + (role.path("required").asBoolean() ? "*" : ""), people(role.path("paged")));
            }
        }
        for (JsonNode path : team.path("requiredRolePaths")) {
            say("  then     %-22s %s", path.path("roleKey").asText(), people(path.path("next")));
        }
        say("  informed %-22s %s", "(notify only)", people(team.path("stakeholders")));
        for (JsonNode party : team.path("externalParties")) {
            say("  notify   %-22s %s%s, owned by %s: %s", party.path("kind").asText().toLowerCase(),
                    party.path("organisation").asText(), party.hasNonNull("notificationDeadlineHours")
                            ? " within " + party.path("notificationDeadlineHours").asInt() + " h" : "",
                    party.path("owningRoleKey").asText("nobody"), people(party.path("owners")));
        }
        return team;
    }

    private static String people(JsonNode members) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : members) {
            out.add(m.path("displayName").asText("?") + " (" + m.path("reason").asText()
                    + (m.path("reachable").asBoolean() ? "" : ", unreachable: " + m.path("unreachable").asText()) + ")");
        }
        return out.isEmpty() ? "nobody" : String.join(", ", out);
    }

    /** Prints {@code GET /api/v1/incidents/{id}/responders}: each role's engagement and each member's outcome. */
    JsonNode printResponders(String token, String incidentId) throws Exception {
        JsonNode team = send("GET", ESCALATION + "/api/v1/incidents/" + incidentId + "/responders", token, null, 200);
        say("Engagement by role (GET %s/api/v1/incidents/%s/responders): %s", ESCALATION, incidentId,
                team.path("engaged").asBoolean() ? "engaged" : "NOT engaged");
        for (JsonNode role : team.path("roles")) {
            say("  %-22s %-11s %s", role.path("roleKey").asText() + (role.path("required").asBoolean() ? "*" : ""),
                    role.path("status").asText(), role.hasNonNull("engagedByName")
                            ? "by " + role.path("engagedByName").asText() + " at " + role.path("engagedAt").asText()
                            : "");
        }
        for (JsonNode member : team.path("members")) {
            List<String> channels = new ArrayList<>();
            for (JsonNode page : member.path("pages")) {
                for (JsonNode c : page.path("channels")) {
                    channels.add(c.path("channel").asText() + " " + c.path("status").asText());
                }
            }
            say("  %-18s %-34s %s%s", member.path("displayName").asText(), String.join("/",
                    list(member.path("roles")).stream().map(JsonNode::asText).toList())
                    + (member.path("notifyOnly").asBoolean() ? " (informed)" : ""), String.join(", ", channels),
                    member.hasNonNull("acknowledgedAt") ? "; acknowledged " + member.path("acknowledgedHow").asText()
                            : "");
        }
        return team;
    }

    static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 110 ? line.substring(0, 107) + "..." : line;
    }

    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
