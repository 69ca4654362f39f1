package io.muster.escalation.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A stand-in for AWS Systems Manager Incident Manager speaking its REST-JSON protocol: POST /startIncident,
 * /createTimelineEvent, /updateIncidentRecord, and its error shape (x-amzn-ErrorType header + JSON message) for
 * incidents titled "Doomed".
 */
public class AwsIncidentManagerStub implements QuarkusTestResourceLifecycleManager {

    static final String RECORD_ARN = "arn:aws:ssm-incidents::111122223333:incident-record/muster-plan/0ec4a2f8";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/startIncident")).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"incidentRecordArn\":\"" + RECORD_ARN + "\"}")));
        server.stubFor(post(urlEqualTo("/startIncident")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.title", equalTo("Doomed")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "ValidationException")
                        .withBody("{\"message\":\"1 validation error detected: responsePlanArn is not valid\"}")));
        server.stubFor(post(urlEqualTo("/createTimelineEvent"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"eventId\":\"c0f4f1d2-7f5e-4e53-9a43-0d3d3e0f0001\",\"incidentRecordArn\":\""
                                + RECORD_ARN + "\"}")));
        server.stubFor(post(urlEqualTo("/updateIncidentRecord"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        return Map.of(
                "muster.escalation.aws-incident-manager.response-plan-arn",
                "arn:aws:ssm-incidents::111122223333:response-plan/muster-plan",
                "muster.escalation.aws-incident-manager.endpoint-override", server.baseUrl(),
                "muster.escalation.aws-incident-manager.access-key-id", "AKIDEXAMPLE",
                "muster.escalation.aws-incident-manager.secret-access-key", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "mp.messaging.incoming.incident-mirror.auto.offset.reset", "earliest");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
