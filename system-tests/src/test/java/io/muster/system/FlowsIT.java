package io.muster.system;

import static io.muster.standin.LocalEndpoints.ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.standin.MailStandIn;
import io.muster.standin.SnsStandIn;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flows users trust, end to end through the packaged suite: paging and escalation over the REST API, paging
 * while the directory is down, and the PagerDuty and Alertmanager compatible endpoints.
 */
class FlowsIT {

    /** The integration key the local runner seeds (deploy/local/muster DEMO_INTEGRATION_KEY). */
    static final String INTEGRATION_KEY = "5e3d1c0ffee0ddba11c0ffee0ddba11c";
    static final Duration PAGE_WAIT = Duration.ofSeconds(90);
    private static final Pattern PAGED = Pattern.compile("stage 1 \\(pass 1\\) paged (.+?) \\(incident-commander\\)");
    private static final Pattern STAGE_2_WAITS =
            Pattern.compile("stage-paged: stage 2 \\(pass 1\\) .*waits until (\\S+)$");

    static Map<String, Muster.Person> people;

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
        people = Muster.people();
        assertThat(people).hasSizeGreaterThanOrEqualTo(20);
    }

    /**
     * Who is on call as incident commander right now, as escalation resolves it: a silent drill (recorded, never
     * sent) of a one-stage policy shows the name on its timeline.
     */
    static Muster.Person onCallCommander() throws Exception {
        String type = "st-probe-" + shortId();
        Muster.planFor(type, "CRITICAL", "[{\"roles\":[\"incident-commander\"],\"timeoutSeconds\":600}]");
        String id = Muster.raise("""
                {"title":"who is on call","severity":"CRITICAL","incidentType":"%s","drill":true,"silent":true}"""
                .formatted(type));
        String[] name = new String[1];
        Muster.await("the probe drill's first stage", PAGE_WAIT, () -> {
            for (String line : Muster.timeline(id)) {
                Matcher m = PAGED.matcher(line);
                if (m.find()) {
                    name[0] = m.group(1);
                    return true;
                }
            }
            return false;
        });
        Muster.resolve(id);
        return people.values().stream().filter(p -> p.name().equals(name[0])).findFirst().orElseThrow();
    }

    @Test
    void aCriticalIncidentPagesTheCommanderEscalatesToTheBackupAndStopsAtTheEmailAck() throws Exception {
        Muster.Person commander = onCallCommander();
        Muster.Person backup = commander.backupId() != null ? people.get(commander.backupId())
                : people.values().stream().filter(p -> p.roles().contains("incident-commander") && p != commander
                        && p.phone() != null).findFirst().orElseThrow();
        List<Muster.Person> third = people.values().stream().filter(p -> p.level() == 4).toList();
        String type = "st-escalate-" + shortId();
        Muster.planFor(type, "CRITICAL", """
                [{"roles":["incident-commander"],"timeoutSeconds":8},
                 {"contacts":["%s"],"timeoutSeconds":30},
                 {"levels":[4],"timeoutSeconds":600}]""".formatted(backup.id()));
        String title = "ST escalate " + shortId();
        String incident = Muster.raise(title, type, "CRITICAL");

        Muster.await("SMS and email to the on-call commander " + commander.name(), PAGE_WAIT,
                () -> got(commander, title));
        Muster.await("SMS and email to the backup " + backup.name() + " after the first stage timed out",
                PAGE_WAIT, () -> got(backup, title));
        MailStandIn.Mail toBackup = Suite.MAIL.withSubject(title).stream()
                .filter(m -> m.recipient().equals(backup.email())).findFirst().orElseThrow();
        String link = toBackup.ackLink();
        assertThat(link).as("ack link in the backup's email").isNotNull();
        HttpResponse<String> page = Suite.HTTP.client().send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> ack = Suite.HTTP.client().send(HttpRequest.newBuilder(URI.create(link))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).as("ack by link: %s", ack.body()).isEqualTo(200);
        Muster.await("the incident acknowledged", PAGE_WAIT,
                () -> Muster.incident(incident).path("status").asText().equals("ACKNOWLEDGED"));

        // Escalation stopped: the third stage was due when the second stage's wait ended (30 s, room for the
        // delivery and the ack on a loaded machine); watch until well past that.
        Instant stage2Until = Muster.timeline(incident).stream().map(STAGE_2_WAITS::matcher).filter(Matcher::find)
                .map(m -> Instant.parse(m.group(1))).findFirst().orElseThrow();
        assertThat(Instant.now()).as("acknowledged before the second stage's wait ended").isBefore(stage2Until);
        Instant until = stage2Until.plusSeconds(8);
        while (Instant.now().isBefore(until)) {
            assertThat(Muster.timeline(incident)).noneMatch(l -> l.startsWith("stage-paged: stage 3"));
            Thread.sleep(500);
        }
        assertThat(Suite.MAIL.withSubject(title)).extracting(MailStandIn.Mail::recipient)
                .doesNotContainAnyElementsOf(third.stream().map(Muster.Person::email).toList());
        assertThat(Suite.MAIL.withSubject(title)).extracting(MailStandIn.Mail::recipient)
                .containsExactlyInAnyOrder(commander.email(), backup.email());
        assertThat(Suite.SNS.published(title)).filteredOn(SnsStandIn.Sms::delivered).extracting(SnsStandIn.Sms::phone)
                .containsExactlyInAnyOrder(commander.phone(), backup.phone());

        List<String> timeline = Muster.timeline(incident);
        assertThat(String.join("\n", timeline))
                .contains("triggered")
                .containsPattern("stage-paged: stage 1 \\(pass 1\\) paged " + Pattern.quote(commander.name()))
                .contains("stage-timed-out: stage 1")
                .containsPattern("stage-paged: stage 2 \\(pass 1\\) paged " + Pattern.quote(backup.name()))
                .contains("acknowledged; escalation stopped");
        Muster.resolve(incident);
        Summary.record("flow page and escalate", String.format("%s paged (SMS+email), no ack, backup %s paged, "
                + "acked by email link, no stage 3; timeline: %d entries", commander.name(), backup.name(),
                timeline.size()));
    }

    @Test
    void pagesStillGoOutWhileTheDirectoryIsDown() throws Exception {
        Muster.Person commander = onCallCommander();
        String type = "st-outage-" + shortId();
        Muster.planFor(type, "CRITICAL", "[{\"roles\":[\"incident-commander\"],\"timeoutSeconds\":600}]");
        Suite.runner(Duration.ofMinutes(2), "stop", "directory-service");
        String incident;
        String title = "ST directory down " + shortId();
        try {
            assertThat(Muster.ready("directory-service")).as("directory-service is down").isFalse();
            incident = Muster.raise(title, type, "CRITICAL");
            Muster.await("SMS and email to " + commander.name() + " with the directory down", PAGE_WAIT,
                    () -> got(commander, title));
            assertThat(Muster.ready("directory-service")).as("directory-service still down").isFalse();
        } finally {
            Suite.runner("up", Duration.ofMinutes(5));
        }
        assertThat(Muster.ready("directory-service")).isTrue();
        Muster.resolve(incident);
        Summary.record("flow directory outage", "directory-service stopped; " + commander.name()
                + " paged by SMS and email from the replicas; directory started again");
    }

    @Test
    void pagerDutyAndAlertmanagerClientsRaiseDedupeAndResolve() throws Exception {
        // Low-severity security alerts from the demo key page only the on-call commander, by email.
        Muster.planFor("security-alert", "LOW", "[{\"roles\":[\"incident-commander\"],\"timeoutSeconds\":600}]");

        String dedupKey = "srv-db-01/disk-" + shortId();
        String trigger = """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"Disk usage above 90%% on srv-db-01","timestamp":"%s","source":"srv-db-01",
                   "severity":"info","component":"postgres","group":"prod-db","class":"disk",
                   "custom_details":{"free space":"4.2 GiB","mount":"/var/lib/postgresql"}},
                 "client":"Sample Monitoring Service","client_url":"https://monitoring.example.com",
                 "links":[{"href":"https://monitoring.example.com/dash/db","text":"Dashboard"}],
                 "images":[]}""".formatted(INTEGRATION_KEY, dedupKey, Instant.now());
        JsonNode accepted = enqueue(trigger);
        assertThat(accepted.path("status").asText()).isEqualTo("success");
        assertThat(accepted.path("dedup_key").asText()).isEqualTo(dedupKey);
        JsonNode incident = byDedupKey(dedupKey);
        assertThat(incident.path("severity").asText()).isEqualTo("LOW");
        assertThat(incident.path("title").asText()).isEqualTo("Disk usage above 90% on srv-db-01");
        enqueue(trigger);
        JsonNode again = Muster.incident(incident.path("id").asText());
        assertThat(again.path("triggerCount").asInt()).as("the duplicate folded into the incident").isEqualTo(2);
        assertThat(openWithDedupKey(dedupKey)).isEqualTo(1);
        enqueue("""
                {"routing_key":"%s","event_action":"resolve","dedup_key":"%s"}""".formatted(INTEGRATION_KEY, dedupKey));
        Muster.await("the PagerDuty incident resolved", PAGE_WAIT,
                () -> Muster.incident(incident.path("id").asText()).path("status").asText().equals("RESOLVED"));

        String groupKey = "{}/{severity=\"info\"}:{alertname=\"HighErrorRate\", service=\"checkout\"}";
        String firing = alertmanager("firing", groupKey);
        JsonNode opened = webhook(firing);
        assertThat(opened.path("action").asText()).isEqualTo("opened");
        String amDedup = "alertmanager-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((INTEGRATION_KEY + "\n" + groupKey).getBytes(StandardCharsets.UTF_8)));
        JsonNode amIncident = byDedupKey(amDedup);
        assertThat(amIncident.path("id").asText()).isEqualTo(opened.path("incidentId").asText());
        assertThat(amIncident.path("title").asText()).isEqualTo("Checkout error rate above 5%");
        JsonNode repeated = webhook(firing);
        assertThat(repeated.path("action").asText()).isEqualTo("updated");
        assertThat(Muster.incident(amIncident.path("id").asText()).path("triggerCount").asInt()).isEqualTo(2);
        assertThat(openWithDedupKey(amDedup)).isEqualTo(1);
        JsonNode resolved = webhook(alertmanager("resolved", groupKey));
        assertThat(resolved.path("action").asText()).isEqualTo("resolved");
        assertThat(Muster.incident(amIncident.path("id").asText()).path("status").asText()).isEqualTo("RESOLVED");
        Summary.record("flow compatible clients", "PagerDuty Events v2 trigger/duplicate/resolve and Alertmanager "
                + "firing/firing/resolved: 2 incidents raised, 2 duplicates folded, 2 resolved");
    }

    static JsonNode enqueue(String event) throws Exception {
        HttpResponse<String> r = Suite.call("POST", ESCALATION + "/v2/enqueue", null, "application/json", event);
        assertThat(r.statusCode()).as("enqueue: %s", r.body()).isEqualTo(202);
        return Suite.JSON.readTree(r.body());
    }

    static JsonNode webhook(String payload) throws Exception {
        HttpResponse<String> r = Suite.call("POST", ESCALATION + "/api/v1/integrations/alertmanager/"
                + INTEGRATION_KEY, null, "application/json", payload);
        assertThat(r.statusCode()).as("alertmanager webhook: %s", r.body()).isBetween(200, 202);
        return Suite.JSON.readTree(r.body());
    }

    /** What Alertmanager 0.27 POSTs to a webhook receiver for a group of one alert. */
    static String alertmanager(String status, String groupKey) {
        String now = Instant.now().toString();
        return """
                {"receiver":"muster","status":"%1$s",
                 "alerts":[{"status":"%1$s",
                   "labels":{"alertname":"HighErrorRate","service":"checkout","severity":"info","instance":"checkout-7d9f:9090"},
                   "annotations":{"summary":"Checkout error rate above 5%%","description":"5xx ratio 7.3%% over 5m"},
                   "startsAt":"%2$s","endsAt":"%3$s",
                   "generatorURL":"http://prometheus.example.com:9090/graph?g0.expr=rate%%28http_5xx%%5B5m%%5D%%29",
                   "fingerprint":"c6a1e0b2f3d4a5b6"}],
                 "groupLabels":{"alertname":"HighErrorRate","service":"checkout"},
                 "commonLabels":{"alertname":"HighErrorRate","service":"checkout","severity":"info","instance":"checkout-7d9f:9090"},
                 "commonAnnotations":{"summary":"Checkout error rate above 5%%","description":"5xx ratio 7.3%% over 5m"},
                 "externalURL":"http://alertmanager.example.com:9093","version":"4",
                 "groupKey":%5$s,"truncatedAlerts":0}"""
                .formatted(status, now, status.equals("resolved") ? now : "0001-01-01T00:00:00Z",
                        0, Suite.JSON.valueToTree(groupKey).toString());
    }

    static JsonNode byDedupKey(String dedupKey) throws Exception {
        JsonNode[] found = new JsonNode[1];
        Muster.await("the incident with dedup key " + dedupKey, PAGE_WAIT, () -> {
            for (JsonNode i : Muster.ok("GET", ESCALATION + "/api/v1/incidents?incidentType=security-alert"
                    + "&limit=500", Suite.token("muster-viewer"), null)) {
                if (dedupKey.equals(i.path("dedupKey").asText())) {
                    found[0] = i;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    static long openWithDedupKey(String dedupKey) throws Exception {
        long n = 0;
        for (JsonNode i : Muster.ok("GET", ESCALATION + "/api/v1/incidents?incidentType=security-alert"
                + "&limit=500", Suite.token("muster-viewer"), null)) {
            n += dedupKey.equals(i.path("dedupKey").asText()) ? 1 : 0;
        }
        return n;
    }

    /** Whether {@code person} has an email and a delivered SMS for the page titled {@code title}. */
    static boolean got(Muster.Person person, String title) throws Exception {
        boolean mail = Suite.MAIL.withSubject(title).stream().anyMatch(m -> m.recipient().equals(person.email()));
        boolean sms = person.phone() == null || Suite.SNS.published(title).stream()
                .anyMatch(s -> s.delivered() && s.phone().equals(person.phone()));
        return mail && sms;
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
