package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local run is also the single-machine deployment: its data is durable and its public endpoint speaks TLS. */
class LocalDeploymentIT {

    @BeforeAll
    static void suite() throws Exception {
        Suite.up();
    }

    @Test
    void everyCommitIsFlushedToDiskBeforeItIsAcknowledged() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:15432/postgres", "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(name || '=' || setting, ' ' ORDER BY name)"
                        + " FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("fsync=on full_page_writes=on synchronous_commit=on");
            Summary.record("local run durability", "PostgreSQL " + rs.getString(1));
        }
    }

    @Test
    void aPagerDutyClientReachesTheEventsEndpointOverHttpsByChangingOnlyTheHost() throws Exception {
        String dedup = "tls-" + UUID.randomUUID();
        String trigger = """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"Impossible travel for one account","source":"siem","severity":"error"}}"""
                .formatted(FlowsIT.INTEGRATION_KEY, dedup);
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:8443/v2/enqueue"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(trigger)).build();

        HttpClient trustingTheLocalCa = HttpClient.newBuilder().sslContext(localCa()).build();
        HttpResponse<String> accepted = trustingTheLocalCa.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(Suite.JSON.readTree(accepted.body()).path("dedup_key").asText()).isEqualTo(dedup);
        String resolve = "{\"routing_key\":\"" + FlowsIT.INTEGRATION_KEY + "\",\"dedup_key\":\"" + dedup
                + "\",\"event_action\":\"resolve\"}";
        assertThat(trustingTheLocalCa.send(HttpRequest.newBuilder(request.uri())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(resolve))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);

        // The certificate is the local run's own: a client that was not told to trust it refuses the server.
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        Summary.record("local run TLS", "Events v2 over https://localhost:8443/v2/enqueue accepted with the local "
                + "CA trusted (trigger + resolve 202), refused by a client that does not trust it");
    }

    /** What the runner tells a Java client to use: its truststore.p12, password changeit. */
    private static SSLContext localCa() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Suite.stateFile("tls/truststore.p12"))) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
