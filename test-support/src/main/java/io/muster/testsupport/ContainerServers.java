package io.muster.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The shared servers as containers, for a machine whose Docker engine answers: the same PostgreSQL major version and
 * settings as the embedded server, and an Apache Kafka broker (KRaft) of the version the clients are built against.
 * {@code MUSTER_TEST_POSTGRES_IMAGE} and {@code MUSTER_TEST_KAFKA_IMAGE} name other images (a mirror, say).
 */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private ContainerServers(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static ContainerServers start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(image("MUSTER_TEST_POSTGRES_IMAGE", POSTGRES_IMAGE))
                .withUsername("postgres").withPassword("postgres").withDatabaseName("postgres")
                // As the embedded server: tests never need a crash-safe disk, and every application start opens pools.
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=300");
        KafkaContainer kafka = new KafkaContainer(image("MUSTER_TEST_KAFKA_IMAGE", kafkaImage()))
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(MusterServers.PARTITIONS))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        postgres.start();
        kafka.start();
        return new ContainerServers(postgres, kafka);
    }

    /** The broker image of the Kafka version on the classpath, so clients and broker agree as they do embedded. */
    static String kafkaImage() {
        return "apache/kafka:" + AppInfoParser.getVersion();
    }

    private static String image(String variable, String otherwise) {
        String named = System.getenv(variable);
        return named == null || named.isBlank() ? otherwise : named.strip();
    }

    String database(String name) {
        String server = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getFirstMappedPort() + "/";
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + name + " in the PostgreSQL container", e);
        }
        return server + name;
    }

    String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    void stop() {
        kafka.stop();
        postgres.stop();
    }
}
