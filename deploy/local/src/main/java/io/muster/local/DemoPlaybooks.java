package io.muster.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Loads the demo playbooks (deploy/local/demo/playbooks.json: incident type -> playbook) into escalation-service,
 * each with {@code PUT /api/v1/playbooks/{type}}. A type that already has a playbook is left as it is, so running
 * {@code up} again never overwrites an admin's edits. Escalation checks step owners against its replica of the
 * directory, which fills a moment after the demo organisation is imported: a 422 (role not known yet) is retried
 * for up to a minute. Usage: {@code DemoPlaybooks <file> <escalation base URL>}, admin token in {@code MUSTER_TOKEN}.
 */
public final class DemoPlaybooks {

    private static final Duration REPLICA_CATCH_UP = Duration.ofSeconds(60);

    private DemoPlaybooks() {
    }

    public static void main(String[] args) throws Exception {
        String token = System.getenv("MUSTER_TOKEN");
        if (args.length != 2 || token == null || token.isBlank()) {
            System.err.println("usage: MUSTER_TOKEN=<admin token> DemoPlaybooks <playbooks.json> <escalation URL>");
            System.exit(2);
        }
        JsonNode playbooks = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int loaded = 0;
        int kept = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = playbooks.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> playbook = it.next();
            URI uri = URI.create(args[1] + "/api/v1/playbooks/"
                    + URLEncoder.encode(playbook.getKey(), StandardCharsets.UTF_8).replace("*", "%2A"));
            HttpResponse<String> existing = http.send(request(uri, token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (existing.statusCode() == 200) {
                kept++;
                continue;
            }
            if (existing.statusCode() != 404) {
                fail(playbook.getKey(), existing);
            }
            long deadline = System.nanoTime() + REPLICA_CATCH_UP.toNanos();
            while (true) {
                HttpResponse<String> put = http.send(request(uri, token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(playbook.getValue().toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (put.statusCode() == 200 || put.statusCode() == 201) {
                    loaded++;
                    break;
                }
                if (put.statusCode() != 422 || System.nanoTime() > deadline) {
                    fail(playbook.getKey(), put);
                }
                Thread.sleep(1_000);
            }
        }
        System.out.println(loaded + " loaded, " + kept + " already there");
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token);
    }

    private static void fail(String type, HttpResponse<String> answer) {
        System.err.println("playbook " + type + ": HTTP " + answer.statusCode() + " " + answer.body());
        System.exit(1);
    }
}
