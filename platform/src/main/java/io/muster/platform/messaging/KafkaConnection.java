package io.muster.platform.messaging;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How to reach and authenticate to the brokers, for the Kafka clients a service makes itself (the outbox relay's
 * producer, the readiness check's admin client) as well as the ones SmallRye makes for its channels. Both read the
 * same {@code kafka.*} configuration (Quarkus' {@code default-kafka-broker} map, which also takes environment
 * variables such as {@code KAFKA_SECURITY_PROTOCOL} and {@code KAFKA_SASL_JAAS_CONFIG}), so a cluster that asks for
 * TLS and SCRAM gets them from every client, and a relay can never publish around the broker's authentication.
 */
public final class KafkaConnection {

    /** The settings that say how to connect rather than what a client does once connected. */
    private static final String[] CONNECTION_PREFIXES = {"security.", "sasl.", "ssl."};

    private KafkaConnection() {
    }

    /** The connection settings among {@code kafkaDefaults}, keys as the Kafka clients spell them. */
    public static Map<String, String> settings(Map<String, ?> kafkaDefaults) {
        Map<String, String> out = new TreeMap<>();
        kafkaDefaults.forEach((key, value) -> {
            for (String prefix : CONNECTION_PREFIXES) {
                if (key.startsWith(prefix) && value != null) {
                    out.put(key, value.toString());
                }
            }
        });
        return out;
    }

    /** Adds the connection settings to a client's properties; they replace the client's own for the same keys. */
    public static Properties apply(Properties clientProperties, Map<String, ?> kafkaDefaults) {
        clientProperties.putAll(settings(kafkaDefaults));
        return clientProperties;
    }

    /** What a log line may say about the connection: the protocol and mechanism, never a secret. */
    public static String describe(Map<String, ?> kafkaDefaults) {
        Map<String, String> s = settings(kafkaDefaults);
        return s.getOrDefault("security.protocol", "PLAINTEXT")
                + (s.containsKey("sasl.mechanism") ? " " + s.get("sasl.mechanism") : "");
    }
}
