package io.muster.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path data;

    @Test
    void theLocalRunsServerFlushesEveryCommitAndKeepsItsRowsAcrossARestart() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedPostgres first = LocalPostgres.startDurable(data, port)) {
            assertEquals("on", show(first, "fsync"), "the embedded default (-F) is overridden");
            assertEquals("on", show(first, "synchronous_commit"));
            assertEquals("on", show(first, "full_page_writes"));
            try (Connection c = first.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE accepted (id INT PRIMARY KEY)");
                s.execute("INSERT INTO accepted VALUES (1)");
            }
        }
        try (EmbeddedPostgres again = LocalPostgres.startDurable(data, port);
                Connection c = again.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM accepted")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "a restart reuses the cluster and its committed rows");
            assertEquals("on", show(again, "fsync"));
        }
    }

    private static String show(EmbeddedPostgres postgres, String setting) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
