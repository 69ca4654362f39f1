package io.muster.importers.pagerduty;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaks PagerDuty's REST API v2 for an account kept in a JSON file of the API's own shapes: token auth, the
 * versioned media type, {@code offset}/{@code limit}/{@code more} paging (at most {@link #PAGE} items a page, so
 * every reader pages), and 429 with {@code ratelimit-reset} for the calls told to throttle.
 */
public final class PagerDutyStandIn implements AutoCloseable {

    public static final String TOKEN = "u+standin-token";
    static final int PAGE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final JsonNode account;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> throttle = new HashMap<>();

    public PagerDutyStandIn(String resource) {
        try (InputStream in = PagerDutyStandIn.class.getResourceAsStream(resource)) {
            account = JSON.readTree(in);
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
            Map<String, String> query = query(exchange.getRequestURI());
            calls.add(path + (query.containsKey("offset") ? " offset=" + query.get("offset") : ""));
            if (!("Token token=" + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("message", "Unauthorized").put("code", 2006)));
                return;
            }
            if (!PagerDutyApi.MEDIA_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
                reply(exchange, 406, JSON.createObjectNode().put("error", "unsupported Accept"));
                return;
            }
            AtomicInteger left = throttle.get(path);
            if (left != null && left.getAndDecrement() > 0) {
                exchange.getResponseHeaders().set("ratelimit-limit", "960");
                exchange.getResponseHeaders().set("ratelimit-remaining", "0");
                exchange.getResponseHeaders().set("ratelimit-reset", "1");
                reply(exchange, 429, JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("message", "Rate Limit Exceeded").put("code", 2020)));
                return;
            }
            String[] parts = path.substring(1).split("/");
            JsonNode body = switch (parts.length) {
                case 1 -> switch (parts[0]) {
                    case "users" -> page(account.path("users"), "users", query);
                    case "schedules" -> page(summaries(account.path("schedules")), "schedules", query);
                    case "escalation_policies" -> page(account.path("escalation_policies"), "escalation_policies",
                            query);
                    case "services" -> page(account.path("services"), "services", query);
                    default -> null;
                };
                case 2 -> parts[0].equals("schedules") && account.path("schedules").has(parts[1])
                        ? JSON.createObjectNode().set("schedule", account.path("schedules").path(parts[1])) : null;
                case 3 -> parts[0].equals("schedules") && parts[2].equals("overrides") && query.containsKey("since")
                        && query.containsKey("until")
                        ? page(account.path("overrides").path(parts[1]), "overrides", query) : null;
                default -> null;
            };
            if (body == null) {
                reply(exchange, 404, JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("message", "Not Found").put("code", 2100)));
                return;
            }
            reply(exchange, 200, body);
        } catch (RuntimeException e) {
            reply(exchange, 500, JSON.createObjectNode().put("error", e.toString()));
        }
    }

    private static JsonNode summaries(JsonNode schedules) {
        ArrayNode out = JSON.createArrayNode();
        schedules.forEach(s -> out.add(JSON.createObjectNode().put("id", s.path("id").asText())
                .put("type", "schedule").put("name", s.path("name").asText())
                .put("time_zone", s.path("time_zone").asText())));
        return out;
    }

    private static ObjectNode page(JsonNode all, String field, Map<String, String> query) {
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Math.min(PAGE, Integer.parseInt(query.getOrDefault("limit", "25")));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray(field);
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            items.add(all.get(i));
        }
        out.put("limit", limit).put("offset", offset).put("more", offset + limit < all.size()).putNull("total");
        return out;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
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
