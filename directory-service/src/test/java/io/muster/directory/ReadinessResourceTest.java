package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.addChannel;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.muster.directory.DirectoryApi.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessResourceTest {

    @Inject
    MutableClock clock;

    private static List<Map<String, Object>> findingsAbout(String subjectId) {
        List<Map<String, Object>> findings = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/readiness")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().path("findings");
        return findings.stream().filter(f -> subjectId.equals(f.get("subjectId"))).toList();
    }

    private static List<Object> codes(List<Map<String, Object>> findings) {
        return findings.stream().map(f -> f.get("code")).toList();
    }

    @Test
    void peopleWhoAreUnreviewedOrUnreachableAreFoundUntilFixed() {
        UUID person = createPerson(uniqueName("Stale Person"), "");
        List<Map<String, Object>> findings = findingsAbout(person.toString());
        assertThat(codes(findings)).containsExactlyInAnyOrder("PERSON_NOT_REVIEWED", "PERSON_UNREACHABLE");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.get("severity")).isIn("MEDIUM", "HIGH");
            assertThat((String) f.get("remedy")).isNotBlank();
        });

        verify(person, addChannel(person, "EMAIL", "stale@example.com", 1));
        verify(person, addChannel(person, "SMS", "+447700900888", 2));
        given().header("Authorization", ADMIN).when().post("/api/v1/people/" + person + "/review")
                .then().statusCode(200);
        assertThat(findingsAbout(person.toString())).isEmpty();
    }

    @Test
    void aReviewOlderThanTheReviewPeriodIsAFinding() {
        String old = clock.instant().minus(java.time.Duration.ofDays(91)).toString();
        UUID person = createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":1,"lastReviewedAt":"%s"}
                """.formatted(uniqueName("Old Review"), old));
        assertThat(codes(findingsAbout(person.toString()))).contains("PERSON_NOT_REVIEWED");
    }

    @Test
    void aRoleWithTooFewReachableHoldersIsFound() {
        String role = "r" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"key\":\"%s\",\"name\":\"Thin role\",\"defaultEscalationLevel\":2,\"notificationPriority\":2}"
                        .formatted(role))
                .when().post("/api/v1/roles").then().statusCode(201);
        List<Map<String, Object>> findings = findingsAbout(role);
        // Nobody holds it, so nobody could answer for it now either.
        assertThat(codes(findings)).containsExactlyInAnyOrder("ROLE_UNDERSTAFFED", "ROLE_NOBODY_REACHABLE");
        assertThat(findings).allSatisfy(f -> assertThat(f.get("severity")).isEqualTo("CRITICAL"));

        UUID holder = createPerson(uniqueName("Thin Holder"), "\"" + role + "\"");
        verify(holder, addChannel(holder, "EMAIL", "holder@example.com", 1));
        verify(holder, addChannel(holder, "SMS", "+447700900999", 2));
        findings = findingsAbout(role);
        assertThat(codes(findings)).containsExactly("ROLE_UNDERSTAFFED");
        assertThat(findings.get(0).get("severity")).isEqualTo("HIGH");
        assertThat((String) findings.get(0).get("message")).startsWith("1 reachable person holds this role");
    }

    @Test
    void aRoleNobodyCouldAnswerForNowIsFoundUntilSomeoneReachableHoldsIt() {
        String role = "r" + UUID.randomUUID().toString().substring(0, 8);
        String roleJson = "{\"name\":\"Silent role\",\"defaultEscalationLevel\":2,\"notificationPriority\":2,"
                + "\"escalationContactId\":%s}";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(roleJson.replace("{", "{\"key\":\"" + role + "\",").formatted("null"))
                .when().post("/api/v1/roles").then().statusCode(201);
        UUID holder = createPerson(uniqueName("Silent Holder"), "\"" + role + "\"");
        Map<String, Object> finding = findingsAbout(role).stream()
                .filter(f -> "ROLE_NOBODY_REACHABLE".equals(f.get("code"))).findFirst().orElseThrow();
        assertThat(finding.get("severity")).isEqualTo("CRITICAL");
        assertThat((String) finding.get("message")).contains("(no verified channel that pages)")
                .endsWith("the role has no escalation contact");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String line = metrics.lines()
                .filter(l -> l.startsWith("muster_directory_readiness_findings{code=\"ROLE_NOBODY_REACHABLE\""))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1.0);

        // A reachable escalation contact softens it: pages still reach someone.
        UUID boss = DirectoryApi.createReachablePerson(uniqueName("Silent Boss"), "");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(roleJson.formatted("\"" + boss + "\""))
                .when().put("/api/v1/roles/" + role).then().statusCode(200);
        finding = findingsAbout(role).stream()
                .filter(f -> "ROLE_NOBODY_REACHABLE".equals(f.get("code"))).findFirst().orElseThrow();
        assertThat(finding.get("severity")).isEqualTo("HIGH");
        assertThat((String) finding.get("message")).contains("pages go straight to the escalation contact");

        verify(holder, addChannel(holder, "SMS", "+447700900777", 1));
        assertThat(codes(findingsAbout(role))).doesNotContain("ROLE_NOBODY_REACHABLE");
    }

    @Test
    void aRotationThatStartsInTenDaysHasAGap() {
        UUID member = createPerson(uniqueName("Late Starter"), "\"technical-lead\"");
        String team = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\"}".formatted(uniqueName("Gap team")))
                .when().post("/api/v1/teams").then().statusCode(201).extract().path("id");
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(10).withNano(0);
        String rotation = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"name":"Gap rota","teamId":"%s","roleKey":"technical-lead","timeZone":"UTC",
                         "handoffStart":"%s","shiftUnit":"WEEKS","shiftLength":1,"members":["%s"]}
                        """.formatted(team, start, member))
                .when().post("/api/v1/rotations").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> findings = findingsAbout(rotation);
        assertThat(codes(findings)).containsExactly("ROTATION_GAP");
        assertThat((String) findings.get(0).get("message")).contains("about 240 hours uncovered");
    }

    @Test
    void externalResourcesWithoutAVerifiedContactOrPastReviewAreFound() {
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"kind":"MSSP","organisation":"%s","primaryContact":{"name":"SOC","phone":"+442079460000"},
                         "reviewDueOn":"2020-01-01"}
                        """.formatted(uniqueName("Overdue MSSP")))
                .when().post("/api/v1/external-resources").then().statusCode(201).extract().path("id");
        assertThat(codes(findingsAbout(id)))
                .containsExactlyInAnyOrder("EXTERNAL_CONTACT_UNVERIFIED", "EXTERNAL_REVIEW_OVERDUE");
        given().header("Authorization", ADMIN).when().post("/api/v1/external-resources/" + id + "/contact-verified")
                .then().statusCode(200);
        assertThat(codes(findingsAbout(id))).containsExactly("EXTERNAL_REVIEW_OVERDUE");
    }

    @Test
    void findingsArePrometheusGaugesAndTheReportNeedsAToken() {
        createPerson(uniqueName("Gauge Person"), "");
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/readiness")
                .then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("muster_directory_readiness_findings{code=\"PERSON_UNREACHABLE\"");
        String line = metrics.lines()
                .filter(l -> l.startsWith("muster_directory_readiness_findings{code=\"PERSON_UNREACHABLE\""))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1.0);

        given().when().get("/api/v1/readiness").then().statusCode(401).body(containsString("unauthorized"));
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).when().get("/api/v1/readiness")
                .then().statusCode(403);
    }
}
