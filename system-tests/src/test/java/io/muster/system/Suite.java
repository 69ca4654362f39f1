package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.local.LocalKeycloak;
import io.muster.standin.HttpJson;
import io.muster.standin.MailStandIn;
import io.muster.standin.SnsStandIn;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite, started once per test JVM by the local runner ({@code deploy/local/muster up}) from the
 * packaged services, and stopped with {@code down} when the JVM exits. Tests reach it only from the outside:
 * HTTP with real tokens, the SMTP server's and SNS stand-in's APIs, and read-only database snapshots.
 */
final class Suite {

    static final Map<String, Integer> SERVICES = Map.of("directory-service", 8081, "escalation-service", 8082,
            "notification-service", 8083, "gameday-service", 8084);
    static final List<String> DATABASES = List.of("directory", "escalation", "notification", "gameday");
    static final ObjectMapper JSON = HttpJson.JSON;
    static final HttpJson HTTP = new HttpJson(Duration.ofSeconds(30));
    /** What the providers' stand-ins received: what a person would have got on their phone or in their inbox. */
    static final SnsStandIn SNS = new SnsStandIn(HTTP);
    static final MailStandIn MAIL = new MailStandIn(HTTP);

    private static final Path ROOT = Path.of(System.getProperty("muster.root", "..")).toAbsolutePath().normalize();
    private static final Path STATE = Path.of(System.getProperty("muster.state", "target/muster-state"))
            .toAbsolutePath().normalize();
    private static boolean up;

    private Suite() {
    }

