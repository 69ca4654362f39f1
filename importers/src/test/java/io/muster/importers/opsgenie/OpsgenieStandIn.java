package io.muster.importers.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.muster.importers.JsonStandIn;
import java.io.IOException;
import java.util.Map;

/**
 * Speaks Opsgenie's REST API v2 for an account kept in a JSON file of the API's own shapes: {@code GenieKey} auth,
 * users paged by {@code limit}/{@code offset} (at most {@link #PAGE} a page) with {@code paging.next} links that
 * name Opsgenie's public host, schedules whose rotations come only with {@code expand=rotation}, and 429 with
 * Opsgenie's throttling headers for the calls told to throttle.
 */
public final class OpsgenieStandIn extends JsonStandIn {

    public static final String KEY = "0b9d0c2e-standin-key";
    static final int PAGE = 4;

    public OpsgenieStandIn(String resource) {
        super(resource);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI());
            record(path + (query.containsKey("offset") ? " offset=" + query.get("offset") : ""));
            if (!("GenieKey " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, error("Could not authenticate", 401));
                return;
            }
            if (throttledNow(path)) {
                exchange.getResponseHeaders().set("X-RateLimit-State", "THROTTLED");
                exchange.getResponseHeaders().set("X-RateLimit-Period-In-Sec", "1");
                reply(exchange, 429, error("You are making too many requests!", 429));
                return;
            }
            String[] parts = path.substring(1).split("/");
            JsonNode body = null;
            if (parts.length == 2 && parts[0].equals("v2")) {
                body = switch (parts[1]) {
                    case "users" -> users(query);
                    case "schedules" -> data(schedules(query.getOrDefault("expand", "").contains("rotation")));
                    case "escalations" -> data(fixture.path("escalations"));
                    case "teams" -> data(fixture.path("teams"));
                    default -> null;
                };
            } else if (parts.length == 4 && parts[0].equals("v2") && parts[1].equals("users")
                    && parts[3].equals("contacts") && fixture.path("contacts").has(parts[2])) {
                body = data(fixture.path("contacts").path(parts[2]));
            }
            if (body == null) {
                reply(exchange, 404, error("Not found", 404));
                return;
            }
            reply(exchange, 200, body);
        } catch (RuntimeException e) {
            reply(exchange, 500, error(e.toString(), 500));
        }
    }

    private JsonNode schedules(boolean withRotations) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode s : fixture.path("schedules")) {
            ObjectNode copy = s.deepCopy();
            if (!withRotations) {
                copy.remove("rotations");
            }
            out.add(copy);
        }
        return out;
    }

    private ObjectNode users(Map<String, String> query) {
        JsonNode all = fixture.path("users");
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Math.min(PAGE, Integer.parseInt(query.getOrDefault("limit", "20")));
        ArrayNode items = JSON.createArrayNode();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            items.add(all.get(i));
        }
        ObjectNode out = data(items);
        out.put("totalCount", all.size());
        ObjectNode paging = out.putObject("paging");
        String link = "https://api.opsgenie.com/v2/users?limit=" + limit + "&sort=username&order=asc&offset=";
        if (offset + limit < all.size()) {
            paging.put("next", link + (offset + limit));
        }
        paging.put("first", link + 0);
        paging.put("last", link + ((all.size() - 1) / limit) * limit);
        return out;
    }

    private static ObjectNode data(JsonNode items) {
        ObjectNode out = JSON.createObjectNode();
        out.set("data", items);
        out.put("took", 0.021).put("requestId", "9ae63dd7-ed00-4c81-86f0-c4ffd33142c9");
        return out;
    }

    private static ObjectNode error(String message, int code) {
        return JSON.createObjectNode().put("message", message).put("took", 0.001)
                .put("requestId", "3c0e6b5f-0d1a-4c2e-9f00-standin" + code);
    }

}
