package io.muster.console.backend;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.muster.console.config.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Calls a service's REST API as the signed-in person: their own access token goes with every call, so each service
 * checks their roles exactly as it would for any other caller. The console decides nothing about access itself beyond
 * which controls it shows.
 */
@RequestScoped
public class ServiceApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    ConsoleConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    public ApiResult get(Backend backend, String path) {
        return call(backend, "GET", path, null);
    }

    public ApiResult get(Backend backend, String path, Map<String, ?> query) {
        return call(backend, "GET", path + queryString(query), null);
    }

    public ApiResult post(Backend backend, String path, Object body) {
        return call(backend, "POST", path, body);
    }

    public ApiResult put(Backend backend, String path, Object body) {
        return call(backend, "PUT", path, body);
    }

    public ApiResult delete(Backend backend, String path) {
        return call(backend, "DELETE", path, null);
    }

    /**
     * A call whose answer is text rather than JSON (a rendered document, Prometheus metrics): the body as sent, with
     * its content type. A refusal's problem+json is still read, so {@link ServiceText#failure()} gives its words.
     */
    public ServiceText text(Backend backend, String path, String accept) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(resolve(backend, path))
                    .timeout(config.callTimeout())
                    .header("Accept", accept + ", application/problem+json").GET();
            String token = accessToken();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode problem = type.contains("json") && response.body() != null && !response.body().isBlank()
                    ? parse(response.body()) : null;
            return new ServiceText(new ApiResult(backend, response.statusCode(), problem), type, response.body());
        } catch (IOException e) {
            return new ServiceText(ApiResult.unreachable(backend), "", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceText(ApiResult.unreachable(backend), "", null);
        }
    }

    /** One path segment from user input, encoded so that it cannot change the path it is put into. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Query parameters with empty values left out, so that an unset filter is no filter. */
    public static String queryString(Map<String, ?> query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        new LinkedHashMap<>(query).forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    private ApiResult call(Backend backend, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(resolve(backend, path))
                    .timeout(config.callTimeout())
                    .header("Accept", "application/json, application/problem+json");
            String token = accessToken();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body() == null || response.body().isBlank() ? null : parse(response.body());
            return new ApiResult(backend, response.statusCode(), parsed);
        } catch (IOException e) {
            return ApiResult.unreachable(backend);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResult.unreachable(backend);
        }
    }

    private URI resolve(Backend backend, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("service paths are absolute: " + path);
        }
        String base = backend.baseUrl(config).toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            // A body that is not JSON (an HTML error page from a proxy): keep the status, drop the body.
            return null;
        }
    }

    private String accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
