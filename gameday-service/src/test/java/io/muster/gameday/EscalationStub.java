package io.muster.gameday;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
 * incident id, resolving answers 200. Tests read what it received from its request journal. The same server stands
 * in for the OIDC provider's token endpoint: a client-credentials grant of muster-gameday with its secret gets a
 * fresh access token that expires after {@link #TOKEN_LIFETIME_SECONDS}.
 */
@QuarkusTestResource(value = EscalationStub.class, restrictToAnnotatedClass = false)
public class EscalationStub implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN_PATH = "/realms/muster/protocol/openid-connect/token";
    static final int TOKEN_LIFETIME_SECONDS = 4;

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
        server.stubFor(post(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials"))
                // client_secret_basic, quarkus-oidc-client's default way to present the secret
                .withBasicAuth("muster-gameday", "test-gameday-secret")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"gameday-{{randomValue length=16 type='ALPHANUMERIC'}}\","
                                + "\"token_type\":\"Bearer\",\"expires_in\":" + TOKEN_LIFETIME_SECONDS + "}")));
        return Map.of("muster.gameday.escalation.url", server.baseUrl(),
                "quarkus.oidc-client.auth-server-url", server.baseUrl() + "/realms/muster");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
