package io.muster.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points a service under test at the shared real servers: a fresh PostgreSQL database for each application start
 * (named after the {@code database} argument), the shared Kafka broker, and an OIDC server that publishes the key
 * {@link Tokens} signs with.
 */
public class MusterTestResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static Map<String, String> oidc;

    private String database = "muster";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url",
                MusterServers.database(database + "_t" + STARTS.incrementAndGet()));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", MusterServers.kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", oidcBaseUrl() + "/realms/quarkus");
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        return config;
    }

    private static synchronized String oidcBaseUrl() {
        if (oidc == null) {
            OidcWiremockTestResource server = new OidcWiremockTestResource();
            oidc = server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-oidc"));
        }
        return oidc.get("keycloak.url");
    }

    @Override
    public void stop() {
        // The servers are shared by every application start in this JVM and stop with it.
    }
}
