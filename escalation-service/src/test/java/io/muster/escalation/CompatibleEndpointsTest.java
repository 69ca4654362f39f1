package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.muster.contracts.Severity;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PagerDuty Events API v2 and Alertmanager webhook payloads, shaped as those tools send them. */
@QuarkusTest
class CompatibleEndpointsTest {

    private static String newKey(String type) {
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"monitoring " + UUID.randomUUID() + "\",\"incidentType\":\"" + type + "\"}")
                .when().post("/api/v1/integration-keys")
                .then().statusCode(201).extract().path("integrationKey");
    }

    private static String pagerDutyTrigger(String routingKey, String dedupKey, String severity) {
        return """
                {
                  "payload": {
                    "summary": "DISK at 99%% on machine prod-datapipe03.example.com",
                    "timestamp": "2026-11-24T08:42:58.315+0000",
                    "severity": "%s",
                    "source": "prod-datapipe03.example.com",
                    "component": "mysql",
                    "group": "prod-datapipe",
                    "class": "disk",
                    "custom_details": {"free space": "1%%", "ping time": "1500ms", "load avg": 0.75}
                  },
                  "routing_key": "%s",
                  %s
                  "event_action": "trigger",
                  "client": "Sample Monitoring Service",
                  "client_url": "https://monitoring.example.com",
                  "links": [{"href": "http://pagerduty.example.com", "text": "An example link."}],
                  "images": [{"src": "https://chart.example.com/image.png", "href": "https://example.com/", "alt": "chart"}]
                }
                """.formatted(severity, routingKey, dedupKey == null ? "" : "\"dedup_key\": \"" + dedupKey + "\",");
    }

    private static String pagerDutyAction(String routingKey, String dedupKey, String action) {
        return "{\"routing_key\":\"" + routingKey + "\",\"dedup_key\":\"" + dedupKey + "\",\"event_action\":\""
                + action + "\"}";
    }

    private static Incident byDedupKey(String dedupKey) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>find("dedupKey", dedupKey)
                .firstResult());
    }

    @Test
    void aPagerDutyClientTriggersAcknowledgesAndResolvesByDedupKey() {
        String key = newKey("disk-full");
        String dedup = "srv01/mysql-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(pagerDutyTrigger(key, dedup, "critical"))
                .when().post("/v2/enqueue")
                .then().statusCode(202)
                .body("status", equalTo("success")).body("message", equalTo("Event processed"))
                .body("dedup_key", equalTo(dedup));
        Incident opened = byDedupKey(dedup);
        assertThat(opened.severity).isEqualTo(Severity.CRITICAL);
        assertThat(opened.incidentType).isEqualTo("disk-full");
        assertThat(opened.source).isEqualTo("prod-datapipe03.example.com");
        assertThat(opened.title).startsWith("DISK at 99%");

        // The same alert again folds into the open incident.
        given().contentType(ContentType.JSON).body(pagerDutyTrigger(key, dedup, "critical"))
                .when().post("/v2/enqueue").then().statusCode(202).body("dedup_key", equalTo(dedup));
        assertThat(byDedupKey(dedup).triggerCount).isEqualTo(2);

        given().contentType(ContentType.JSON).body(pagerDutyAction(key, dedup, "acknowledge"))
                .when().post("/v2/enqueue").then().statusCode(202).body("dedup_key", equalTo(dedup));
        assertThat(byDedupKey(dedup).status).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        given().contentType(ContentType.JSON).body(pagerDutyAction(key, dedup, "resolve"))
                .when().post("/v2/enqueue").then().statusCode(202);
        assertThat(byDedupKey(dedup).status).isEqualTo(IncidentStatus.RESOLVED);
        // Like PagerDuty, a resolve for a key with nothing open is accepted and changes nothing.
        given().contentType(ContentType.JSON).body(pagerDutyAction(key, dedup, "resolve"))
                .when().post("/v2/enqueue").then().statusCode(202);
    }

    @Test
    void pagerDutySeveritiesMapOntoMusterSeveritiesAndAMissingDedupKeyIsGenerated() {
        String key = newKey("pd-mapping");
        String[][] mapping = { { "critical", "CRITICAL" }, { "error", "HIGH" }, { "warning", "MEDIUM" },
                { "info", "LOW" } };
        for (String[] pair : mapping) {
            String dedup = "map-" + UUID.randomUUID();
            given().contentType(ContentType.JSON).body(pagerDutyTrigger(key, dedup, pair[0]))
                    .when().post("/v2/enqueue").then().statusCode(202);
            assertThat(byDedupKey(dedup).severity.name()).isEqualTo(pair[1]);
        }
        String generated = given().contentType(ContentType.JSON).body(pagerDutyTrigger(key, null, "info"))
                .when().post("/v2/enqueue").then().statusCode(202).body("dedup_key", notNullValue())
                .extract().path("dedup_key");
        assertThat(byDedupKey(generated)).isNotNull();
    }

    @Test
    void invalidPagerDutyEventsGetPagerDutysErrorShapeAndChangeNothing() {
        String key = newKey("pd-invalid");
        given().contentType(ContentType.JSON).body(pagerDutyTrigger("tooshort", "x-" + UUID.randomUUID(), "critical"))
                .when().post("/v2/enqueue")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo("invalid event")).body("message", equalTo("Event object is invalid"))
                .body("errors", contains("Length of 'routing_key' is incorrect (should be 32 characters)"));
        String unsure = "bad-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(pagerDutyTrigger(key, unsure, "fatal"))
                .when().post("/v2/enqueue")
                .then().statusCode(400)
                .body("errors", contains("'payload.severity' is invalid (must be one of critical, error, warning, info)"));
        assertThat(byDedupKey(unsure)).isNull();
        given().contentType(ContentType.JSON)
                .body("{\"routing_key\":\"" + key + "\",\"event_action\":\"acknowledge\"}")
                .when().post("/v2/enqueue")
                .then().statusCode(400).body("status", equalTo("invalid event"))
                .body("errors", contains("'dedup_key' is missing or blank (required for acknowledge events)"));
        given().contentType(ContentType.JSON)
                .body(pagerDutyTrigger(key, "long", "info").replace("DISK at 99%", "x".repeat(1_025)))
                .when().post("/v2/enqueue")
                .then().statusCode(400).body("errors", hasItem("'payload.summary' is too long (maximum is 1024 characters)"));
        given().contentType(ContentType.JSON)
                .body("{\"routing_key\":\"" + key + "\",\"event_action\":\"snooze\",\"dedup_key\":\"a\"}")
                .when().post("/v2/enqueue")
                .then().statusCode(400).body("errors", hasSize(1));
        given().contentType(ContentType.JSON).body("{not json").when().post("/v2/enqueue")
                .then().statusCode(400).body("status", equalTo("invalid event"));
        given().contentType(ContentType.JSON)
                .body(pagerDutyTrigger("0123456789abcdef0123456789abcdef", "k-" + UUID.randomUUID(), "info"))
                .when().post("/v2/enqueue")
                .then().statusCode(400).body("errors", contains("Invalid routing key"));
    }

    private static String alertmanager(String status, String groupKey, String alertStatus) {
        return """
                {
                  "version": "4",
                  "groupKey": "%s",
                  "truncatedAlerts": 0,
                  "status": "%s",
                  "receiver": "muster",
                  "groupLabels": {"alertname": "SSHBruteForce"},
                  "commonLabels": {"alertname": "SSHBruteForce", "severity": "critical", "job": "node"},
                  "commonAnnotations": {"summary": "SSH brute force against bastion-1",
                                        "description": "More than 500 failed logins in 5 minutes"},
                  "externalURL": "http://alertmanager.example.com:9093",
                  "alerts": [
                    {
                      "status": "%s",
                      "labels": {"alertname": "SSHBruteForce", "severity": "critical", "instance": "bastion-1:9100"},
                      "annotations": {"summary": "SSH brute force against bastion-1"},
                      "startsAt": "2026-11-24T09:00:00.000Z",
                      "endsAt": "0001-01-01T00:00:00Z",
                      "generatorURL": "http://prometheus.example.com:9090/graph?g0.expr=rate%%28sshd_failed%%5B5m%%5D%%29",
                      "fingerprint": "6e8f1c2a9b3d4e5f"
                    }
                  ]
                }
                """.formatted(groupKey.replace("\"", "\\\""), status, alertStatus);
    }

    @Test
    void alertmanagerFiringOpensOneIncidentPerGroupAndResolvedResolvesIt() {
        String key = newKey("intrusion");
        String groupKey = "{}/{severity=\"critical\"}:{alertname=\"SSHBruteForce\",run=\"" + UUID.randomUUID() + "\"}";
        String url = "/api/v1/integrations/alertmanager/" + key;
        String id = given().contentType(ContentType.JSON).body(alertmanager("firing", groupKey, "firing"))
                .when().post(url).then().statusCode(200).body("action", equalTo("opened"))
                .extract().path("incidentId");
        given().contentType(ContentType.JSON).body(alertmanager("firing", groupKey, "firing"))
                .when().post(url).then().statusCode(200).body("action", equalTo("updated"))
                .body("incidentId", equalTo(id));
        Incident incident = EscalationApi.incident(UUID.fromString(id));
        assertThat(incident.title).isEqualTo("SSH brute force against bastion-1");
        assertThat(incident.severity).isEqualTo(Severity.CRITICAL);
        assertThat(incident.incidentType).isEqualTo("intrusion");
        assertThat(incident.triggerCount).isEqualTo(2);
        assertThat(incident.summary).contains("More than 500 failed logins").contains("bastion-1:9100");

        // Another group is another incident.
        String other = given().contentType(ContentType.JSON)
                .body(alertmanager("firing", groupKey + "-other", "firing"))
                .when().post(url).then().statusCode(200).extract().path("incidentId");
        assertThat(other).isNotEqualTo(id);

        given().contentType(ContentType.JSON).body(alertmanager("resolved", groupKey, "resolved"))
                .when().post(url).then().statusCode(200).body("action", equalTo("resolved"))
                .body("incidentId", equalTo(id));
        assertThat(EscalationApi.incident(UUID.fromString(id)).status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(EscalationApi.incident(UUID.fromString(other)).status).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void alertmanagerCallsWithUnknownKeysOrBadPayloadsAreRefused() {
        String key = newKey("am-invalid");
        given().contentType(ContentType.JSON).body(alertmanager("firing", "{}:{a=\"b\"}", "firing"))
                .when().post("/api/v1/integrations/alertmanager/0123456789abcdef0123456789abcdef")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(alertmanager("firing", "{}:{a=\"b\"}", "firing").replace("\"version\": \"4\"", "\"version\": \"3\""))
                .when().post("/api/v1/integrations/alertmanager/" + key)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("version"));
        given().contentType(ContentType.JSON)
                .body(alertmanager("exploding", "{}:{a=\"b\"}", "firing"))
                .when().post("/api/v1/integrations/alertmanager/" + key)
                .then().statusCode(400).body("errors.field", contains("status"));
        given().contentType(ContentType.JSON).body(alertmanager("firing", "", "firing"))
                .when().post("/api/v1/integrations/alertmanager/" + key)
                .then().statusCode(400).body("errors.field", contains("groupKey"));
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/integrations/alertmanager/" + key)
                .then().statusCode(400).body("errors.field", contains("body"));
    }

    @Test
    void theConfiguredSeedKeyExistsAtStartAndOpensSecurityAlerts() {
        String seeded = "5e3d1c0ffee0ddba11c0ffee0ddba11c";
        String dedup = "seeded-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(pagerDutyTrigger(seeded, dedup, "warning"))
                .when().post("/v2/enqueue").then().statusCode(202);
        assertThat(byDedupKey(dedup).incidentType).isEqualTo("security-alert");
        assertThat(byDedupKey(dedup).createdBy).isEqualTo("integration:seeded");
    }

    @Test
    void onlyAdminsManageIntegrationKeys() {
        given().contentType(ContentType.JSON).body("{\"name\":\"n\",\"incidentType\":\"x\"}")
                .when().post("/api/v1/integration-keys").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body("{\"name\":\"n\",\"incidentType\":\"x\"}")
                .when().post("/api/v1/integration-keys").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).when().get("/api/v1/integration-keys")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"incidentType\":\"Not Valid\"}")
                .when().post("/api/v1/integration-keys")
                .then().statusCode(400).body("errors.field", contains("incidentType", "name"));
        String key = newKey("revoked");
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().get("/api/v1/integration-keys")
                .then().statusCode(200).body("integrationKey", hasItem(key));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().delete("/api/v1/integration-keys/" + key)
                .then().statusCode(204);
        given().contentType(ContentType.JSON).body(pagerDutyTrigger(key, "after-revoke-" + UUID.randomUUID(), "info"))
                .when().post("/v2/enqueue").then().statusCode(400).body("errors", contains("Invalid routing key"));
        assertThat(List.of(key.length())).containsExactly(32);
    }
}
