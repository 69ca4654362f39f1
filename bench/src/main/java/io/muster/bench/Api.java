package io.muster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.local.LocalKeycloak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** The local run's HTTP endpoints, and a small blocking JSON client for setting up and reading results. */
final class Api {

    static final String DIRECTORY = "http://localhost:8081";
    static final String ESCALATION = "http://localhost:8082";
    static final String MAIL = "http://localhost:8090";
    static final String SNS = "http://localhost:8091";
    static final String KAFKA = "localhost:19092";
    static final String PG = "jdbc:postgresql://localhost:15432/";
    /** The integration key the local runner seeds into escalation-service (deploy/local/muster). */
    static final String INTEGRATION_KEY = "5e3d1c0ffee0ddba11c0ffee0ddba11c";

    /* HTTP/1.1: one connection per request in flight, as the monitoring tools that call Muster do. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private final LocalKeycloak keycloak;

    Api(Path state) {
        this.keycloak = new LocalKeycloak(state);
    }

    String token(String role) throws Exception {
        return keycloak.token(role);
    }

    static HttpRequest.Builder request(String method, String url, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends and returns the JSON answer; any status outside {@code expected} is an error naming the answer. */
    static JsonNode call(String method, String url, String token, String body, int... expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request(method, url, token, body).build(),
                HttpResponse.BodyHandlers.ofString());
        if (Arrays.stream(expected).noneMatch(s -> s == r.statusCode())) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    static int status(String method, String url, String token, String body) throws Exception {
        return HTTP.send(request(method, url, token, body).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
