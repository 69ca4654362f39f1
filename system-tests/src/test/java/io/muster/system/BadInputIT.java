package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests generated from each running service's OpenAPI document ({@link BadInputCorpus}), sent with a
 * token that may call the operation: none may get a 5xx, every 4xx is problem+json, a value that must be refused is
 * (a 400 names its field or parameter), and no database changes.
 */
class BadInputIT {

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
    }

    static String permittedRole(Suite.Operation op) {
        var allowed = AccessMatrixIT.allowedRoles(op);
        for (String role : AccessMatrixIT.ROLES) {
            if (AccessMatrixIT.IMPLIES.get(role).stream().anyMatch(allowed::contains)) {
                return role;
            }
        }
        // Operations authenticated another way (integration key, signed link) get an admin token, which they ignore.
        return "muster-admin";
    }

    static List<BadInputCorpus.Probe> corpus() throws Exception {
        List<BadInputCorpus.Probe> corpus = new ArrayList<>();
        Map<String, List<Suite.Operation>> byService = new TreeMap<>();
        for (Suite.Operation op : Suite.operations()) {
            byService.computeIfAbsent(op.service(), s -> new ArrayList<>()).add(op);
        }
        for (Map.Entry<String, List<Suite.Operation>> service : byService.entrySet()) {
            corpus.addAll(BadInputCorpus.generate(Suite.openApi(service.getKey()), service.getValue()));
        }
        return corpus;
    }

    static HttpResponse<String> send(BadInputCorpus.Probe probe, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Suite.url(probe.op().service(),
                probe.pathAndQuery()))).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        probe.headers().forEach(b::header);
        if (probe.contentType() != null) {
            b.header("Content-Type", probe.contentType());
        }
        b.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body()));
        return Suite.HTTP.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What is wrong with the answer to {@code probe}, or null when it is as it should be. */
    static String judge(BadInputCorpus.Probe probe, HttpResponse<String> r) {
        int status = r.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status >= 400) {
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                return "answered " + status + " without problem+json";
            }
            if (status == 400 && probe.mustRefuse()) {
                List<String> fields = new ArrayList<>();
                try {
                    Suite.JSON.readTree(r.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
                } catch (Exception e) {
                    return "answered 400 with a body that is not JSON";
                }
                if (!fields.contains(probe.field())) {
                    return "answered 400 naming " + fields + ", not " + probe.field();
                }
            }
            return null;
        }
        if (probe.mustRefuse()) {
            return "accepted (" + status + ")";
        }
        return null;
    }

    /** Every row of every table, as text, to show what changed when the snapshots disagree. */
    static Map<String, Set<String>> rows() throws Exception {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String db : Suite.DATABASES) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:15432/" + db, "postgres", "");
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    Set<String> rows = new TreeSet<>();
                    try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                    out.put(db + "." + table, rows);
                }
            }
        }
        return out;
    }

    @Test
    void noGeneratedBadRequestGetsA5xxOrChangesAnything() throws Exception {
        Map<String, String> before = Suite.settledDatabaseSnapshot();
        List<BadInputCorpus.Probe> corpus = corpus();
        Map<String, String> tokens = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int fiveHundreds = 0;
        int refused = 0;
        Map<String, Set<String>> rowsBefore = rows();
        for (String role : AccessMatrixIT.ROLES) {
            tokens.put(role, Suite.token(role));
        }
        long started = System.nanoTime();
        // A few callers at once, as clients would be; the answers are judged one by one.
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<String>> verdicts = new ArrayList<>();
        for (BadInputCorpus.Probe probe : corpus) {
            verdicts.add(callers.submit(() -> {
                HttpResponse<String> r;
                try {
                    r = send(probe, tokens.get(permittedRole(probe.op())));
                } catch (HttpTimeoutException e) {
                    return "000 " + probe + ": no answer within 30 s";
                } catch (IOException e) {
                    return "000 " + probe + ": no answer, the connection ended (" + e.getMessage() + ")";
                }
                String problem = judge(probe, r);
                return r.statusCode() + (problem == null ? ""
                        : " " + probe + ": " + problem + " " + r.body().substring(0, Math.min(160, r.body().length())));
            }));
        }
        for (Future<String> verdict : verdicts) {
            String v = verdict.get(5, TimeUnit.MINUTES);
            int status = Integer.parseInt(v.substring(0, 3));
            if (status >= 500 || status == 0) {
                fiveHundreds++;
            } else if (status >= 400) {
                refused++;
            }
            if (v.length() > 3) {
                wrong.add(v.substring(4));
            }
        }
        callers.shutdown();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Map<String, String> after = Suite.databaseSnapshot();
        List<String> changed = after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).toList();
        if (!changed.isEmpty()) {
            Map<String, Set<String>> rowsAfter = rows();
            for (String table : changed) {
                Set<String> gone = new TreeSet<>(rowsBefore.getOrDefault(table, Set.of()));
                gone.removeAll(rowsAfter.getOrDefault(table, Set.of()));
                Set<String> added = new TreeSet<>(rowsAfter.getOrDefault(table, Set.of()));
                added.removeAll(rowsBefore.getOrDefault(table, Set.of()));
                System.out.println("changed " + table + ": rows gone " + gone + ", rows added " + added);
            }
        }
        String line = String.format("%d requests generated from %d operations' OpenAPI documents (%s) in %d s: %d "
                + "answered 5xx or not at all, %d refused with a 4xx, %d answered wrongly; databases %s", corpus.size(),
                corpus.stream().map(p -> p.op().toString()).distinct().count(), BadInputCorpus.describe(corpus),
                seconds, fiveHundreds, refused, wrong.size(), changed.isEmpty() ? "unchanged" : "CHANGED " + changed);
        System.out.println("bad input: " + line);
        wrong.stream().limit(200).forEach(w -> System.out.println("  " + w));
        Summary.record("bad input", line);
        assertThat(corpus.size()).isGreaterThanOrEqualTo(1_000);
        assertThat(wrong).as("answers to generated bad requests").isEmpty();
        assertThat(changed).as("tables changed by bad requests").isEmpty();
    }
}
