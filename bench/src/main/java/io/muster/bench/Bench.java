package io.muster.bench;

import static io.muster.standin.LocalEndpoints.KAFKA;
import static io.muster.standin.LocalEndpoints.POSTGRES;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.muster.local.Arguments;
import io.muster.local.LocalKeycloak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * machine is shared and noisy: absolute numbers vary, ratios much less. The goals of issue 9 are printed with
 * met/missed; the benchmark itself never fails because a goal is missed.
 *
 * <p>Usage: {@code Bench <state-dir> <out.json> [seconds]}; a {@code seconds} argument shortens every timed phase
 * to that many seconds (quick runs). Other settings come from BENCH_* environment variables (see bench/README.md).
 */
public final class Bench {

    private static final String[] SERVICES = {"directory-service", "escalation-service", "notification-service",
            "gameday-service"};
    private static final String[] PROCESSES = {"directory-service", "escalation-service", "notification-service",
            "gameday-service", "kafka", "postgres", "mail", "sns"};
    /** The whole local run, the console and Keycloak included: what an idle single-machine deployment costs. */
    private static final String[] EVERY_PART = {"directory-service", "escalation-service", "notification-service",
            "gameday-service", "console", "keycloak", "kafka", "postgres", "mail", "sns"};
    private static final double TIMER_POLL_MS = 250;

    private final Path state;
    private final Settings settings;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> goals = new ArrayList<>();
    private Stats kafkaFloor;
    private Stats pgFloor;

