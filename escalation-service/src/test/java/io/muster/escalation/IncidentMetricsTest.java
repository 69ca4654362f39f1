package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentMetricsTest {

    @Inject
    MutableClock clock;

    private static String raise(String type, boolean drill) {
        return given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body("{\"title\":\"Leaked key\",\"severity\":\"HIGH\",\"incidentType\":\"" + type
                        + "\",\"drill\":" + drill + "}")
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static void act(String id, String action) {
        // An admin acknowledges any incident; the paging here is not what is measured.
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + id + "/" + action).then().statusCode(200);
    }

    private static double sample(String metrics, String name, String plan) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("plan=\"" + plan + "\"") && m.group(1).contains("severity=\"HIGH\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }

    @Test
    void timeToAcknowledgeAndResolveAreHistogramsPerSeverityAndPlanWithoutDrills() {
        UUID responder = ReplicaFixtures.contact("Metrics Responder", 7);
        String type = EscalationApi.planWithPolicy("HIGH", 0, "[" + EscalationApi.stage(600, responder) + "]", null);
        String real = raise(type, false);
        clock.advance(Duration.ofSeconds(90));
        act(real, "acknowledge");
        clock.advance(Duration.ofSeconds(210));
        act(real, "resolve");

        // A drill of the same type and plan takes far longer and must not move the numbers.
        String drill = raise(type, true);
        clock.advance(Duration.ofHours(3));
        act(drill, "acknowledge");
        act(drill, "resolve");

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String plan = type + "/HIGH";
        // Timestamps are stored to the microsecond, hence "close to".
        assertThat(sample(metrics, "muster_incident_time_to_ack_seconds_count", plan)).isEqualTo(1.0);
        assertThat(sample(metrics, "muster_incident_time_to_ack_seconds_sum", plan)).isCloseTo(90.0, within(0.01));
        assertThat(sample(metrics, "muster_incident_time_to_resolve_seconds_count", plan)).isEqualTo(1.0);
        assertThat(sample(metrics, "muster_incident_time_to_resolve_seconds_sum", plan)).isCloseTo(300.0, within(0.01));
        assertThat(metrics).containsPattern("muster_incident_time_to_ack_seconds_bucket\\{[^}]*plan=\"" + plan + "\"");
    }
}
