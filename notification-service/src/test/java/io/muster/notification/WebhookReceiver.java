package io.muster.notification;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver over real TLS: WireMock on https with a certificate made for this JVM by the JDK's keytool
 * (CN and SAN localhost), which the application is told to trust the way a deployment trusts a private CA.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    static final String SIGNING_SECRET = "test-only-webhook-signing-secret-0123456789";
    private static final String PASSWORD = "receiver-keystore";

    private static WireMockServer server;
    private static Path certificate;

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of("muster.notification.webhook.signing-secret", SIGNING_SECRET,
                "muster.notification.webhook.trusted-certificates", certificate.toString());
    }

    private static synchronized void startOnce() {
        if (server != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("webhook-receiver");
            Path keystore = dir.resolve("receiver.p12");
            certificate = dir.resolve("receiver.pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "receiver", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                    "-keypass", PASSWORD);
            run(keytool, "-exportcert", "-rfc", "-alias", "receiver", "-keystore", keystore.toString(),
                    "-storepass", PASSWORD, "-file", certificate.toString());
            server = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
                    .keystorePath(keystore.toString()).keystoreType("PKCS12")
                    .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-webhook-receiver"));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM
    }

    static WireMockServer server() {
        startOnce();
        return server;
    }

    /** An https address on the receiver that no other test uses. */
    static String uniqueUrl() {
        return "https://localhost:" + server().httpsPort() + "/hooks/" + java.util.UUID.randomUUID();
    }
}
