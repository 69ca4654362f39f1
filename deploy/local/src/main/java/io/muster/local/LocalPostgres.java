package io.muster.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one real PostgreSQL server for the local run, with a database and an owner per service, until this
 * process is stopped (SIGTERM stops the server cleanly). Usage: {@code LocalPostgres <data-dir> <port> <db>...}.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.of(args, "LocalPostgres <data-dir> <port> <database>...");
        Path dataDir = a.path(0).toAbsolutePath();
        int port = a.number(1, 0);
        List<String> databases = a.from(2);
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = startDurable(dataDir, port);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String db : databases) {
                if (!db.matches("[a-z][a-z0-9_]{0,30}")) {
                    throw new IllegalArgumentException("database name " + db);
                }
                if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", db)) {
                    s.execute("CREATE ROLE " + db + " LOGIN PASSWORD '" + db + "'");
                }
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", db)) {
                    s.execute("CREATE DATABASE " + db + " OWNER " + db);
                }
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e);
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready on port " + port + " with databases " + databases);
        stopped.await();
    }

    /**
     * Starts (or restarts) the server on an existing or new cluster in {@code dataDir}. An existing cluster is reused
     * (initdb runs only when the directory holds none): a restarted PostgreSQL must come back with every row it had,
     * as a real one would. Deleting the directory starts from nothing.
     */
    static EmbeddedPostgres startDurable(Path dataDir, int port) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // The embedded server starts with -F (fsync off) and synchronous_commit off, which suit tests. This
                // is the single-machine deployment: an accepted raise must survive a power loss, so both go back on
                // (a later -c wins over -F) and full_page_writes guards against torn pages.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        requireDurable(postgres);
        return postgres;
    }

    /** Refuses to serve if the server would acknowledge a commit it has not flushed to disk. */
    static void requireDurable(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    if (!"on".equals(rs.getString(1))) {
                        postgres.close();
                        throw new IllegalStateException("PostgreSQL started with " + setting + "=" + rs.getString(1)
                                + "; the local run keeps its data durable and will not run that way");
                    }
                }
            }
        }
    }

    private static boolean exists(Connection c, String query, String name) throws Exception {
        try (PreparedStatement q = c.prepareStatement(query)) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
