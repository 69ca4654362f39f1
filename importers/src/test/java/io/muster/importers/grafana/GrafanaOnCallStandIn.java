package io.muster.importers.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaks Grafana OnCall's public HTTP API for an organisation kept in a JSON file of the API's own shapes: the token
 * as the bare {@code Authorization} header, lists as {@code {count, next, previous, results}} of at most
 * {@link #PAGE} items with {@code ?page=N} links, and 429 with {@code Retry-After} for the calls told to throttle.
 * Its {@code next} links name the host the engine believes it runs on, {@link #ENGINE_HOST}, as an instance behind a
 * proxy does, so a reader that followed them blindly would fail.
 */
public final class GrafanaOnCallStandIn implements AutoCloseable {

    public static final String TOKEN = "oncall-standin-token";
    static final int PAGE = 4;
    static final String ENGINE_HOST = "http://oncall-engine.internal:8080";
    private static final Set<String> LISTS = Set.of("users", "schedules", "on_call_shifts", "escalation_chains",
            "escalation_policies", "integrations");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final JsonNode organisation;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> throttle = new HashMap<>();

    public GrafanaOnCallStandIn(String resource) {
        try (InputStream in = GrafanaOnCallStandIn.class.getResourceAsStream(resource)) {
            organisation = JSON.readTree(in);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void throttle(String path, int times) {
        throttle.put(path, new AtomicInteger(times));
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(path + (query == null ? "" : "?" + query));
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, JSON.createObjectNode().put("detail", "Invalid token."));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 405, JSON.createObjectNode().put("detail", "Method not allowed."));
                return;
            }
            AtomicInteger left = throttle.get(path);
            if (left != null && left.getAndDecrement() > 0) {
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
            reply(exchange, 200, page(organisation.path(parts[3]), path, page));
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

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
