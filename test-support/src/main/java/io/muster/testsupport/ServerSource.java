package io.muster.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the shared PostgreSQL server and Kafka broker of a test JVM come from: started inside the JVM (no Docker
 * needed), or as containers through Testcontainers, the usual Quarkus way for a developer whose Docker engine answers.
 * {@code auto} (the default) takes containers when a Docker engine answers and the embedded servers otherwise; the
 * system property {@code muster.test.servers} or the variable {@code MUSTER_TEST_SERVERS} forces either.
 */
public enum ServerSource {
    EMBEDDED, CONTAINERS;

    public static final String PROPERTY = "muster.test.servers";
    public static final String VARIABLE = "MUSTER_TEST_SERVERS";

    /** The choice for a requested setting ({@code null} or blank meaning auto) and whether a Docker engine answers. */
    static Choice choose(String requested, BooleanSupplier dockerAnswers) {
        String wanted = requested == null || requested.isBlank() ? "auto" : requested.strip().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "embedded":
                return new Choice(EMBEDDED, "embedded PostgreSQL and Kafka, as " + VARIABLE + "=embedded asks");
            case "containers":
                if (!dockerAnswers.getAsBoolean()) {
                    throw new IllegalStateException(VARIABLE + "=containers, but no Docker engine answers (DOCKER_HOST,"
                            + " /var/run/docker.sock); unset it to use the embedded servers");
                }
                return new Choice(CONTAINERS, "PostgreSQL and Kafka containers, as " + VARIABLE + "=containers asks");
            case "auto":
                return dockerAnswers.getAsBoolean()
                        ? new Choice(CONTAINERS, "PostgreSQL and Kafka containers (a Docker engine answers; "
                                + VARIABLE + "=embedded to run without it)")
                        : new Choice(EMBEDDED, "embedded PostgreSQL and Kafka (no Docker engine answers; "
                                + VARIABLE + "=containers to require one)");
            default:
                throw new IllegalArgumentException(VARIABLE + " (or -D" + PROPERTY + ") must be auto, embedded or"
                        + " containers, not '" + requested + "'");
        }
    }

    /** The setting this JVM was started with: the system property first, then the environment. */
    static String requested() {
        String property = System.getProperty(PROPERTY);
        return property != null ? property : System.getenv(VARIABLE);
    }

    /**
     * Whether a Docker engine answers. Without any sign of one (no DOCKER_HOST, no socket where engines put it, no
     * Testcontainers settings file) the answer is no at once, without the seconds and the log lines of asking
     * Testcontainers' every strategy; with a sign, Testcontainers decides (it also pings the engine).
     */
    static boolean dockerAnswers() {
        if (!signOfDocker()) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * DOCKER_HOST, an engine's socket, or a Testcontainers settings file that names a host or a strategy (Testcontainers
     * writes that file itself on any machine, so its mere presence says nothing).
     */
    static boolean signOfDocker() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home", "/nonexistent"));
        if (Files.exists(Path.of("/var/run/docker.sock")) || Files.exists(home.resolve(".docker/run/docker.sock"))) {
            return true;
        }
        Path settings = home.resolve(".testcontainers.properties");
        try {
            return Files.exists(settings) && Files.readAllLines(settings).stream().map(String::strip)
                    .anyMatch(l -> l.startsWith("docker.host") || l.startsWith("docker.client.strategy"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** What was chosen and the line printed once per test JVM to say why. */
    public record Choice(ServerSource source, String why) {
    }
}
