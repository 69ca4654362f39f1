package io.muster.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server certificate for localhost made with the JDK's keytool, as an operator would, and served by the
 * application under test from the TLS registry's default key store: the application gets HTTPS from configuration
 * alone, and a test trusts exactly this certificate through {@link #trusting()}.
 */
public class TestCertificates implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = "muster-test";
    static Path keyStore;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (keyStore == null) {
                Path dir = Files.createTempDirectory("muster-tls");
                Path store = dir.resolve("server.p12");
                String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
                Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-keystore", store.toString(),
                        "-storetype", "PKCS12", "-storepass", PASSWORD, "-alias", "server", "-keyalg", "EC",
                        "-groupname", "secp256r1", "-validity", "30", "-dname", "CN=localhost",
                        "-ext", "san=dns:localhost,ip:127.0.0.1"))
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + out);
                }
                keyStore = store;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.tls.key-store.p12.path", keyStore.toString(),
                "quarkus.tls.key-store.p12.password", PASSWORD,
                "quarkus.http.test-ssl-port", "0");
    }

    @Override
    public void stop() {
    }

    /** A TLS context that trusts the server certificate made here, and nothing else. */
    public static SSLContext trusting() throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
