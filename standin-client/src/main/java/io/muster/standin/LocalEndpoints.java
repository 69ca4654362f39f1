package io.muster.standin;

/**
 * Where the local run ({@code deploy/local/muster up}) listens. The ports are fixed by the runner, so the bench, the
 * system tests and the runner's own demo and drill name them from here rather than each keeping a copy.
 */
public final class LocalEndpoints {

    public static final String DIRECTORY = "http://localhost:8081";
    public static final String ESCALATION = "http://localhost:8082";
    public static final String NOTIFICATION = "http://localhost:8083";
    public static final String GAMEDAY = "http://localhost:8084";
    /** GreenMail's REST API (the SMTP server's mailboxes). */
    public static final String MAIL = "http://localhost:8090";
    /** WireMock standing in for Amazon SNS; its admin API holds the request journal. */
    public static final String SNS = "http://localhost:8091";
    public static final String KAFKA = "localhost:19092";
    /** The runner's PostgreSQL; append a database name. */
    public static final String POSTGRES = "jdbc:postgresql://localhost:15432/";

    private LocalEndpoints() {
    }
}
