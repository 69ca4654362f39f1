package io.muster.local;

import static io.muster.local.LocalRun.oneLine;
import static io.muster.local.LocalRun.say;
import static io.muster.standin.LocalEndpoints.DIRECTORY;
import static io.muster.standin.LocalEndpoints.ESCALATION;
import static io.muster.standin.LocalEndpoints.MAIL;
import static io.muster.standin.LocalEndpoints.SNS;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.standin.MailStandIn;
import io.muster.standin.SnsStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newcomer's first five minutes, on the default plan: shows who a critical security alert pages by role, raises
 * one the way a monitoring system would (PagerDuty Events v2 with the demo integration key), then prints, as they
 * happen, the SMS and email pages the stand-ins receive, the escalation when nobody answers (the stage path to the
 * incident manager, and each required role's own path to its next holder), the acknowledgements made through the
 * email links, and each role's engagement.
 *
 * <p>Usage: {@code Demo <state-dir> <integration-key> [stage-seconds]}. Exits non-zero if any step does not happen.
 */
public final class Demo {

    private final LocalRun local;
    private final String integrationKey;
    private final int stageSeconds;
    private Map<String, String> whoByAddress;
    private Instant raisedAt;

    private Demo(Path state, String integrationKey, int stageSeconds) {
        this.local = new LocalRun(state);
        this.integrationKey = integrationKey;
        this.stageSeconds = stageSeconds;
    }

    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.of(args, "Demo <state-dir> <integration-key> [stage-seconds]");
        System.exit(new Demo(a.path(0), a.text(1), a.number(2, 30)).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        String admin = local.token("muster-admin");
        whoByAddress = local.whoByAddress(admin);
        say("Directory: %d people in the demo organisation",
                local.send("GET", DIRECTORY + "/api/v1/people?size=1", admin, null, 200).path("total").asInt());
        // Earlier versions gave this story a plan of its own; it now runs on the default plan.
        if (local.removePolicyAndItsPlans(admin, "Demo: commander, then manager")) {
            say("Removed the plan an earlier demo made; critical security alerts follow the default plan again");
        }
        try (AutoCloseable restore = local.ackTargetFor(admin, "CRITICAL", stageSeconds)) {
            return story(admin);
        }
    }

    private boolean story(String admin) throws Exception {
        // The default plan, as a security team would read it before the day.
        local.printResponseTeam(admin, "security-alert", "CRITICAL");
        System.out.println();
        // Messages the stand-ins hold from before (an earlier demo's) are not part of this story.
        local.skipWhatIsThere();

        String dedupKey = "siem-demo-" + Instant.now().getEpochSecond();
        say("Raising a critical incident as a SIEM would (PagerDuty Events v2, POST %s/v2/enqueue)", ESCALATION);
        raisedAt = Instant.now();
        JsonNode accepted = local.send("POST", ESCALATION + "/v2/enqueue", null, """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"Credential stuffing against SSO: 4,000 failed logins a minute",
                            "source":"siem.demo","severity":"critical"}}""".formatted(integrationKey, dedupKey), 202);
        say("  accepted, dedup_key %s", accepted.path("dedup_key").asText());
        String incidentId = findIncident(admin, dedupKey);
        say("  incident %s; nobody answers for %d s, then everyone paged answers through their email link%n",
                incidentId, stageSeconds);

        Set<String> seenTimeline = new HashSet<>();
        Map<String, MailStandIn.Mail> unanswered = new LinkedHashMap<>();
        Set<String> answered = new HashSet<>();
        boolean escalated = false;
        boolean acked = false;
        boolean engaged = false;
        int smsCount = 0;
        int mailCount = 0;
        Instant deadline = Instant.now().plusSeconds(stageSeconds * 4L + 90);
        while (Instant.now().isBefore(deadline) && !engaged) {
            for (JsonNode entry : local.send("GET", ESCALATION + "/api/v1/incidents/" + incidentId + "/timeline", admin,
                    null, 200)) {
                if (seenTimeline.add(entry.path("id").asText())) {
                    String kind = entry.path("kind").asText();
                    say("%s timeline  %-14s %s", since(Instant.parse(entry.path("at").asText())), kind,
                            entry.path("detail").asText());
                    escalated |= kind.equals("stage-paged") && !entry.path("detail").asText().startsWith("stage 1 ");
                    acked |= kind.equals("acknowledged");
                    engaged |= kind.equals("engaged");
                }
            }
            // Only this incident's pages: other SMS (e.g. channel verification codes) are not part of the story.
            for (SnsStandIn.Sms sms : local.newSms(text -> text.contains("SSO"))) {
                smsCount++;
                say("%s SMS       to %s (%s): %s", since(sms.at()), sms.phone(),
                        whoByAddress.getOrDefault(sms.phone(), "?"), oneLine(sms.message()));
            }
            for (MailStandIn.Mail mail : local.newMail(subject -> subject.contains("SSO"))) {
                mailCount++;
                say("%s email     to %s (%s): %s", since(Instant.now()), mail.recipient(),
                        whoByAddress.getOrDefault(mail.recipient(), "?"), mail.subject());
                if (!answered.contains(mail.recipient())) {
                    unanswered.putIfAbsent(mail.recipient(), mail);
                }
            }
            if (escalated) {
                for (MailStandIn.Mail mail : List.copyOf(unanswered.values())) {
                    LocalRun.LinkAck ack = local.acknowledgeByLink(mail);
                    unanswered.remove(mail.recipient());
                    if (ack != null) {
                        answered.add(mail.recipient());
                        say("%s ack       %s opened the link from the email (GET %d) and pressed Acknowledge (POST %d)",
                                since(Instant.now()), whoByAddress.getOrDefault(mail.recipient(), mail.recipient()),
                                ack.getStatus(), ack.postStatus());
                    }
                }
            }
            Thread.sleep(500);
        }
        System.out.println();
        say("Timeline of incident %s:", incidentId);
        for (JsonNode entry : local.send("GET", ESCALATION + "/api/v1/incidents/" + incidentId + "/timeline", admin, null,
                200)) {
            say("  %s  %-14s %s", entry.path("at").asText(), entry.path("kind").asText(), entry.path("detail").asText());
        }
        System.out.println();
        JsonNode team = local.printResponders(admin, incidentId);
        System.out.println();
        boolean worked = workThePlan(admin, incidentId);
        System.out.println();
        say("Where to look:");
        say("  SMS the SNS stand-in received:  %s/__admin/requests", SNS);
        say("  Mailboxes of the SMTP server:   %s/api/user  (messages: /api/user/<email>/messages/INBOX)", MAIL);
        say("  OpenAPI UI of each service:     http://localhost:8081/q/swagger-ui ... http://localhost:8084/q/swagger-ui");
        say("  The incident response plan:     %s/api/v1/plan-document?format=html  (with a viewer token)", ESCALATION);
        engaged = team.path("engaged").asBoolean();
        boolean ok = smsCount > 0 && mailCount > 0 && escalated && acked && engaged && worked;
        say("%nResult: %d SMS, %d emails, escalation %s, acknowledged by email link %s, every required role engaged %s,"
                + " playbook, phase and deadline clock %s -> %s", smsCount, mailCount, escalated ? "seen" : "NOT seen",
                acked ? "yes" : "NO", engaged ? "yes" : "NO", worked ? "yes" : "NO",
                ok ? "demo passed" : "demo FAILED");
        return ok;
    }

    /**
     * What the responders do next, by the plan: work the incident's playbook (a step done, the move from detection to
     * analysis), find the alert is a compromise of credentials (a reclassification: that type's playbook applies and
     * the regulator's 72-hour notification clock starts, owned by legal counsel), and brief the stakeholders.
     */
    private boolean workThePlan(String admin, String incidentId) throws Exception {
        String incident = ESCALATION + "/api/v1/incidents/" + incidentId;
        JsonNode playbook = local.send("GET", incident + "/playbook", admin, null, 200);
        say("Playbook for %s (GET %s/playbook): %d steps, phase %s", playbook.path("incidentType").asText(), incident,
                playbook.path("stepsTotal").asInt(), playbook.path("phase").asText());
        String firstStep = null;
        for (JsonNode phase : playbook.path("phases")) {
            for (JsonNode step : phase.path("steps")) {
                if (phase.path("current").asBoolean()) {
                    say("  %-9s %-26s %s", phase.path("phase").asText(), step.path("ownerRole").asText(),
                            step.path("title").asText());
                    firstStep = firstStep == null ? step.path("key").asText() : firstStep;
                }
            }
        }
        if (firstStep == null) {
            say("  the playbook has no step for the phase the incident is in");
            return false;
        }
        local.send("POST", incident + "/playbook/steps/" + firstStep + "/done", admin,
                "{\"note\":\"SIEM alert confirmed against the SSO logs\"}", 200);
        say("Step '%s' done (POST %s/playbook/steps/%s/done)", firstStep, incident, firstStep);
        JsonNode moved = local.send("POST", incident + "/phase", admin, "{\"phase\":\"ANALYZE\"}", 200);
        say("Phase changed to %s (POST %s/phase)", moved.path("phase").asText(), incident);

        JsonNode reclassified = local.send("POST", incident + "/type", admin,
                "{\"incidentType\":\"credential-compromise\"}", 200);
        say("Reclassified as %s (POST %s/type): its playbook and plan apply from now on",
                reclassified.path("incidentType").asText(), incident);
        JsonNode clocks = null;
        for (int i = 0; i < 60 && (clocks == null || clocks.isEmpty()); i++) {
            clocks = local.send("GET", incident + "/clocks", admin, null, 200);
            if (clocks.isEmpty()) {
                Thread.sleep(500);
            }
        }
        for (JsonNode clock : clocks) {
            say("Deadline clock: notify %s (%s) within %d h, by %s; owned by %s, reminded at %s",
                    clock.path("organisation").asText(), clock.path("kind").asText().toLowerCase(),
                    clock.path("deadlineHours").asInt(), clock.path("dueAt").asText(), clock.path("owningRole").asText(),
                    clock.path("nextReminderAt").asText());
        }
        local.send("POST", incident + "/updates", admin, """
                {"audience":"INTERNAL","message":"SSO credential stuffing confirmed; affected accounts being locked. \
                Next update in 30 minutes."}""", 201);
        say("Stakeholder update sent to the plan's stakeholders (POST %s/updates)", incident);
        say("Timeline entries of the plan at work:");
        Set<String> planKinds = Set.of("playbook-step-done", "phase-changed", "reclassified", "deadline-clock-started",
                "stakeholder-update");
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : local.send("GET", incident + "/timeline", admin, null, 200)) {
            String kind = entry.path("kind").asText();
            if (planKinds.contains(kind)) {
                seen.add(kind);
                say("  %s  %-22s %s", entry.path("at").asText(), kind, entry.path("detail").asText());
            }
        }
        return seen.contains("playbook-step-done") && seen.contains("phase-changed") && clocks != null
                && !clocks.isEmpty();
    }

    private String findIncident(String token, String dedupKey) throws Exception {
        for (int i = 0; i < 40; i++) {
            for (JsonNode incident : local.send("GET", ESCALATION + "/api/v1/incidents?limit=50", token, null, 200)) {
                if (dedupKey.equals(incident.path("dedupKey").asText())) {
                    return incident.path("id").asText();
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the incident for dedup key " + dedupKey + " never appeared");
    }

    private String since(Instant at) {
        return String.format("%+6.1fs", Duration.between(raisedAt, at).toMillis() / 1000.0);
    }
}
