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
        if (args.length < 3) {
            System.err.println("usage: LocalPostgres <data-dir> <port> <database>...");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args).subList(2, args.length);
        Files.createDirectories(dataDir);
        // An existing cluster is reused (initdb runs only when the directory holds none): a restarted PostgreSQL
        // must come back with every row it had, as a real one would. Deleting the directory starts from nothing.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                .start();
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

    private static boolean exists(Connection c, String query, String name) throws Exception {
        try (PreparedStatement q = c.prepareStatement(query)) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
