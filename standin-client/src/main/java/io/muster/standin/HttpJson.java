package io.muster.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * A small blocking HTTP client for JSON APIs, as a caller outside the suite sees them: an optional bearer token, a
 * body, and the answer either raw or as JSON checked against the statuses the caller expects.
 */
public final class HttpJson {

    public static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1: the JDK client's h2c upgrade breaks on the SNS stand-in's large journal answers
    // ("Frame ... exceeds MAX_FRAME_SIZE"), and the monitoring tools that call Muster hold one connection per
    // request in flight; nothing here gains from HTTP/2.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;

    /** {@code timeout} bounds each request, from sending to the last byte of the answer. */
    public HttpJson(Duration timeout) {
        this.timeout = timeout;
    }

    /** The underlying client, for callers that send many requests at once ({@link HttpClient#sendAsync}). */
    public HttpClient client() {
        return client;
    }

    /** A request with this client's timeout; {@code token} and {@code body} may be null. */
    public HttpRequest.Builder request(String method, String url, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    /** As {@link #request(String, String, String, String, String)} with a JSON body when there is one. */
    public HttpRequest.Builder request(String method, String url, String token, String body) {
        return request(method, url, token, body == null ? null : "application/json", body);
    }

    /** Sends and returns the answer as it is, whatever its status. */
    public HttpResponse<String> exchange(String method, String url, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return client.send(request(method, url, token, contentType, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a JSON body (or none) and returns the JSON answer (an empty object for an empty one); any status outside
     * {@code expected} is an error naming the request and the answer.
     */
    public JsonNode call(String method, String url, String token, String body, int... expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = exchange(method, url, token, body == null ? null : "application/json", body);
        if (Arrays.stream(expected).noneMatch(s -> s == r.statusCode())) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    /** The answer's body as text; anything but 200 is an error. */
    public String text(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = exchange("GET", url, token, null, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Only the status of the answer (its body is not read). */
    public int status(String method, String url, String token, String body) throws IOException, InterruptedException {
        return client.send(request(method, url, token, body).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** {@code s} as a JSON string literal, quotes and escapes included. */
    public static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
