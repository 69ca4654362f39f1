package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.muster.escalation.service.IngestThrottle;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A key sending faster than its limit (2 events a second in this profile) gets PagerDuty's 429, and only that key. */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
class EventsThrottleTest {

    private static String newKey() {
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"noisy " + UUID.randomUUID() + "\",\"incidentType\":\"noisy-alert\"}")
                .when().post("/api/v1/integration-keys")
                .then().statusCode(201).extract().path("integrationKey");
    }

    private static Response trigger(String key) {
        return given().contentType(ContentType.JSON).body("""
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"Flapping check","source":"probe-1","severity":"warning"}}"""
                .formatted(key, UUID.randomUUID())).when().post("/v2/enqueue");
    }

    @Test
    void aKeyOverItsLimitIsToldToRetryWhileOtherKeysAreServed() {
        String noisy = newKey();
        String quiet = newKey();
        List<Integer> statuses = new ArrayList<>();
        Response throttled = null;
        for (int i = 0; i < 6 && throttled == null; i++) {
            Response r = trigger(noisy);
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                throttled = r;
            }
        }
        assertThat(statuses).as("the burst allowance is accepted first").startsWith(202, 202);
        assertThat(throttled).as("statuses %s", statuses).isNotNull();
        throttled.then().contentType(ContentType.JSON).header("Retry-After", "1")
                .body("status", equalTo("throttle event"));
        trigger(quiet).then().statusCode(202).body("status", equalTo("success"));
    }

    @Test
    void aBucketRefillsAtTheRateAndHoldsAtMostOneSecondsWorth() {
        var bucket = new IngestThrottle.Bucket(2, 0);
        assertThat(bucket.tryTake(2, 0)).isTrue();
        assertThat(bucket.tryTake(2, 0)).isTrue();
        assertThat(bucket.tryTake(2, 0)).isFalse();
        assertThat(bucket.tryTake(2, 499)).as("half a token").isFalse();
        assertThat(bucket.tryTake(2, 500)).isTrue();
        assertThat(bucket.tryTake(2, 60_000)).isTrue();
        assertThat(bucket.tryTake(2, 60_000)).isTrue();
        assertThat(bucket.tryTake(2, 60_000)).as("a long pause leaves one second's worth, not more").isFalse();
    }
}