    /** What to run and for how long; every value can be set from the environment. */
    record Settings(Set<String> phases, List<Double> raiseRates, int raiseSeconds, List<Double> searchRates,
            int searchSeconds, int drainSeconds, int ingestSeconds, int ingestConcurrency, int fanOutPeople,
            int timers, int timerDelaySeconds, int timerConcurrency, int warmUpSeconds, int raisePeople,
            int idleSeconds) {

        static Settings from(Map<String, String> env, Integer seconds) {
            return new Settings(
                    Set.of(env.getOrDefault("BENCH_PHASES", "floor,idle,raise,fanout,ingest,events,timers")
                            .split(",")),
                    rates(env.getOrDefault("BENCH_RAISE_RATES", "10,50,100")),
                    seconds != null ? seconds : Integer.parseInt(env.getOrDefault("BENCH_RAISE_SECONDS", "60")),
                    rates(env.getOrDefault("BENCH_SEARCH_RATES", "150,200,300,400,600,800")),
                    seconds != null ? seconds : Integer.parseInt(env.getOrDefault("BENCH_SEARCH_SECONDS", "20")),
                    Integer.parseInt(env.getOrDefault("BENCH_DRAIN_SECONDS", "20")),
                    seconds != null ? seconds : Integer.parseInt(env.getOrDefault("BENCH_INGEST_SECONDS", "30")),
                    Integer.parseInt(env.getOrDefault("BENCH_INGEST_CONCURRENCY", "16")),
                    Integer.parseInt(env.getOrDefault("BENCH_FANOUT_PEOPLE", "500")),
                    Integer.parseInt(env.getOrDefault("BENCH_TIMERS", "10000")),
                    Integer.parseInt(env.getOrDefault("BENCH_TIMER_DELAY_SECONDS", "90")),
                    Integer.parseInt(env.getOrDefault("BENCH_TIMER_CONCURRENCY", "16")),
                    Integer.parseInt(env.getOrDefault("BENCH_WARMUP_SECONDS", "20")),
                    Integer.parseInt(env.getOrDefault("BENCH_RAISE_PEOPLE", "50")),
                    seconds != null ? seconds : Integer.parseInt(env.getOrDefault("BENCH_IDLE_SECONDS", "60")));
        }

        private static List<Double> rates(String csv) {
            return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).map(Double::parseDouble)
                    .toList();
        }
    }

    private Bench(Path state, Settings settings) {
        this.state = state;
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.of(args, "Bench <state-dir> <out.json> [seconds]");
        Integer seconds = a.has(2) ? a.number(2, 0) : null;
        new Bench(a.path(0), Settings.from(System.getenv(), seconds)).run(a.path(1));
    }

    private void run(Path out) throws Exception {
        LocalKeycloak keycloak = new LocalKeycloak(state);
        String run = Long.toString(System.currentTimeMillis() / 1000 % 60_466_176L, 36); // 5-6 chars, per run
        Phases phases = new Phases(run, keycloak.token("muster-integration"));
        results.put("run", run);
        results.put("settings", settings);
        System.out.printf("Muster bench, run %s (the machine is shared: read ratios to the floor, not absolutes)%n%n",
                run);

        kafkaFloor = kafkaRoundTrip(2_000);
        pgFloor = postgresCommit(2_000);
        String durability = postgresDurability();
        results.put("floor", Map.of("kafka_round_trip", kafkaFloor, "postgres_commit", pgFloor,
                "postgres_durability", durability));
        row("floor: Kafka produce -> consume", kafkaFloor.toString(), "1.0x");
        row("floor: PostgreSQL 1-row commit (" + durability + ")", pgFloor.toString(), "1.0x");

        if (settings.phases().contains("idle")) {
            idle();
        }

        BenchSetup setup = new BenchSetup(keycloak.token("muster-admin"));
        setup.prepare();
        int runNumber = (int) (System.currentTimeMillis() / 1000 % 10_000);
        boolean raising = settings.warmUpSeconds() > 0 || settings.phases().contains("raise");
        if (raising) {
            setup.freshRaisePeople(run, runNumber, settings.raisePeople());
        }
        if (settings.warmUpSeconds() > 0) {
            // Freshly started services spend their first minute compiling hot code: warm the whole paging path up
            // (raise, page, send, status events) before anything is measured. Its numbers are kept but not shown.
            results.put("warm_up", phases.raiseToSend("w", 20, settings.warmUpSeconds(), settings.drainSeconds(),
                    settings.raisePeople()));
            System.out.printf("(warmed up: %d s of raises at 20/s)%n", settings.warmUpSeconds());
        }

        if (settings.phases().contains("raise")) {
            raiseToSend(phases);
        }
        if (raising) {
            setup.removeRaisePeople(settings.raisePeople());
        }
        if (settings.phases().contains("fanout")) {
            setup.freshFanOutPeople(run, runNumber, settings.fanOutPeople());
            Map<String, Object> f = measured(() -> phases.fanOut(settings.fanOutPeople(), 180));
            setup.removeFanOutPeople();
            results.put("fan_out", f);
            Object all = f.get("all_messages_ms");
            row("fan-out: 1 incident -> " + settings.fanOutPeople() + " people x 2",
                    String.format("all %s: %s ms (SMS: first %s, last %s ms; email seen %s ms)",
                            f.get("messages_expected"), fmt(all), fmt(f.get("first_sms_ms")), fmt(f.get("last_sms_ms")),
                            fmt(f.get("all_email_seen_ms"))),
                    all == null ? "incomplete" : String.format("%.2f ms/message = %.1fx PG commit",
                            ((Number) all).doubleValue() / (settings.fanOutPeople() * 2),
                            ((Number) all).doubleValue() / (settings.fanOutPeople() * 2) / pgFloor.p50()));
            costRow(f);
            goal("fan-out of 1,000 messages", "< 2 s", all == null ? "incomplete" : fmt(all) + " ms",
                    all != null && settings.fanOutPeople() == 500 ? ((Number) all).doubleValue() < 2_000 : null);
        }
        if (settings.phases().contains("ingest")) {
            Map<String, Object> i = measured(() -> phases.ingestNative(settings.ingestSeconds(),
                    settings.ingestConcurrency()));
            results.put("ingest_native_api", i);
            ingestRow("ingest: POST /api/v1/incidents", i);
            goal("ingest, native API", "> 1,000/s", String.format("%.0f/s", (Double) i.get("accepted_per_s")),
                    (Double) i.get("accepted_per_s") > 1_000);
        }
        if (settings.phases().contains("events")) {
            Map<String, Object> e = measured(() -> phases.ingestEventsV2(settings.ingestSeconds(),
                    settings.ingestConcurrency()));
            results.put("ingest_events_v2", e);
            ingestRow("ingest: POST /v2/enqueue (Events v2)", e);
            goal("ingest, Events v2", "> 1,000/s", String.format("%.0f/s", (Double) e.get("accepted_per_s")),
                    (Double) e.get("accepted_per_s") > 1_000);
        }
        if (settings.phases().contains("timers")) {
            setup.timersPlan(settings.timerDelaySeconds());
            Map<String, Object> t = measured(() -> phases.timers(settings.timers(), settings.timerDelaySeconds(),
                    settings.timerConcurrency()));
            results.put("timers", t);
            Stats late = (Stats) t.get("lateness");
            row(String.format("timers: %d, first stage %ds", settings.timers(), settings.timerDelaySeconds()),
                    String.format("lateness %s; fired %s, never %s, twice+ %s; peak active %s", late,
                            t.get("fired"), t.get("never_fired"), t.get("fired_more_than_once"),
                            t.get("peak_active_timers")),
                    String.format("p50 %.1fx poll period (%.0f ms)", late.p50() / TIMER_POLL_MS, TIMER_POLL_MS));
            costRow(t);
            boolean once = (Integer) t.get("never_fired") == 0 && (Integer) t.get("fired_more_than_once") == 0;
            goal("timer lateness p99 (" + settings.timers() + " timers)", "< 1 s",
                    String.format("%.0f ms", late.p99()), late.count() > 0 && late.p99() < 1_000);
            goal("each timer fired exactly once", "all", String.format("%s of %s once", t.get("fired"),
                    t.get("raised")), once);
        }

        Map<String, Map<String, Double>> now = new ProcessCost(state.resolve("pids"), SERVICES).stopNow();
        results.put("cost_now", now);
        for (String service : SERVICES) {
            Map<String, Double> m = now.get(service);
            if (m != null) {
                goal(service + " peak RSS", "< 300 MB", String.format("%.0f MB (now %.0f)", m.get("peak_rss_mb"),
                        m.get("rss_mb")), m.get("peak_rss_mb") < 300);
            }
        }
        printGoals();
        results.put("goals", goals.stream().map(g -> Map.of("goal", g[0], "target", g[1], "measured", g[2],
                "result", g[3])).toList());

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(out, json.writeValueAsString(results));
        System.out.println();
        System.out.println("results written to " + out.toAbsolutePath());
    }

    /** Steady rates, then a stepped search for the highest rate whose p99 stays under a second. */
    private void raiseToSend(Phases phases) throws Exception {
        double floorPath = kafkaFloor.p50() + 3 * pgFloor.p50();
        Map<String, Object> steady = new LinkedHashMap<>();
        Double best = null;
        boolean allPassed = true;
        for (double rate : settings.raiseRates()) {
            Map<String, Object> r = raiseStep(phases, "s" + (int) rate, rate, settings.raiseSeconds(), floorPath);
            steady.put(String.format("%.0f_per_s", rate), r);
            if (underASecond(r)) {
                best = allPassed ? Double.valueOf(rate) : best;
            } else {
                allPassed = false;
            }
            if (rate == 100) {
                Stats s = (Stats) r.get("raise_to_send");
                goal("raise-to-send p99 at 100/s", "< 100 ms", String.format("%.0f ms (%s of %s sent)", s.p99(),
                        r.get("sms_received"), r.get("accepted")), s.count() > 0 && (Integer) r.get("sms_missing") == 0
                                && s.p99() < 100);
            }
        }
        Map<String, Object> search = new LinkedHashMap<>();
        double top = settings.raiseRates().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (allPassed) {
            for (double rate : settings.searchRates()) {
                if (rate <= top) {
                    continue;
                }
                Map<String, Object> r = raiseStep(phases, "q" + (int) rate, rate, settings.searchSeconds(), floorPath);
                search.put(String.format("%.0f_per_s", rate), r);
                if (!underASecond(r)) {
                    break;
                }
                best = rate;
            }
        }
        results.put("raise_to_send", Map.of("steady", steady, "search", search, "highest_rate_p99_under_1s",
                best == null ? "none tested" : best));
        row("raise-to-send: highest rate, p99 < 1 s", best == null ? "none of the tested rates"
                : String.format("%.0f incidents/s (stepped: %s, %ds steps)", best,
                        settings.searchRates(), settings.searchSeconds()), "");
    }

    private Map<String, Object> raiseStep(Phases phases, String step, double rate, int seconds, double floorPath)
            throws Exception {
        Map<String, Object> r = measured(() -> phases.raiseToSend(step, rate, seconds, settings.drainSeconds(),
                settings.raisePeople()));
        Stats s = (Stats) r.get("raise_to_send");
        row(String.format("raise-to-send @%.0f/s for %ds", rate, seconds), String.format("%s; missing %s",
                s, r.get("sms_missing")), String.format("p50 %.1fx floor path", s.p50() / floorPath));
        costRow(r);
        return r;
    }

    private static boolean underASecond(Map<String, Object> r) {
        Stats s = (Stats) r.get("raise_to_send");
        return s.count() > 0 && (Integer) r.get("sms_missing") == 0 && (Integer) r.get("refused") == 0
                && s.p99() < 1_000;
    }

    private void ingestRow(String what, Map<String, Object> m) {
        Stats latency = (Stats) m.get("latency");
        row(what, String.format("%.0f accepted/s (%s refused), %s", m.get("accepted_per_s"), m.get("refused"),
                latency), String.format("p50 %.1fx PG commit", latency.p50() / pgFloor.p50()));
        costRow(m);
    }

    interface Measured {
        Map<String, Object> run() throws Exception;
    }

    /** Runs a phase between two readings of every process's CPU time; the phase's map gets them as "cost". */
    /**
     * Nothing asked of the suite for a while, before the bench sets anything up: what the pollers, outbox relays,
     * consumers and health checks of the whole local run cost on their own, in CPU seconds and as a share of one core.
     */
    private void idle() throws Exception {
        int seconds = settings.idleSeconds();
        Map<String, Object> idle = measured(EVERY_PART, () -> {
            Thread.sleep(seconds * 1_000L);
            return new LinkedHashMap<>(Map.of("seconds", seconds));
        });
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> cost = (Map<String, Map<String, Double>>) idle.get("cost");
        double cpu = cost.values().stream().mapToDouble(m -> m.get("cpu_s")).sum();
        double share = 100 * cpu / seconds;
        idle.put("cpu_s_total", cpu);
        idle.put("share_of_one_core_percent", share);
        results.put("idle", idle);
        row("idle: the whole local run, " + seconds + " s", String.format("%.2f cpu-s in all: %s", cpu,
                cost.entrySet().stream().map(e -> String.format("%s %.2f", e.getKey().replace("-service", ""),
                        e.getValue().get("cpu_s"))).collect(Collectors.joining(", "))),
                String.format("%.1f%% of one core", share));
        goal("idle CPU of the whole local run", "< 5% core", String.format("%.1f%% of one core", share),
                share < 5);
    }

    private Map<String, Object> measured(Measured phase) throws Exception {
        return measured(PROCESSES, phase);
    }

    private Map<String, Object> measured(String[] processes, Measured phase) throws Exception {
        ProcessCost cost = new ProcessCost(state.resolve("pids"), processes);
        cost.start();
        Map<String, Object> m = phase.run();
        m.put("cost", cost.stop());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void costRow(Map<String, Object> m) {
        Map<String, Map<String, Double>> cost = (Map<String, Map<String, Double>>) m.get("cost");
        row("", cost.entrySet().stream().map(e -> String.format("%s %.1f cpu-s %.0f MB", e.getKey()
                .replace("-service", ""), e.getValue().get("cpu_s"), e.getValue().get("peak_rss_mb")))
                .collect(Collectors.joining(", ")), "(peak RSS since start)");
    }

    private void goal(String what, String target, String measured, Boolean met) {
        goals.add(new String[] {what, target, measured, met == null ? "not measured" : met ? "met" : "MISSED"});
    }

    private void printGoals() {
        System.out.println();
        System.out.println("Goals (issue 9; reported, never failing the build):");
        for (String[] g : goals) {
            System.out.printf("  %-40s %-10s %-36s %s%n", g[0], g[1], g[2], g[3]);
        }
    }

    private static String fmt(Object v) {
        return v == null ? "-" : v instanceof Number n ? String.format("%.0f", n.doubleValue()) : v.toString();
    }

    private static void row(String what, String numbers, String ratio) {
        System.out.printf("%-40s %-90s %s%n", what, numbers, ratio);
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

    /** The settings that decide what a commit costs, so a reader knows the floor was measured durably. */
    static String postgresDurability() throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(name || ' ' || setting, ', ' ORDER BY name)"
                        + " FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The database's floor: one single-row INSERT committed at a time. */
    static Stats postgresCommit(int commits) throws Exception {
        List<Long> samples = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
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
}
