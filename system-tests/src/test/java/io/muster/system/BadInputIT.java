package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        return Suite.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
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

    @Test
    void noGeneratedBadRequestGetsA5xxOrChangesAnything() throws Exception {
        Map<String, String> before = Suite.settledDatabaseSnapshot();
        List<BadInputCorpus.Probe> corpus = corpus();
        Map<String, String> tokens = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int fiveHundreds = 0;
        int refused = 0;
        long started = System.nanoTime();
        for (BadInputCorpus.Probe probe : corpus) {
            String role = permittedRole(probe.op());
            String token = tokens.computeIfAbsent(role, r -> {
                try {
                    return Suite.token(r);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpResponse<String> r = send(probe, token);
            if (r.statusCode() >= 500) {
                fiveHundreds++;
            } else if (r.statusCode() >= 400) {
                refused++;
            }
            String problem = judge(probe, r);
            if (problem != null) {
                wrong.add(probe + ": " + problem + " " + r.body().substring(0, Math.min(160, r.body().length())));
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Map<String, String> after = Suite.databaseSnapshot();
        List<String> changed = after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).toList();
        String line = String.format("%d requests generated from %d operations' OpenAPI documents (%s) in %d s: %d "
                + "answered 5xx, %d refused with a 4xx, %d answered wrongly; databases %s", corpus.size(),
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
