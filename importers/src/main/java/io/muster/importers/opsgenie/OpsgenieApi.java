package io.muster.importers.opsgenie;

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
import java.util.Optional;

/**
 * Opsgenie's REST API v2, read-only: the API key as {@code Authorization: GenieKey ...}, lists as {@code data} with a
 * {@code paging.next} link (followed by its path and query only, against the configured endpoint, so the key goes
 * nowhere else), and a 429 waited out before asking again.
 */
public final class OpsgenieApi {

    static final int PAGE_SIZE = 100;
    /** A 429 is waited out this many times in a row at most; then the read fails rather than hang. */
    static final int MAX_THROTTLED = 5;
    static final int MAX_PAGES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String key;

    /** Thrown when Opsgenie answers something other than the data asked for. */
    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }

    public OpsgenieApi(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** Every item of a list, following {@code paging.next} until there is none. {@code path} carries any query. */
    public List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonNode page = get(next);
            JsonNode data = page.path("data");
            if (!data.isArray()) {
                throw new ApiException("GET " + path + " returned no data list");
            }
            data.forEach(items::add);
            JsonNode link = page.path("paging").path("next");
            if (!link.isTextual() || link.asText().isBlank() || data.isEmpty()) {
                return items;
            }
            URI u = URI.create(link.asText());
            next = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }
        throw new ApiException("GET " + path + " kept naming a next page after " + MAX_PAGES + " pages");
    }

    public JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "GenieKey " + key).header("Accept", "application/json").GET().build();
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
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
                throw new ApiException("Opsgenie refused the API key (" + response.statusCode() + ") for " + path
                        + ": it needs read access to the configuration");
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

    /**
     * How long a 429 asks to wait: {@code Retry-After} seconds, else the throttling period Opsgenie names in
     * {@code X-RateLimit-Period-In-Sec}, else one second; at most a minute.
     */
    static Duration waitFor(HttpResponse<?> response) {
        Optional<String> wait = response.headers().firstValue("Retry-After")
                .or(() -> response.headers().firstValue("X-RateLimit-Period-In-Sec"));
        try {
            long seconds = wait.map(String::strip).map(Long::parseLong).orElse(1L);
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
            throw new ApiException("interrupted while waiting out Opsgenie's rate limit");
        }
    }
}
