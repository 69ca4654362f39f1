package io.muster.importers.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.importers.http.ProviderHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PagerDuty's REST API v2, read-only: a token ({@code Authorization: Token token=...}), the versioned media type,
 * classic {@code offset}/{@code limit}/{@code more} paging, and waiting out a 429 for as long as its
 * {@code ratelimit-reset} (or {@code Retry-After}) header says before asking again.
 */
public final class PagerDutyApi {

    static final String MEDIA_TYPE = "application/vnd.pagerduty+json;version=2";
    static final int PAGE_SIZE = 100;

    private final URI base;
    private final ProviderHttp http;

    public PagerDutyApi(URI base, String token) {
        this.base = base;
        this.http = new ProviderHttp("PagerDuty", Map.of("Authorization", "Token token=" + token, "Accept",
                MEDIA_TYPE), List.of("ratelimit-reset", "Retry-After"), "token", "read access");
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
                throw new ProviderHttp.ApiException("GET " + path + " returned no " + field + " list");
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
        return http.get(base.resolve(path + (q.isEmpty() ? "" : "?" + q)), path);
    }
}
