package io.muster.gameday;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * escalation-service's incident API as a wire-level stand-in on a dynamic port: raising answers 201 with a fresh
 * incident id, resolving answers 200. Tests read what it received from its request journal.
 */
@QuarkusTestResource(value = EscalationStub.class, restrictToAnnotatedClass = false)
public class EscalationStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().globalTemplating(true));
        server.start();
        server.stubFor(post(urlEqualTo("/api/v1/incidents")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"{{randomValue type='UUID'}}\",\"status\":\"TRIGGERED\",\"drill\":true}")));
        server.stubFor(post(urlPathMatching("/api/v1/incidents/[0-9a-f-]+/resolve")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"status\":\"RESOLVED\"}")));
        return Map.of("muster.gameday.escalation.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
