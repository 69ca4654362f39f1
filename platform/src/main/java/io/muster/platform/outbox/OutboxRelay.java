package io.muster.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.muster.contracts.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.muster.platform.messaging.KafkaConnection;
import io.muster.platform.tracing.TraceContext;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order, then deletes them in the same database transaction.
 * One relay per service is active at a time (a PostgreSQL advisory lock), so replicas never reorder a key; a
 * crash after sending and before deleting republishes rows, which consumers drop by their event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id for the relay ("muster outbox"); each service has its own database, so one id suffices. */
    private static final long LOCK_ID = 0x6d75737465720001L;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    /** The service's {@code kafka.*} settings: the relay connects as the service's channels do. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Producer<String, String> producer;
    private Counter published;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        published = registry.counter("muster.outbox.published");
        producer = new KafkaProducer<>(KafkaConnection.apply(producerProperties(config.bootstrapServers()),
                kafkaDefaults));
        LOG.infof("outbox relay publishing to %s over %s", config.bootstrapServers(),
                KafkaConnection.describe(kafkaDefaults));
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            signal.release();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }

    /** Tells the relay that rows were committed, so it publishes them now instead of at its next poll. */
    public void wake() {
        signal.release();
    }

    static Properties producerProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Pages are latency-sensitive; batching comes from draining many rows at once, not from waiting.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                int sent = relayOnce();
                failures = 0;
                if (sent == 0) {
                    signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures++;
                // At most a second apart: once the broker or database is back, pages flow again within a second.
                long backoff = Math.min(1_000L, 100L << Math.min(failures, 4));
                LOG.warnf("outbox relay failed (%d in a row), retrying in %d ms: %s", failures, backoff,
                        e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes one batch; returns how many rows it published (0 when idle or another replica holds the lock). */
    int relayOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = publishBatch(connection);
                connection.commit();
                return sent;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection connection) throws SQLException, Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_ID);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, event_id, topic, record_key, event_type, payload, traceparent, headers FROM outbox"
                        + " ORDER BY id LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(3), rs.getString(4),
                            rs.getString(6));
                    String headers = rs.getString(8);
                    if (headers != null) {
                        // A dead letter: the failed record's own headers and the failure's, nothing of the row's.
                        EventJson.mapper().readValue(headers, HEADERS).forEach((name, value) -> record.headers()
                                .add(name, value.getBytes(StandardCharsets.UTF_8)));
                    } else {
                        record.headers().add("eventId", rs.getString(2).getBytes(StandardCharsets.UTF_8));
                        record.headers().add("eventType", rs.getString(5).getBytes(StandardCharsets.UTF_8));
                        String traceparent = rs.getString(7);
                        if (traceparent != null) {
                            record.headers().add(TraceContext.HEADER,
                                    traceparent.getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    sends.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(30, TimeUnit.SECONDS);
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
        published.increment(ids.size());
        return ids.size();
    }
}
