package io.muster.escalation.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.muster.escalation.EscalationApi;
import io.muster.escalation.OwnSettingsProfile;
import io.muster.escalation.ReplicaFixtures;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
class AwsIncidentMirrorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static UUID raise(String type, String title) {
        String id = given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"severity\":\"CRITICAL\",\"incidentType\":\"" + type + "\"}")
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    @Test
    void incidentsAreStartedAnnotatedAndResolvedInIncidentManager() {
        UUID responder = ReplicaFixtures.contact("Mirror Responder", 7);
        String type = EscalationApi.planWithPolicy("CRITICAL", 0, "[" + EscalationApi.stage(300, responder) + "]",
                null);
        UUID incident = raise(type, "Crypto-miner on build agents");
        await().atMost(WAIT).until(() -> EscalationApi.timelineKinds(incident).contains("mirrored"));
        AwsIncidentManagerStub.server.verify(1, postRequestedFor(urlEqualTo("/startIncident"))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Crypto-miner on build agents")))
                .withRequestBody(matchingJsonPath("$.impact", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.clientToken", equalTo(incident.toString())))
                .withRequestBody(matchingJsonPath("$.responsePlanArn",
                        equalTo("arn:aws:ssm-incidents::111122223333:response-plan/muster-plan")))
                .withHeader("Authorization", WireMock.containing("AKIDEXAMPLE")));

        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + incident + "/acknowledge").then().statusCode(200);
        // A severity change moves the record's impact (CRITICAL 1 -> HIGH 2).
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body("{\"severity\":\"HIGH\"}").when().put("/api/v1/incidents/" + incident + "/severity")
                .then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> AwsIncidentManagerStub.server.verify(1,
                postRequestedFor(urlEqualTo("/updateIncidentRecord"))
                        .withRequestBody(matchingJsonPath("$.arn", equalTo(AwsIncidentManagerStub.RECORD_ARN)))
                        .withRequestBody(matchingJsonPath("$.impact", equalTo("2")))));
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + incident + "/resolve").then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> AwsIncidentManagerStub.server.verify(1,
                postRequestedFor(urlEqualTo("/updateIncidentRecord"))
                        .withRequestBody(matchingJsonPath("$.arn", equalTo(AwsIncidentManagerStub.RECORD_ARN)))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("RESOLVED")))));
        AwsIncidentManagerStub.server.verify(postRequestedFor(urlEqualTo("/createTimelineEvent"))
                .withRequestBody(matchingJsonPath("$.incidentRecordArn", equalTo(AwsIncidentManagerStub.RECORD_ARN)))
                .withRequestBody(matchingJsonPath("$.eventType", equalTo("Custom Event")))
                .withRequestBody(matchingJsonPath("$.eventData", WireMock.containing("Acknowledged in Muster"))));
    }

    @Test
    void anIncidentManagerErrorNeverStopsPaging() {
        UUID responder = ReplicaFixtures.contact("Still Paged", 7);
        String type = EscalationApi.planWithPolicy("CRITICAL", 0, "[" + EscalationApi.stage(300, responder) + "]",
                null);
        UUID incident = raise(type, "Doomed");
        // Paging happened in the request's own transaction, whatever AWS says.
        assertThat(EscalationApi.paged(incident, 0, 0)).containsExactly(responder);
        await().atMost(WAIT).until(() -> EscalationApi.timelineKinds(incident).contains("mirror-failed"));
        assertThat(EscalationApi.timelineKinds(incident)).doesNotContain("mirrored");
        // The mirror carries on with the next incident.
        UUID next = raise(type, "After the doomed one");
        await().atMost(WAIT).until(() -> EscalationApi.timelineKinds(next).contains("mirrored"));
    }
}
