package io.muster.importers.aws;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaks Incident Manager's two wire protocols over one port, serving an organisation from a JSON file written in
 * the services' own shapes: SSM Contacts (AWS JSON 1.1: every call a POST to {@code /} naming its operation in
 * {@code X-Amz-Target}, PascalCase members, timestamps as epoch seconds) and SSM Incidents (REST-JSON: a path per
 * operation, camelCase members). Lists come back a few items a page with a {@code NextToken}, as the real services
 * page them, and the first calls of an operation can be answered with {@code ThrottlingException} as AWS answers a
 * caller over its rate.
 */
final class IncidentManagerStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PAGE = 4;

    private final HttpServer server;
    private final JsonNode organisation;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleLeft = new AtomicInteger();
    private volatile String throttled = "";

    IncidentManagerStandIn(String resource) {
        try (InputStream in = IncidentManagerStandIn.class.getResourceAsStream(resource)) {
            organisation = JSON.readTree(in);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next {@code times} calls of {@code operation} (e.g. {@code ListContacts}) with throttling. */
    void throttle(String operation, int times) {
        throttled = operation;
        throttleLeft.set(times);
    }

    /** Every call so far, as {@code Operation} or {@code Operation NextToken}. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null && target.startsWith("SSMContacts.")) {
                contacts(exchange, target.substring("SSMContacts.".length()), JSON.readTree(body.length == 0
                        ? "{}".getBytes(StandardCharsets.UTF_8) : body));
            } else {
                incidents(exchange, body);
            }
        } catch (RuntimeException e) {
            reply(exchange, 500, "application/json", JSON.createObjectNode().put("message", e.toString()));
        }
    }

    private void contacts(HttpExchange exchange, String operation, JsonNode request) throws IOException {
        String token = request.path("NextToken").asText(null);
        calls.add(token == null ? operation : operation + " " + token);
        if (operation.equals(throttled) && throttleLeft.getAndDecrement() > 0) {
            reply(exchange, 400, "application/x-amz-json-1.1", JSON.createObjectNode()
                    .put("__type", "ThrottlingException").put("message", "Rate exceeded"));
            return;
        }
        JsonNode reply = switch (operation) {
            case "ListContacts" -> page(organisation.path("contacts"), "Contacts", token, "NextToken");
            case "GetContact" -> found(organisation.path("contactDetails").path(request.path("ContactId").asText()));
            case "ListContactChannels" -> page(organisation.path("contactChannels")
                    .path(request.path("ContactId").asText()), "ContactChannels", token, "NextToken");
            case "ListRotations" -> page(organisation.path("rotations"), "Rotations", token, "NextToken");
            case "ListRotationOverrides" -> page(overridesWithin(request), "RotationOverrides", token, "NextToken");
            default -> null;
        };
        if (reply == null) {
            reply(exchange, 400, "application/x-amz-json-1.1", JSON.createObjectNode()
                    .put("__type", "ResourceNotFoundException").put("message", operation + " found nothing"));
            return;
        }
        reply(exchange, 200, "application/x-amz-json-1.1", reply);
    }

    /** Only the overrides that overlap the asked window, as the service returns them. */
    private JsonNode overridesWithin(JsonNode request) {
        double from = request.path("StartTime").asDouble();
        double to = request.path("EndTime").asDouble();
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode o : organisation.path("rotationOverrides").path(request.path("RotationId").asText())) {
            if (o.path("StartTime").asDouble() < to && o.path("EndTime").asDouble() > from) {
                out.add(o);
            }
        }
        return out;
    }

    private void incidents(HttpExchange exchange, byte[] body) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        if (path.equals("/listResponsePlans") && exchange.getRequestMethod().equals("POST")) {
            String token = JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body)
                    .path("nextToken").asText(null);
            calls.add(token == null ? "ListResponsePlans" : "ListResponsePlans " + token);
            ArrayNode summaries = JSON.createArrayNode();
            for (JsonNode p : organisation.path("responsePlans")) {
                summaries.add(JSON.createObjectNode().put("arn", p.path("arn").asText())
                        .put("name", p.path("name").asText()).put("displayName", p.path("displayName").asText()));
            }
            reply(exchange, 200, "application/json", pageSized(summaries, "responsePlanSummaries", token,
                    "nextToken", 1));
            return;
        }
        if (path.equals("/getResponsePlan") && exchange.getRequestMethod().equals("GET")) {
            String arn = query(uri, "arn");
            calls.add("GetResponsePlan");
            for (JsonNode p : organisation.path("responsePlans")) {
                if (p.path("arn").asText().equals(arn)) {
                    reply(exchange, 200, "application/json", p);
                    return;
                }
            }
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "ResourceNotFoundException");
            reply(exchange, 404, "application/json", JSON.createObjectNode().put("message", "no plan " + arn));
            return;
        }
        reply(exchange, 404, "application/json", JSON.createObjectNode().put("message", "no route " + path));
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static JsonNode found(JsonNode node) {
        return node.isMissingNode() ? null : node;
    }

    private static JsonNode page(JsonNode all, String field, String token, String tokenField) {
        return all.isMissingNode() ? null : pageSized(all, field, token, tokenField, PAGE);
    }

    /** Tokens are the index of the page's first item, opaque to the caller as real ones are. */
    private static ObjectNode pageSized(JsonNode all, String field, String token, String tokenField, int size) {
        List<JsonNode> items = new ArrayList<>();
        all.forEach(items::add);
        int from = token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode page = out.putArray(field);
        items.subList(from, Math.min(items.size(), from + size)).forEach(page::add);
        if (from + size < items.size()) {
            out.put(tokenField, "page-" + (from + size));
        }
        return out;
    }

    private static void reply(HttpExchange exchange, int status, String type, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
