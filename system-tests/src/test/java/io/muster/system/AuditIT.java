package io.muster.system;

import static io.muster.standin.LocalEndpoints.DIRECTORY;
import static io.muster.standin.LocalEndpoints.ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every service keeps an audit log of the changes made through its API, readable by admins only at the same
 * endpoint in the same shape. Changes made here are undone again, so the tests after this one find the suite as
 * they expect it; the summary counts each service's entries once every test has run.
 */
class AuditIT {

    static final String ACTOR = "admin@system.test";

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
        Summary.recordAtEnd("audit entries per service", AuditIT::entriesPerService);
    }

    static JsonNode audit(String service, String query) throws Exception {
        return Muster.ok("GET", Suite.url(service, "/api/v1/audit" + query), Suite.token("muster-admin"), null);
    }

    /** How many entries each service holds, read page by page through its audit endpoint. */
    static String entriesPerService() throws Exception {
        List<String> counts = new ArrayList<>();
        for (String service : Suite.SERVICES.keySet().stream().sorted().toList()) {
            long total = 0;
            for (int page = 0; ; page++) {
                int size = audit(service, "?size=500&page=" + page).size();
                total += size;
                if (size < 500) {
                    break;
                }
            }
            counts.add(service + " " + total);
        }
        return String.join(", ", counts);
    }

    @Test
    void onlyAdminsReadAnyServicesAuditLog() throws Exception {
        for (String service : Suite.SERVICES.keySet()) {
            for (String role : List.of("muster-viewer", "muster-responder", "muster-integration", "muster-gameday")) {
                HttpResponse<String> r = Suite.call("GET", Suite.url(service, "/api/v1/audit"), Suite.token(role),
                        null, null);
                assertThat(r.statusCode()).as("%s as %s", service, role).isEqualTo(403);
            }
            assertThat(audit(service, "?size=1").isArray()).as(service).isTrue();
        }
    }

    @Test
    void changesInEveryServiceAreAuditedWithWhoAndBeforeAndAfter() throws Exception {
        String admin = Suite.token("muster-admin");

        // Escalation: a policy created, renamed and deleted; a second one by a taken name is refused.
        String name = "audited policy " + UUID.randomUUID();
        String stages = "[{\"roles\":[\"incident-commander\"],\"timeoutSeconds\":300}]";
        String policyId = Muster.ok("POST", ESCALATION + "/api/v1/escalation-policies", admin,
                "{\"name\":\"%s\",\"repeats\":0,\"stages\":%s}".formatted(name, stages)).path("id").asText();
        Muster.ok("PUT", ESCALATION + "/api/v1/escalation-policies/" + policyId, admin,
                "{\"name\":\"%s (renamed)\",\"repeats\":1,\"stages\":%s}".formatted(name, stages));
        int entries = audit("escalation-service", "?actor=" + ACTOR + "&size=500").size();
        HttpResponse<String> taken = Suite.call("POST", ESCALATION + "/api/v1/escalation-policies", admin,
                "application/json", "{\"name\":\"%s (renamed)\",\"repeats\":0,\"stages\":%s}".formatted(name, stages));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(audit("escalation-service", "?actor=" + ACTOR + "&size=500").size()).isEqualTo(entries);
        Muster.ok("DELETE", ESCALATION + "/api/v1/escalation-policies/" + policyId, admin, null);
        JsonNode policy = audit("escalation-service", "?entityType=escalation-policy&entityId=" + policyId);
        assertThat(policy.findValuesAsText("action")).containsExactly("deleted", "updated", "created");
        assertThat(policy.findValuesAsText("actor")).containsOnly(ACTOR);
        assertThat(policy.get(1).path("before").path("name").asText()).isEqualTo(name);
        assertThat(policy.get(1).path("after").path("name").asText()).isEqualTo(name + " (renamed)");

        // Game days: a seeded scenario described anew, then put back as it was.
        JsonNode scenario = Muster.ok("GET", "http://localhost:8084/api/v1/scenarios", admin, null).get(0);
        String scenarioId = scenario.path("id").asText();
        ObjectNode original = scenario.deepCopy();
        original.remove(List.of("id", "updatedAt"));
        ObjectNode changed = original.deepCopy();
        changed.put("description", original.path("description").asText() + " (audited)");
        Muster.ok("PUT", "http://localhost:8084/api/v1/scenarios/" + scenarioId, admin, changed.toString());
        Muster.ok("PUT", "http://localhost:8084/api/v1/scenarios/" + scenarioId, admin, original.toString());
        JsonNode scenarioTrail = audit("gameday-service", "?entityType=scenario&entityId=" + scenarioId
                + "&actor=" + ACTOR + "&size=2");
        assertThat(scenarioTrail.findValuesAsText("action")).containsExactly("updated", "updated");
        assertThat(scenarioTrail.get(1).path("after").path("description").asText()).endsWith(" (audited)");
        assertThat(scenarioTrail.get(0).path("after").path("description").asText())
                .isEqualTo(original.path("description").asText());

        // Directory: a team created and deleted.
        String teamName = "Audited team " + UUID.randomUUID();
        String teamId = Muster.ok("POST", DIRECTORY + "/api/v1/teams", admin,
                "{\"name\":\"%s\"}".formatted(teamName)).path("id").asText();
        Muster.ok("DELETE", DIRECTORY + "/api/v1/teams/" + teamId, admin, null);
        JsonNode team = audit("directory-service", "?entityType=team&entityId=" + teamId);
        assertThat(team.findValuesAsText("action")).containsExactly("deleted", "created");
        assertThat(team.get(1).path("after").path("name").asText()).isEqualTo(teamName);
        assertThat(team.get(0).path("before").path("name").asText()).isEqualTo(teamName);

        Summary.record("audit", "policy created, renamed, refused by a taken name, deleted: " + policy.size()
                + " escalation entries; scenario changed and restored: " + scenarioTrail.size()
                + " gameday entries; team created and deleted: " + team.size() + " directory entries; "
                + "viewers, responders, integrations and game days refused on all four services");
    }

    @Test
    void thePlanDocumentsBackupChannelsAreAuditedFromCreationToDeletion() throws Exception {
        String admin = Suite.token("muster-admin");
        String name = "Audited bridge " + UUID.randomUUID();
        String url = ESCALATION + "/api/v1/plan-document/backup-channels";
        String id = Muster.ok("POST", url, admin, "{\"name\":\"%s\",\"kind\":\"PHONE_BRIDGE\",\"howToJoin\":\"Dial +44 20 7946 0001\"}"
                .formatted(name)).path("id").asText();
        Muster.ok("POST", url + "/" + id + "/tested", admin, null);
        Muster.ok("DELETE", url + "/" + id, admin, null);
        JsonNode trail = audit("escalation-service", "?entityType=backup-channel&entityId=" + id);
        assertThat(trail.findValuesAsText("action")).containsExactly("deleted", "tested", "created");
        assertThat(trail.findValuesAsText("actor")).containsOnly(ACTOR);
        assertThat(trail.get(2).path("after").path("howToJoin").asText()).isEqualTo("Dial +44 20 7946 0001");
        assertThat(trail.get(1).path("after").path("lastTestedBy").asText()).isEqualTo(ACTOR);
        assertThat(trail.get(0).path("before").path("name").asText()).isEqualTo(name);
    }
}