    static synchronized void up() throws Exception {
        if (up) {
            return;
        }
        // Every run starts from nothing: stop what an aborted earlier run may have left, and drop its data.
        runner("down", Duration.ofMinutes(2));
        deleteTree(STATE.resolve("postgres"));
        deleteTree(STATE.resolve("kafka"));
        // Registered before `up`, so that a start that fails half-way still stops what it started.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner("down", Duration.ofMinutes(2));
            } catch (Exception | AssertionError e) {
                System.err.println("muster down failed: " + e);
            }
        }, "muster-down"));
        up = true;
        // The first run in a state directory also unpacks and builds Keycloak (about a minute on two busy cores).
        runner("up", Duration.ofMinutes(10));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Runs {@code deploy/local/muster <command>} on this suite and returns what it printed; fails on a non-zero exit. */
    static String runner(String command, Duration timeout) throws Exception {
        return runner(timeout, command);
    }

    /** Runs {@code deploy/local/muster <args...>}, e.g. {@code stop kafka}; fails on a non-zero exit. */
    static String runner(Duration timeout, String... args) throws Exception {
        Files.createDirectories(STATE);
        Path log = STATE.resolve("runner-" + String.join("-", args) + ".log");
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/local/muster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("MUSTER_STATE_DIR", STATE.toString());
        pb.environment().put("MUSTER_RUNNER_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("MUSTER_DEMO_STAGE_SECONDS", "10");
        // The drill starts a few seconds after it is scheduled, and its first stage times out after 10 s.
        pb.environment().put("MUSTER_DRILL_LEAD_SECONDS", "5");
        pb.environment().put("MUSTER_DRILL_STAGE_SECONDS", "10");
        // The services inherit the runner's environment. A send attempt left in flight by a killed
        // notification-service counts as abandoned after this lease (2 minutes in production), so the crash tests
        // see it recovered within their bounds.
        pb.environment().put("MUSTER_NOTIFICATION_IN_FLIGHT_LEASE", "10s");
        // The services' own flags plus the client compiler only: the suite (re)starts services a dozen times, and
        // each start takes half the CPU without the optimising compiler; what is tested is behaviour, not speed.
        pb.environment().put("MUSTER_SERVICE_EXTRA_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        Process p = pb.start();
        boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done && p.exitValue() == 0)
                .as("deploy/local/muster %s failed:%n%s", String.join(" ", args), Files.readString(log))
                .isTrue();
        return Files.readString(log);
    }

    /** A file the local runner keeps in its state directory (e.g. {@code tls/truststore.p12}). */
    static Path stateFile(String relative) {
        return STATE.resolve(relative);
    }

    /** The pid the runner recorded for a part, or null when it is not running. */
    static String pid(String part) throws IOException {
        Path file = STATE.resolve("pids").resolve(part + ".pid");
        return Files.exists(file) ? Files.readString(file).strip() : null;
    }

    /** One number from a read-only query on a service's database (e.g. how many send attempts are still queued). */
    static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:15432/" + db, "postgres", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String url(String service, String path) {
        return "http://localhost:" + SERVICES.get(service) + path;
    }

    private static LocalKeycloak keycloak;
    private static final Map<String, String> REFUSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static synchronized LocalKeycloak keycloak() {
        if (keycloak == null) {
            keycloak = new LocalKeycloak(STATE);
        }
        return keycloak;
    }

    /**
     * A valid token from the suite's Keycloak holding one realm role: the calling systems' roles from their clients
     * (client credentials), people's roles from a user {@code <role>@system.test} (password grant).
     */
    static String token(String role) throws Exception {
        return switch (role) {
            case "muster-integration", "muster-gameday" -> keycloak().token(role);
            default -> token(role, role.replace("muster-", "") + "@system.test");
        };
    }

    /**
     * A valid token for the user {@code subject} (its preferred_username), created in Keycloak through the admin REST
     * API on first use with this one realm role (a subject keeps the role it was first created with).
     */
    static String token(String role, String subject) throws Exception {
        String password = keycloak().user(subject, List.of(role));
        return keycloak().passwordToken("muster-cli", subject, password);
    }

    /** A real token of the realm, expired: from a client whose tokens live two seconds, used after they have. */
    static String expiredToken(String role) throws Exception {
        return REFUSED.computeIfAbsent("expired " + role, k -> unchecked(() -> {
            String user = "late-" + role.replace("muster-", "") + "@system.test";
            JsonNode grant = keycloak().freshPasswordGrant("muster-cli-short-lived", user,
                    keycloak().user(user, List.of(role)));
            Thread.sleep((grant.path("expires_in").asLong() + 2) * 1_000);
            String token = grant.path("access_token").asText();
            assertThat(claims(token).path("exp").asLong()).isLessThan(Instant.now().getEpochSecond());
            return token;
        }));
    }

    /** A correctly formed token naming another issuer, signed by a key the realm does not hold. */
    static String wrongIssuerToken(String role) throws Exception {
        return REFUSED.computeIfAbsent("issuer " + role, k -> unchecked(() -> {
            com.fasterxml.jackson.databind.node.ObjectNode claims = claims(token(role)).deepCopy();
            claims.put("iss", "https://elsewhere.example.com/realms/muster");
            return forge(header(token(role)), JSON.writeValueAsString(claims));
        }));
    }

    /** A real token of the realm (right issuer, audience and roles) whose signature is made by another key. */
    static String badSignatureToken(String role) throws Exception {
        return REFUSED.computeIfAbsent("signature " + role, k -> unchecked(() -> {
            String real = token(role);
            return forge(header(real), JSON.writeValueAsString(claims(real)));
        }));
    }

    /** A real token of the realm from a client without the audience mapper: it carries no {@code aud=muster}. */
    static String wrongAudienceToken(String role) throws Exception {
        return REFUSED.computeIfAbsent("audience " + role, k -> unchecked(() -> {
            String user = "other-" + role.replace("muster-", "") + "@system.test";
            String token = keycloak().freshPasswordGrant("muster-cli-other-audience", user,
                    keycloak().user(user, List.of(role))).path("access_token").asText();
            assertThat(claims(token).path("aud").toString()).doesNotContain("\"muster\"");
            return token;
        }));
    }

    static JsonNode claims(String token) throws IOException {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String header(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Signs header and claims with RS256 under a key pair made here, which no realm holds. */
    private static String forge(String header, String claims) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
        rs256.initSign(generator.generateKeyPair().getPrivate());
        rs256.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(rs256.sign());
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T unchecked(Step<T> step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> call(String method, String url, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return HTTP.exchange(method, url, token, contentType, body);
    }

    static JsonNode openApi(String service) throws Exception {
        HttpResponse<String> r = call("GET", url(service, "/q/openapi?format=json"), null, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** One operation of a service's OpenAPI document. */
    record Operation(String service, String method, String path, JsonNode spec) {
        String concretePath() {
            return path.replaceAll("\\{[^}]*(id|Id)}", "00000000-0000-4000-8000-00000000beef")
                    .replaceAll("\\{[^}]+}", "no-such-thing");
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    static List<Operation> operations() throws Exception {
        List<Operation> all = new ArrayList<>();
        for (String service : SERVICES.keySet().stream().sorted().toList()) {
            JsonNode paths = openApi(service).path("paths");
            paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    all.add(new Operation(service, method.toUpperCase(), path, paths.get(path).get(method)));
                }
            }));
        }
        return all;
    }

    /**
     * A snapshot taken once the suite has settled: consumers catch up asynchronously (the directory's seeded roles
     * reach the replicas a moment after start), so wait until two snapshots a second apart agree.
     */
    static Map<String, String> settledDatabaseSnapshot() throws Exception {
        Map<String, String> previous = databaseSnapshot();
        for (int i = 0; i < 60; i++) {
            Thread.sleep(1_000);
            Map<String, String> current = databaseSnapshot();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("the databases kept changing for a minute; nothing to compare against");
    }

    /**
     * A fingerprint of every table in every service database: row count and a hash of the rows' text. Bad
     * requests must leave it unchanged.
     */
    static Map<String, String> databaseSnapshot() throws Exception {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String db : DATABASES) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:15432/" + db, "postgres", "");
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, "
                            + "'|' ORDER BY t::text)), '') FROM \"" + table + "\" t")) {
                        rs.next();
                        snapshot.put(db + "." + table, rs.getString(1));
                    }
                }
            }
        }
        return snapshot;
    }
}
