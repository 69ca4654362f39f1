package io.muster.importers.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.importers.http.ProviderHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opsgenie's REST API v2, read-only: the API key as {@code Authorization: GenieKey ...}, lists as {@code data} with a
 * {@code paging.next} link (followed by its path and query only, against the configured endpoint, so the key goes
 * nowhere else), and a 429 waited out before asking again.
 */
public final class OpsgenieApi {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 10_000;

    private final URI base;
    private final ProviderHttp http;

    public OpsgenieApi(URI base, String key) {
        this.base = base;
        // Opsgenie names its throttling period in X-RateLimit-Period-In-Sec when it sends no Retry-After.
        this.http = new ProviderHttp("Opsgenie", Map.of("Authorization", "GenieKey " + key, "Accept",
                "application/json"), List.of("Retry-After", "X-RateLimit-Period-In-Sec"), "API key",
                "read access to the configuration");
    }

    /** Every item of a list, following {@code paging.next} until there is none. {@code path} carries any query. */
    public List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonNode page = get(next);
            JsonNode data = page.path("data");
            if (!data.isArray()) {
                throw new ProviderHttp.ApiException("GET " + path + " returned no data list");
            }
            data.forEach(items::add);
            JsonNode link = page.path("paging").path("next");
            if (!link.isTextual() || link.asText().isBlank() || data.isEmpty()) {
                return items;
            }
            URI u = URI.create(link.asText());
            next = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }
        throw new ProviderHttp.ApiException("GET " + path + " kept naming a next page after " + MAX_PAGES + " pages");
    }

    public JsonNode get(String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
        return http.get(base.resolve(pathAndQuery), path);
    }
}
