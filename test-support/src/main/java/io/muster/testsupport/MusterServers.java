package io.muster.testsupport;

import io.muster.contracts.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One real PostgreSQL server and one real Kafka broker (KRaft) per test JVM, started on first use and stopped
 * when the JVM exits. They run inside the JVM, so no Docker is needed, or as Testcontainers containers where a
 * Docker engine answers ({@link ServerSource}; the choice is printed once). Test classes share them: give each its
 * own database or unique keys.
 */
public final class MusterServers {

    public static final int PARTITIONS = 3;

    /** Held so the levels stick: the broker logs hundreds of INFO lines on every start. */
    private static final List<java.util.logging.Logger> QUIET = quietBrokerLogs();

    private static ServerSource.Choice choice;
    private static EmbeddedPostgres postgres;
    private static ContainerServers containers;
    private static KafkaClusterTestKit kafka;
    private static final List<Runnable> DEFERRED_KAFKA_HOOKS = new ArrayList<>();

    private MusterServers() {
    }

    private static List<java.util.logging.Logger> quietBrokerLogs() {
        List<java.util.logging.Logger> loggers = List.of("kafka", "org.apache.kafka", "state.change.logger",
                        "io.zonky.test.db.postgres", "org.apache.zookeeper")
                .stream().map(java.util.logging.Logger::getLogger).toList();
        loggers.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        return loggers;
    }

    /** Where this JVM's servers come from, decided on first use and printed once. */
    public static synchronized ServerSource source() {
        if (choice == null) {
            choice = ServerSource.choose(ServerSource.requested(), ServerSource::dockerAnswers);
            System.out.println("Muster test servers: " + choice.why());
        }
        return choice.source();
    }

    private static synchronized ContainerServers containers() {
        if (containers == null) {
            containers = ContainerServers.start();
            Runtime.getRuntime().addShutdownHook(new Thread(containers::stop, "stop-containers"));
            try {
                createTopics(containers.kafkaBootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the topics on the Kafka container", e);
            }
        }
        return containers;
    }

    /** The shared PostgreSQL server (PostgreSQL 17; durability relaxed because tests never need a crash-safe disk). */
    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception ignored) {
                    // the JVM is going away either way
                }
            }, "stop-postgres"));
        }
        return postgres;
    }

    /** Creates the database if needed and returns its JDBC URL. */
    public static synchronized String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name " + name);
        }
        if (source() == ServerSource.CONTAINERS) {
            return containers().database(name);
        }
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    /** The shared broker's bootstrap servers; every topic in {@link Topics#ALL} exists once this returns. */
    public static synchronized String kafkaBootstrapServers() {
        if (source() == ServerSource.CONTAINERS) {
            return containers().kafkaBootstrapServers();
        }
        if (kafka == null) {
            try {
                guardBrokerShutdown();
                TestKitNodes nodes = new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                        .build();
                KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                        .setConfigProp("num.partitions", PARTITIONS)
                        .setConfigProp("offsets.topic.num.partitions", 3)
                        // One broker: internal topics cannot have the default three replicas.
                        .setConfigProp("offsets.topic.replication.factor", (short) 1)
                        .setConfigProp("transaction.state.log.replication.factor", (short) 1)
                        .setConfigProp("transaction.state.log.min.isr", 1)
                        .setConfigProp("group.initial.rebalance.delay.ms", 0)
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                kafka = cluster;
                createTopics(cluster.bootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the Kafka broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    kafka.close();
                } catch (Exception ignored) {
                    // the JVM is going away either way
                }
                runDeferredKafkaHooks();
            }, "stop-kafka"));
        }
        return kafka.bootstrapServers();
    }

    /**
     * The broker's test kit registers JVM shutdown hooks that delete its log directories. JVM shutdown hooks run
     * concurrently, so such a hook can delete a directory under a broker that is still stopping; the broker then
     * treats its log directory as failed and halts the JVM with status 1, which fails the build after every test
     * passed. Those hooks are therefore collected here and run only after the broker has been closed, and a halt
     * requested while the JVM is already shutting down is ignored.
     */
    private static void guardBrokerShutdown() {
        Exit.setShutdownHookAdder((name, hook) -> {
            synchronized (DEFERRED_KAFKA_HOOKS) {
                DEFERRED_KAFKA_HOOKS.add(hook);
            }
        });
        Exit.setHaltProcedure((status, message) -> {
            if (!jvmShuttingDown()) {
                Runtime.getRuntime().halt(status);
            }
            System.err.println("ignored a broker halt(" + status + ") during JVM shutdown: " + message);
        });
    }

    private static void runDeferredKafkaHooks() {
        List<Runnable> hooks;
        synchronized (DEFERRED_KAFKA_HOOKS) {
            hooks = new ArrayList<>(DEFERRED_KAFKA_HOOKS);
            DEFERRED_KAFKA_HOOKS.clear();
        }
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException ignored) {
                // only temporary directories are left behind
            }
        }
    }

    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    static void createTopics(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(Topics.COMPACTED.contains(t)
                            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                            : Map.of()))
                    .toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }
}
