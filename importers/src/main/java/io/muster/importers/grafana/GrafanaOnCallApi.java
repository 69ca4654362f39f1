package io.muster.importers.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grafana OnCall's public HTTP API, read-only: the API token as the bare {@code Authorization} header, lists paged
 * as {@code {count, next, previous, results}}, and a 429 waited out for as long as its {@code Retry-After} says.
 *
 * <p>The instance is the team's own (OnCall is self-hosted, or a Grafana Cloud stack's OnCall API URL), so the base
 * URL is always given. A {@code next} link is followed by its path and query only, against that base: an instance
 * behind a proxy may write links with its internal host name, and the token is never sent anywhere else.
 */
public final class GrafanaOnCallApi {

    /** A 429 is waited out this many times in a row at most; then the read fails rather than hang. */
    static final int MAX_THROTTLED = 5;
    /** A list longer than this many pages is taken as a paging loop, not an organisation. */
    static final int MAX_PAGES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final URI origin;
    private final String token;

    /** Thrown when OnCall answers something other than the data asked for. */
    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }

    /** @param base the OnCall API URL, with any path prefix it has (the part before {@code /api/v1/}) */
    public GrafanaOnCallApi(URI base, String token) {
        String b = base.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.origin = URI.create(base.getScheme() + "://" + base.getRawAuthority());
        this.token = token;
    }

    /** Every item of a list, following {@code next} until it is null. {@code path} is like {@code users/}. */
    public List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        URI uri = URI.create(base + "/api/v1/" + path);
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonNode page = get(uri, path);
            JsonNode results = page.path("results");
            if (!results.isArray()) {
                throw new ApiException("GET " + path + " returned no results list");
            }
            results.forEach(items::add);
            JsonNode next = page.path("next");
            if (!next.isTextual() || next.asText().isBlank() || results.isEmpty()) {
                return items;
            }
            URI link = URI.create(next.asText());
            uri = origin.resolve(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
        }
        throw new ApiException("GET " + path + " kept naming a next page after " + MAX_PAGES + " pages");
    }

    private JsonNode get(URI uri, String path) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", token).header("Accept", "application/json").GET().build();
        for (int throttled = 0; ; throttled++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new ApiException("GET " + path + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException("interrupted while reading " + path);
            }
            if (response.statusCode() == 429 && throttled < MAX_THROTTLED) {
                sleep(waitFor(response));
                continue;
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new ApiException("Grafana OnCall refused the token (" + response.statusCode() + ") for "
                        + path + ": it needs read access");
            }
            if (response.statusCode() != 200) {
                throw new ApiException("GET " + path + " answered " + response.statusCode());
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new ApiException("GET " + path + " returned something that is not JSON");
            }
        }
    }

    /** How long a 429 asks to wait: {@code Retry-After} seconds (at most a minute), else one second. */
    static Duration waitFor(HttpResponse<?> response) {
        try {
            long seconds = response.headers().firstValue("Retry-After").map(String::strip).map(Long::parseLong)
                    .orElse(1L);
            return Duration.ofSeconds(Math.max(0, Math.min(seconds, 60)));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while waiting out Grafana OnCall's rate limit");
        }
    }
}
