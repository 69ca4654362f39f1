package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.muster.platform.security.Roles;
import io.muster.testsupport.TestCertificates;
import io.muster.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * A PagerDuty client can only be pointed at a host: it always POSTs to https://host/v2/enqueue. With a key store in
 * the configuration, the service answers there over TLS with the configured certificate.
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
class HttpsTest {

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @Test
    void anEventsV2TriggerIsAcceptedOverHttpsWithTheConfiguredCertificate() throws Exception {
        assertThat(https.getProtocol()).isEqualTo("https");
        String key = given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"siem over tls " + UUID.randomUUID() + "\",\"incidentType\":\"tls-check\"}")
                .when().post("/api/v1/integration-keys")
                .then().statusCode(201).extract().<String>path("integrationKey");
        HttpRequest trigger = HttpRequest.newBuilder(URI.create("https://localhost:" + https.getPort() + "/v2/enqueue"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                         "payload":{"summary":"Login burst from one address","source":"siem","severity":"error"}}"""
                        .formatted(key, UUID.randomUUID())))
                .build();
        HttpClient trusting = HttpClient.newBuilder().sslContext(TestCertificates.trusting()).build();
        HttpResponse<String> accepted = trusting.send(trigger, HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"status\":\"success\"");

        // A client that does not trust the certificate is refused at the handshake: the server really speaks TLS.
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(trigger, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }
}
