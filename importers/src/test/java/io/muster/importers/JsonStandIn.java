package io.muster.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * What every provider's stand-in shares: a JSON fixture in the provider's own shapes, a JDK HTTP server on a free
 * local port, the calls it received, and which paths answer 429 for their next few calls. Each stand-in speaks its
 * provider's protocol in {@link #handle}.
 */
public abstract class JsonStandIn implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    protected final JsonNode fixture;
    private final HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> throttle = new HashMap<>();

    protected JsonStandIn(String resource) {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            fixture = JSON.readTree(in);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next {@code times} calls of {@code path} with 429. */
    public void throttle(String path, int times) {
        throttle.put(path, new AtomicInteger(times));
    }

    /** Every call so far, as the stand-in recorded it. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    protected void record(String call) {
        calls.add(call);
    }

    /** Whether this call of {@code path} is one told to be throttled (and counts it). */
    protected boolean throttledNow(String path) {
        AtomicInteger left = throttle.get(path);
        return left != null && left.getAndDecrement() > 0;
    }

    protected static Map<String, String> query(URI uri) {
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

    protected static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
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
