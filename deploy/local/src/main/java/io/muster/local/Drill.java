package io.muster.local;

import static io.muster.local.LocalRun.list;
import static io.muster.local.LocalRun.oneLine;
import static io.muster.local.LocalRun.say;
import static io.muster.standin.LocalEndpoints.ESCALATION;
import static io.muster.standin.LocalEndpoints.GAMEDAY;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.standin.MailStandIn;
import io.muster.standin.SnsStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A game day in miniature, on the default plan: shows who the scenario's incident pages by role, schedules a live
 * drill one minute ahead with the incident commander on call unavailable, waits for it, plays the responders
 * (everyone paged acknowledges through the email link; the unavailable commander's answer does not count, so the
 * commander role's own path must reach the next holder), and prints the scorecard and where the report page is.
 *
 * <p>Usage: {@code Drill <state-dir> [stage-seconds] [lead-seconds]}. Exits non-zero if the drill does not run to a
 * scorecard.
 */
public final class Drill {

    private static final String SCENARIO = "credential-compromise";
    private static final String UNAVAILABLE_ROLE = "incident-commander";
    private static final String LEGACY_POLICY = "Drill: commander, then manager";

    private final LocalRun local;
    private final Path state;
    private final int stageSeconds;
    private final int leadSeconds;
    private Map<String, String> whoByAddress;
    private Map<String, String> names;
    private Instant startedAt;

    private Drill(Path state, int stageSeconds, int leadSeconds) {
        this.local = new LocalRun(state);
        this.state = state;
        this.stageSeconds = stageSeconds;
        this.leadSeconds = leadSeconds;
    }

    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.of(args, "Drill <state-dir> [stage-seconds] [lead-seconds]");
        System.exit(new Drill(a.path(0), a.number(1, 20), a.number(2, 60)).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        String admin = local.token("muster-admin");
        whoByAddress = local.whoByAddress(admin);
        names = local.namesById(admin);
        JsonNode scenario = null;
        for (JsonNode s : local.send("GET", GAMEDAY + "/api/v1/scenarios", admin, null, 200)) {
            if (s.path("slug").asText().equals(SCENARIO)) {
                scenario = s;
            }
        }
        if (scenario == null) {
            throw new IllegalStateException("the seeded scenario " + SCENARIO + " is missing");
        }
        String incidentType = scenario.path("incidentType").asText();
        String severity = scenario.path("severity").asText();
        // Earlier versions gave this story a plan of its own; it now runs on the default plan.
        if (local.removePolicyAndItsPlans(admin, LEGACY_POLICY)) {
            say("Removed the plan an earlier drill made; the scenario follows the default plan again");
        }
        try (AutoCloseable restore = local.ackTargetFor(admin, severity, stageSeconds)) {
            return drill(admin, scenario, incidentType, severity);
        }
    }

    private boolean drill(String admin, JsonNode scenario, String incidentType, String severity) throws Exception {
        JsonNode team = local.printResponseTeam(admin, incidentType, severity);
        JsonNode commander = null;
        for (JsonNode role : team.path("stages").path(0).path("roles")) {
            if (role.path("roleKey").asText().equals(UNAVAILABLE_ROLE) && !role.path("paged").isEmpty()) {
                commander = role.path("paged").path(0);
            }
        }
        if (commander == null) {
            throw new IllegalStateException("the default " + severity + " plan pages no " + UNAVAILABLE_ROLE);
        }
        local.skipWhatIsThere();

        LocalDateTime startsAt = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(leadSeconds).truncatedTo(ChronoUnit.SECONDS);
        JsonNode gameDay = local.send("POST", GAMEDAY + "/api/v1/gamedays", admin, """
                {"scenarioId":"%s","title":"Local drill: %s","startsAt":"%s","timeZone":"UTC",
                 "roles":["%s","security-analyst"],"mode":"LIVE","timeLimitMinutes":5,
                 "faults":{"unavailableContacts":["%s"]}}""".formatted(scenario.path("id").asText(),
                scenario.path("name").asText(), startsAt, UNAVAILABLE_ROLE, commander.path("contactId").asText()), 201);
        String gameDayId = gameDay.path("id").asText();
        say("%nGame day scheduled: \"%s\" at %s UTC (in %d s), live pages marked [DRILL], on the default plan",
                scenario.path("name").asText(), startsAt.toLocalTime(), leadSeconds);
        say("  roles that must acknowledge: %s, security-analyst", UNAVAILABLE_ROLE);
        say("  injected fault: %s, the %s on call, is unavailable (their acknowledgement will not count, so the"
                + " role's own path must reach the next holder)", commander.path("displayName").asText(),
                UNAVAILABLE_ROLE);
        say("  targets: first ack within %ds, every role within %ds", scenario.path("targetFirstAckSeconds").asInt(),
                scenario.path("targetAllRolesSeconds").asInt());

        JsonNode run = waitForStart(admin, gameDayId, startsAt);
        if (run == null) {
            return false;
        }
        String runId = run.path("id").asText();
        String incidentId = run.path("incidentId").asText();
        startedAt = Instant.now();
        String title = local.send("GET", ESCALATION + "/api/v1/incidents/" + incidentId, admin, null, 200)
                .path("title").asText();
        say("%nThe drill started: incident %s \"%s\"", incidentId, title);
        String status = follow(admin, gameDayId, runId, incidentId, title);
        say("%nThe run ended: %s", status);

        JsonNode scorecard = local.send("GET", GAMEDAY + "/api/v1/runs/" + runId + "/scorecard", admin, null, 200);
        printScorecard(scorecard);
        Path reports = Files.createDirectories(state.resolve("reports"));
        Path report = reports.resolve("drill-" + runId + ".html");
        Files.writeString(report, local.text(GAMEDAY + "/api/v1/runs/" + runId + "/report", admin));
        say("%nReport page (HTML with the timeline chart, printable): %s", report);
        say("  from the service: curl -H \"Authorization: Bearer $(deploy/local/muster token muster-viewer)\" %s",
                GAMEDAY + "/api/v1/runs/" + runId + "/report");
        say("  the same data as JSON:       %s", GAMEDAY + "/api/v1/runs/" + runId + "/scorecard");
        boolean ok = status.startsWith("COMPLETED") && scorecard.hasNonNull("readinessScore")
                && !scorecard.path("scorecard").path("escalations").isEmpty();
        say("%nResult: drill %s", ok ? "passed" : "FAILED");
        return ok;
    }

    private JsonNode waitForStart(String admin, String gameDayId, LocalDateTime startsAt) throws Exception {
        Instant due = startsAt.toInstant(ZoneOffset.UTC);
        Instant deadline = due.plusSeconds(60);
        long lastShown = Long.MAX_VALUE;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode run : local.send("GET", GAMEDAY + "/api/v1/gamedays/" + gameDayId, admin, null, 200)
                    .path("runs")) {
                String status = run.path("status").asText();
                if (!status.equals("SCHEDULED") && run.hasNonNull("incidentId")) {
                    return run;
                }
                if (status.equals("FAILED") || status.equals("CANCELLED")) {
                    say("The run %s; see deploy/local/muster logs gameday-service", status.toLowerCase());
                    return null;
                }
            }
            long left = Math.max(0, Duration.between(Instant.now(), due).toSeconds());
            if (left / 10 < lastShown / 10) {
                say("  waiting for the drill to start: %d s", left);
                lastShown = left;
            }
            Thread.sleep(1000);
        }
        say("The drill did not start within a minute of its time; see deploy/local/muster logs gameday-service");
        return null;
    }

    /** Prints pages, the timeline and acknowledgements as they happen, acting as each paged responder once. */
    private String follow(String admin, String gameDayId, String runId, String incidentId, String title)
            throws Exception {
        // The incident's title carries no mark (the drill flag does); pages put their "[DRILL] [SEVERITY]" marks
        // before it, so a page of this drill is one whose text contains the title.
        Set<String> seenTimeline = new HashSet<>();
        Set<String> answered = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(6 * 60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode entry : local.send("GET", ESCALATION + "/api/v1/incidents/" + incidentId + "/timeline",
                    admin, null, 200)) {
                if (seenTimeline.add(entry.path("id").asText())) {
                    say("%s timeline  %-16s %s", since(Instant.parse(entry.path("at").asText())),
                            entry.path("kind").asText(), oneLine(entry.path("detail").asText()));
                }
            }
            for (SnsStandIn.Sms sms : local.newSms(text -> text.contains(title))) {
                say("%s SMS       to %s (%s): %s", since(sms.at()), sms.phone(),
                        whoByAddress.getOrDefault(sms.phone(), "?"), oneLine(sms.message()));
            }
            for (MailStandIn.Mail mail : local.newMail(subject -> subject.contains(title))) {
                String who = whoByAddress.getOrDefault(mail.recipient(), mail.recipient());
                say("%s email     to %s (%s): %s", since(Instant.now()), mail.recipient(), who, mail.subject());
                // Only a page carries an ack link; an inject mail for the same person must not count as their answer.
                if (!answered.contains(mail.recipient())) {
                    LocalRun.LinkAck ack = local.acknowledgeByLink(mail);
                    if (ack != null) {
                        answered.add(mail.recipient());
                        say("%s ack       %s answers through the email link (GET %d, POST %d)", since(Instant.now()),
                                who, ack.getStatus(), ack.postStatus());
                    }
                }
            }
            for (JsonNode run : local.send("GET", GAMEDAY + "/api/v1/gamedays/" + gameDayId, admin, null, 200)
                    .path("runs")) {
                if (run.path("id").asText().equals(runId) && !run.path("status").asText().equals("RUNNING")) {
                    return run.path("status").asText() + (run.hasNonNull("endReason")
                            ? " (" + run.path("endReason").asText() + ")" : "");
                }
            }
            Thread.sleep(1000);
        }
        return "still RUNNING after 6 minutes";
    }

    private void printScorecard(JsonNode run) {
        JsonNode card = run.path("scorecard");
        JsonNode times = card.path("times");
        JsonNode readiness = card.path("readiness");
        say("%nScorecard of \"%s\" (%s)", run.path("title").asText(), run.path("endReason").asText());
        say("  readiness score      %d / 100  (roles acked in time %.0f%%, first ack %.0f%%, delivery %.0f%%, "
                + "roles paged %.0f%%, unreachable penalty %d)", run.path("readinessScore").asInt(),
                100 * readiness.path("rolesAckedWithinTarget").asDouble(), 100 * readiness.path("firstAck").asDouble(),
                100 * readiness.path("delivery").asDouble(), 100 * readiness.path("coverage").asDouble(),
                readiness.path("unreachablePenalty").asInt());
        say("  first page sent      %s", seconds(times.path("firstPageSent")));
        say("  first ack            %s  (target %ds%s)", seconds(times.path("firstAck")),
                times.path("targetFirstAck").asInt(), met(times.path("firstAckMet")));
        say("  every role acked     %s  (target %ds%s)", seconds(times.path("allRolesAcked")),
                times.path("targetAllRoles").asInt(), met(times.path("allRolesMet")));
        say("  roles:");
        for (JsonNode role : list(card.path("roles"))) {
            say("    %-20s %-12s paged %s, acked %s%s", role.path("roleKey").asText(), role.path("outcome").asText(),
                    seconds(role.path("firstPaged")), seconds(role.path("acked")),
                    role.hasNonNull("ackedBy") ? " by " + names.getOrDefault(role.path("ackedBy").asText(), "?")
                            + " (" + role.path("ackMethod").asText() + ")" : "");
        }
        say("  people:");
        for (JsonNode person : list(card.path("people"))) {
            StringBuilder channels = new StringBuilder();
            for (JsonNode c : list(person.path("channels"))) {
                channels.append(channels.isEmpty() ? "" : ", ").append(c.path("channel").asText()).append(' ')
                        .append(c.path("outcome").asText());
            }
            say("    %-24s stage %s, paged %s, %s, acked %s%s", names.getOrDefault(person.path("contactId").asText(), "?"),
                    person.path("stages"), seconds(person.path("firstPaged")), channels, seconds(person.path("acked")),
                    person.hasNonNull("ackNote") ? " (" + person.path("ackNote").asText() + ")" : "");
        }
        for (JsonNode escalation : list(card.path("escalations"))) {
            say("  escalation taken     %s: %s%s -> %s (%s)", seconds(escalation.path("at")),
                    escalation.hasNonNull("roleKey") ? escalation.path("roleKey").asText() + "'s own path, step "
                            : "stage ", escalation.path("fromStage").asText(), escalation.path("toStage").asText(),
                    escalation.path("reason").asText());
        }
        JsonNode counts = card.path("counts");
        long byFault = list(card.path("unreachable")).stream().filter(u -> u.path("drillFault").asBoolean()).count();
        say("  acks ignored by the injected fault: %d; channel failures: %d; people not reached: %d "
                + "(%d of them made unavailable by the fault)", counts.path("acksIgnored").asInt(),
                counts.path("channelFailures").asInt(), card.path("unreachable").size(), byFault);
    }

    private static String seconds(JsonNode value) {
        return value.isNumber() ? "+" + value.asLong() + "s" : "-";
    }

    private static String met(JsonNode value) {
        return value.isBoolean() ? (value.asBoolean() ? ", met" : ", MISSED") : "";
    }

    private String since(Instant at) {
        return String.format("%+6.1fs", Duration.between(startedAt, at).toMillis() / 1000.0);
    }
}
