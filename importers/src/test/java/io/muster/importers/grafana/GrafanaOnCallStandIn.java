package io.muster.importers.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.muster.importers.JsonStandIn;
import java.io.IOException;
import java.util.Set;

/**
 * Speaks Grafana OnCall's public HTTP API for an organisation kept in a JSON file of the API's own shapes: the token
 * as the bare {@code Authorization} header, lists as {@code {count, next, previous, results}} of at most
 * {@link #PAGE} items with {@code ?page=N} links, and 429 with {@code Retry-After} for the calls told to throttle.
 * Its {@code next} links name the host the engine believes it runs on, {@link #ENGINE_HOST}, as an instance behind a
 * proxy does, so a reader that followed them blindly would fail.
 */
public final class GrafanaOnCallStandIn extends JsonStandIn {

    public static final String TOKEN = "oncall-standin-token";
    static final int PAGE = 4;
    static final String ENGINE_HOST = "http://oncall-engine.internal:8080";
    private static final Set<String> LISTS = Set.of("users", "schedules", "on_call_shifts", "escalation_chains",
            "escalation_policies", "integrations");

    public GrafanaOnCallStandIn(String resource) {
        super(resource);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            record(path + (query == null ? "" : "?" + query));
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, JSON.createObjectNode().put("detail", "Invalid token."));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 405, JSON.createObjectNode().put("detail", "Method not allowed."));
                return;
            }
            if (throttledNow(path)) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                reply(exchange, 429, JSON.createObjectNode().put("detail",
                        "Request was throttled. Expected available in 1 second."));
                return;
            }
            String[] parts = path.split("/");
            // "/api/v1/users/" splits into "", "api", "v1", "users"; the trailing slash is required, as OnCall's is.
            if (parts.length != 4 || !parts[1].equals("api") || !parts[2].equals("v1") || !LISTS.contains(parts[3])
                    || !path.endsWith("/")) {
                reply(exchange, 404, JSON.createObjectNode().put("detail", "Not found."));
                return;
            }
            int page = 1;
            if (query != null && query.startsWith("page=")) {
                page = Integer.parseInt(query.substring(5));
            }
            reply(exchange, 200, page(fixture.path(parts[3]), path, page));
        } catch (RuntimeException e) {
            reply(exchange, 500, JSON.createObjectNode().put("detail", e.toString()));
        }
    }

    private static ObjectNode page(JsonNode all, String path, int page) {
        int from = (page - 1) * PAGE;
        ObjectNode out = JSON.createObjectNode();
        out.put("count", all.size());
        if (from + PAGE < all.size()) {
            out.put("next", ENGINE_HOST + path + "?page=" + (page + 1));
        } else {
            out.putNull("next");
        }
        if (page > 1) {
            out.put("previous", ENGINE_HOST + path + (page == 2 ? "" : "?page=" + (page - 1)));
        } else {
            out.putNull("previous");
        }
        ArrayNode results = out.putArray("results");
        for (int i = from; i < Math.min(all.size(), from + PAGE); i++) {
            results.add(all.get(i));
        }
        out.put("page_size", PAGE).put("current_page_number", page)
                .put("total_pages", Math.max(1, (all.size() + PAGE - 1) / PAGE));
        return out;
    }

}
