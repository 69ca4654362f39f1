package io.muster.importers.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.importers.http.ProviderHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grafana OnCall's public HTTP API, read-only: the API token as the bare {@code Authorization} header, lists paged
 * as {@code {count, next, previous, results}}, and a 429 waited out for as long as its {@code Retry-After} says.
 *
 * <p>The instance is the team's own (OnCall is self-hosted, or a Grafana Cloud stack's OnCall API URL), so the base
 * URL is always given. A {@code next} link is followed by its path and query only, against that base: an instance
 * behind a proxy may write links with its internal host name, and the token is never sent anywhere else.
 */
public final class GrafanaOnCallApi {

    /** A list longer than this many pages is taken as a paging loop, not an organisation. */
    static final int MAX_PAGES = 10_000;

    private final String base;
    private final URI origin;
    private final ProviderHttp http;

    /** @param base the OnCall API URL, with any path prefix it has (the part before {@code /api/v1/}) */
    public GrafanaOnCallApi(URI base, String token) {
        String b = base.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.origin = URI.create(base.getScheme() + "://" + base.getRawAuthority());
        this.http = new ProviderHttp("Grafana OnCall", Map.of("Authorization", token, "Accept", "application/json"),
                List.of("Retry-After"), "token", "read access");
    }

    /** Every item of a list, following {@code next} until it is null. {@code path} is like {@code users/}. */
    public List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        URI uri = URI.create(base + "/api/v1/" + path);
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonNode page = get(uri, path);
            JsonNode results = page.path("results");
            if (!results.isArray()) {
                throw new ProviderHttp.ApiException("GET " + path + " returned no results list");
            }
            results.forEach(items::add);
            JsonNode next = page.path("next");
            if (!next.isTextual() || next.asText().isBlank() || results.isEmpty()) {
                return items;
            }
            URI link = URI.create(next.asText());
            uri = origin.resolve(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
        }
        throw new ProviderHttp.ApiException("GET " + path + " kept naming a next page after " + MAX_PAGES + " pages");
    }

    private JsonNode get(URI uri, String path) {
        return http.get(uri, path);
    }
}
