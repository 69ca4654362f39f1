package io.muster.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    /** As Quarkus' default-kafka-broker map holds them once KAFKA_* environment variables are set. */
    static final Map<String, Object> SERVICE_SETTINGS = Map.of(
            "bootstrap.servers", "muster-kafka-kafka-bootstrap:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\""
                    + " password=\"p\";",
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/muster/kafka-ca/ca.crt",
            "auto.offset.reset", "earliest",
            "default.api.timeout.ms", 10_000);

    @Test
    void onlyHowToConnectIsTaken() {
        assertThat(KafkaConnection.settings(SERVICE_SETTINGS)).containsOnlyKeys("security.protocol",
                "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.type", "ssl.truststore.location");
    }

    @Test
    void theServiceSettingsWinOverAClientsOwn() {
        Properties relay = new Properties();
        relay.put("bootstrap.servers", "muster-kafka-kafka-bootstrap:9093");
        relay.put("security.protocol", "PLAINTEXT");
        relay.put("acks", "all");
        KafkaConnection.apply(relay, SERVICE_SETTINGS);
        assertThat(relay).containsEntry("security.protocol", "SASL_SSL").containsEntry("acks", "all")
                .containsEntry("ssl.truststore.location", "/etc/muster/kafka-ca/ca.crt")
                .doesNotContainKey("auto.offset.reset");
    }

    @Test
    void aLogLineNamesTheProtocolAndNeverTheSecret() {
        assertThat(KafkaConnection.describe(SERVICE_SETTINGS)).isEqualTo("SASL_SSL SCRAM-SHA-512");
        assertThat(KafkaConnection.describe(Map.of())).isEqualTo("PLAINTEXT");
    }
}
