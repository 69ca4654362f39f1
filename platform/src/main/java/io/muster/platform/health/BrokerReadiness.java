package io.muster.platform.health;

import io.muster.platform.messaging.KafkaConnection;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the broker answers, within a second. It replaces Quarkus's Kafka check, which waits for the admin client's
 * default API timeout (60 s unless set): while the broker was away, readiness took up to a minute to answer, probes
 * piled up, and whoever waited for "not ready" and then "ready" saw the outage long after it had happened.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    public static final String NAME = "Kafka broker";
    private static final int TIMEOUT_MS = 1_000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The service's {@code kafka.*} settings, so readiness connects (TLS, SASL) as the channels do. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up()
                    .withData("nodes", nodes.stream().map(n -> n.host() + ":" + n.port())
                            .collect(Collectors.joining(",")))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        } catch (Exception e) {
            return down(e);
        }
    }

    private static HealthCheckResponse down(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return HealthCheckResponse.named(NAME).down().withData("reason", String.valueOf(cause)).build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_MS));
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_MS));
            // Reconnect at once when the broker is back instead of after a growing backoff.
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
            admin = Admin.create(KafkaConnection.apply(props, kafkaDefaults));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
