package io.muster.system;

import static io.muster.standin.LocalEndpoints.ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeded default plans against the demo organisation: for each severity, the people a raise pages (read back
 * from the incident's responders) are exactly those `response-team` names for that instant, by role, and every
 * role the plan requires has someone on it. A silent drill, so nothing is sent.
 */
class ResponseTeamIT {

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
    }

    @Test
    void eachSeveritysDefaultPlanPagesWhomTheResponseTeamNames() throws Exception {
        String viewer = Suite.token("muster-viewer");
        List<String> lines = new ArrayList<>();
        for (String severity : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
            // A type with no plan of its own falls to the seeded catch-all plan for the severity.
            String type = "st-team-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode team = Muster.ok("GET", ESCALATION + "/api/v1/response-team?incidentType=" + type + "&severity="
                    + severity, viewer, null);
            assertThat(team.path("plan").path("policyName").asText()).as(severity)
                    .isEqualTo("default-" + severity.toLowerCase() + "-by-role");
            Map<String, TreeSet<String>> expected = new TreeMap<>();
            for (JsonNode role : team.path("stages").path(0).path("roles")) {
                for (JsonNode person : role.path("paged")) {
                    expected.computeIfAbsent(person.path("displayName").asText(), k -> new TreeSet<>())
                            .add(role.path("roleKey").asText());
                }
            }
            for (JsonNode person : team.path("stakeholders")) {
                expected.computeIfAbsent(person.path("displayName").asText(), k -> new TreeSet<>())
                        .add(person.path("roleKey").asText() + " (informed)");
            }
            for (JsonNode required : team.path("requiredRoles")) {
                boolean covered = false;
                for (JsonNode role : team.path("stages").path(0).path("roles")) {
                    covered |= role.path("roleKey").asText().equals(required.asText()) && !role.path("paged").isEmpty();
                }
                assertThat(covered).as("%s: required role %s has someone to page in the demo organisation", severity,
                        required.asText()).isTrue();
            }

            String id = Muster.raise("""
                    {"title":"ST response team %s","severity":"%s","incidentType":"%s","drill":true,"silent":true}"""
                    .formatted(severity, severity, type));
            Map<String, TreeSet<String>> paged = new TreeMap<>();
            Muster.await(severity + " pages recorded", Duration.ofSeconds(20), () -> {
                paged.clear();
                for (JsonNode member : Muster.ok("GET", ESCALATION + "/api/v1/incidents/" + id + "/responders",
                        viewer, null).path("members")) {
                    TreeSet<String> roles = paged.computeIfAbsent(member.path("displayName").asText(),
                            k -> new TreeSet<>());
                    member.path("roles").forEach(r -> roles.add(r.asText()
                            + (member.path("notifyOnly").asBoolean() ? " (informed)" : "")));
                }
                return paged.keySet().equals(expected.keySet());
            });
            assertThat(paged).as("%s: paged by role = response-team", severity).isEqualTo(expected);
            Muster.resolve(id);
            lines.add(severity + ": " + paged);
        }
        Summary.record("response team by severity", String.join("; ", lines));
    }
}
