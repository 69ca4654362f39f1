package io.muster.importers.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PagerDuty's REST API v2, read-only: a token ({@code Authorization: Token token=...}), the versioned media type,
 * classic {@code offset}/{@code limit}/{@code more} paging, and waiting out a 429 for as long as its
 * {@code ratelimit-reset} (or {@code Retry-After}) header says before asking again.
 */
public final class PagerDutyApi {

    static final String MEDIA_TYPE = "application/vnd.pagerduty+json;version=2";
    static final int PAGE_SIZE = 100;
    /** A 429 is waited out this many times in a row at most; then the read fails rather than hang. */
    static final int MAX_THROTTLED = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    /** Thrown when PagerDuty answers something other than the data asked for. */
    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }

    public PagerDutyApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Every item of a listed collection, page by page until {@code more} is false. */
    public List<JsonNode> list(String path, String field, Map<String, String> query) {
        List<JsonNode> items = new ArrayList<>();
        int offset = 0;
        while (true) {
            Map<String, String> q = new java.util.LinkedHashMap<>(query);
            q.put("limit", Integer.toString(PAGE_SIZE));
            q.put("offset", Integer.toString(offset));
            JsonNode page = get(path, q);
            JsonNode list = page.path(field);
            if (!list.isArray()) {
                throw new ApiException("GET " + path + " returned no " + field + " list");
            }
            list.forEach(items::add);
            if (!page.path("more").asBoolean(false) || list.isEmpty()) {
                return items;
            }
            offset += list.size();
        }
    }

    public JsonNode get(String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = base.resolve(path + (q.isEmpty() ? "" : "?" + q));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Token token=" + token).header("Accept", MEDIA_TYPE).GET().build();
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
                throw new ApiException("PagerDuty refused the token (" + response.statusCode() + ") for " + path
                        + ": it needs read access");
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

    /** How long a 429 asks to wait: {@code ratelimit-reset} seconds, else {@code Retry-After}, else one second. */
    static Duration waitFor(HttpResponse<?> response) {
        Optional<String> reset = response.headers().firstValue("ratelimit-reset")
                .or(() -> response.headers().firstValue("Retry-After"));
        try {
            long seconds = reset.map(String::strip).map(Long::parseLong).orElse(1L);
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
            throw new ApiException("interrupted while waiting out PagerDuty's rate limit");
        }
    }
}
