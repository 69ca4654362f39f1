package io.muster.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.muster.local.LocalTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs the benchmark phases against a local run (deploy/local/muster up) and prints a table, writing the same
 * numbers as JSON. Every phase's result is shown next to the floor measured in the same run, because this
 * machine is shared and noisy: absolute numbers vary, ratios much less.
 *
 * <p>Usage: {@code Bench <state-dir> <out.json> [seconds-per-phase]}
 */
public final class Bench {

    private static final String KAFKA = "localhost:19092";
    private static final String PG = "jdbc:postgresql://localhost:15432/postgres";
    private static final String ESCALATION = "http://localhost:8082";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path state;
    private final int seconds;
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Bench(Path state, int seconds) {
        this.state = state;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Bench <state-dir> <out.json> [seconds-per-phase]");
            System.exit(2);
        }
        Bench bench = new Bench(Path.of(args[0]), args.length > 2 ? Integer.parseInt(args[2]) : 30);
        bench.run(Path.of(args[1]));
    }

    private void run(Path out) throws Exception {
        ProcessCost cost = new ProcessCost(state.resolve("pids"), "directory-service", "escalation-service",
                "notification-service", "gameday-service", "kafka", "postgres");

        Stats kafkaFloor = kafkaRoundTrip(2_000);
        Stats pgFloor = postgresCommit(2_000);
        results.put("floor", Map.of("kafka_round_trip", kafkaFloor.toMap(), "postgres_commit", pgFloor.toMap()));
        row("floor: Kafka produce -> consume", kafkaFloor.toString(), "1.0x");
        row("floor: PostgreSQL 1-row commit", pgFloor.toString(), "1.0x");

        cost.start();
        Map<String, Object> ingest = ingest(seconds, 16);
        ingest.put("cost", cost.stop());
        results.put("ingest_native_api", ingest);
        Stats ingestLatency = (Stats) ingest.remove("latency");
        ingest.put("latency", ingestLatency.toMap());
        row("ingest: POST /api/v1/incidents", String.format("%.0f accepted/s, %s", ingest.get("accepted_per_s"),
                ingestLatency), String.format("p50 %.1fx floor (Kafka + commit)",
                        ingestLatency.p50() / (kafkaFloor.p50() + pgFloor.p50())));
        results.put("cost_now", new ProcessCost(state.resolve("pids"), "directory-service", "escalation-service",
                "notification-service", "gameday-service").stopNow());

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(out, json.writeValueAsString(results));
        System.out.println();
        System.out.println("results written to " + out.toAbsolutePath());
    }

    private static void row(String what, String numbers, String ratio) {
        System.out.printf("%-36s %-70s %s%n", what, numbers, ratio);
    }

    /** The broker's floor: one message produced and consumed back, one at a time, linger 0. */
    static Stats kafkaRoundTrip(int messages) throws Exception {
        String topic = "muster.bench.floor";
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "1");
        List<Long> samples = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            for (int i = 0; i < messages + 200; i++) {
                String id = UUID.randomUUID().toString();
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, id, id));
                boolean seen = false;
                while (!seen) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        seen |= r.key().equals(id);
                    }
                }
                if (i >= 200) { // the first ones warm up connections and the JIT
                    samples.add(System.nanoTime() - start);
                }
            }
        }
        return Stats.ofNanos(samples);
    }

    /** The database's floor: one single-row INSERT committed at a time. */
    static Stats postgresCommit(int commits) throws Exception {
        List<Long> samples = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PG, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS bench_floor (id UUID PRIMARY KEY, at TIMESTAMPTZ DEFAULT now())");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_floor (id) VALUES (?)")) {
                for (int i = 0; i < commits + 200; i++) {
                    long start = System.nanoTime();
                    insert.setObject(1, UUID.randomUUID());
                    insert.executeUpdate();
                    c.commit();
                    if (i >= 200) {
                        samples.add(System.nanoTime() - start);
                    }
                }
            }
        }
        return Stats.ofNanos(samples);
    }

    /** Accepted triggers per second on the native API with {@code concurrency} requests in flight. */
    Map<String, Object> ingest(int durationSeconds, int concurrency) throws Exception {
        String token = LocalTokens.mint(state.resolve("keys"), "bench@muster.local", List.of("muster-integration"),
                3_600);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        int n = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            String body = "{\"title\":\"bench " + n + "\",\"severity\":\"LOW\",\"incidentType\":\"bench\","
                    + "\"dedupKey\":\"bench-" + UUID.randomUUID() + "\"}";
            n++;
            HttpRequest request = HttpRequest.newBuilder(URI.create(ESCALATION + "/api/v1/incidents"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sent = System.nanoTime();
            pending.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                latencies.add(System.nanoTime() - sent);
                if (e == null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", elapsed);
        m.put("concurrency", concurrency);
        m.put("accepted", accepted.get());
        m.put("refused", refused.get());
        m.put("accepted_per_s", accepted.get() / elapsed);
        m.put("latency", Stats.ofNanos(new ArrayList<>(latencies)));
        return m;
    }
}
