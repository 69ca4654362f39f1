package io.muster.importers.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.muster.importers.JsonStandIn;
import java.io.IOException;
import java.util.Map;

/**
 * Speaks PagerDuty's REST API v2 for an account kept in a JSON file of the API's own shapes: token auth, the
 * versioned media type, {@code offset}/{@code limit}/{@code more} paging (at most {@link #PAGE} items a page, so
 * every reader pages), and 429 with {@code ratelimit-reset} for the calls told to throttle.
 */
public final class PagerDutyStandIn extends JsonStandIn {

    public static final String TOKEN = "u+standin-token";
    static final int PAGE = 3;

    public PagerDutyStandIn(String resource) {
        super(resource);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI());
            record(path + (query.containsKey("offset") ? " offset=" + query.get("offset") : ""));
            if (!("Token token=" + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("message", "Unauthorized").put("code", 2006)));
                return;
            }
            if (!PagerDutyApi.MEDIA_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
                reply(exchange, 406, JSON.createObjectNode().put("error", "unsupported Accept"));
                return;
            }
            if (throttledNow(path)) {
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
                    case "users" -> page(fixture.path("users"), "users", query);
                    case "schedules" -> page(summaries(fixture.path("schedules")), "schedules", query);
                    case "escalation_policies" -> page(fixture.path("escalation_policies"), "escalation_policies",
                            query);
                    case "services" -> page(fixture.path("services"), "services", query);
                    default -> null;
                };
                case 2 -> parts[0].equals("schedules") && fixture.path("schedules").has(parts[1])
                        ? JSON.createObjectNode().set("schedule", fixture.path("schedules").path(parts[1])) : null;
                case 3 -> parts[0].equals("schedules") && parts[2].equals("overrides") && query.containsKey("since")
                        && query.containsKey("until")
                        ? page(fixture.path("overrides").path(parts[1]), "overrides", query) : null;
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

}
