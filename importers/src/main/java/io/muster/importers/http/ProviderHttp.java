package io.muster.importers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One read-only JSON GET against a provider's API, as every provider reader needs it: the provider's own auth and
 * media-type headers, a 429 waited out for as long as the provider's headers ask (then asked again, at most
 * {@link #MAX_THROTTLED} times in a row), a refused credential named as such, and anything else that is not a 200
 * with JSON an {@link ApiException} naming the path. Paging differs per provider and stays with each reader's API.
 */
public final class ProviderHttp {

    /** A 429 is waited out this many times in a row at most; then the read fails rather than hang. */
    public static final int MAX_THROTTLED = 5;
    /** The longest a single 429 is waited out, whatever the provider asks. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown when the provider answers something other than the data asked for. */
    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String provider;
    private final Map<String, String> headers;
    private final List<String> waitHeaders;
    private final String credential;
    private final String access;

    /**
     * @param provider    as error messages name it ("PagerDuty")
     * @param headers     sent with every request (authorization, accept)
     * @param waitHeaders the response headers that say how many seconds a 429 asks to wait, first found wins
     * @param credential  what the caller gave ("token", "API key"), for the message on a 401 or 403
     * @param access      what that credential needs ("read access")
     */
    public ProviderHttp(String provider, Map<String, String> headers, List<String> waitHeaders, String credential,
            String access) {
        this.provider = provider;
        this.headers = Map.copyOf(headers);
        this.waitHeaders = List.copyOf(waitHeaders);
        this.credential = credential;
        this.access = access;
    }

    /** @param path as messages name it (the request's path without its query) */
    public JsonNode get(URI uri, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        for (int throttled = 0; ; throttled++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                throw new ApiException("GET " + path + " failed: nothing answers at " + uri.getHost() + ":"
                        + uri.getPort());
            } catch (IOException e) {
                throw new ApiException("GET " + path + " failed: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException("interrupted while reading " + path);
            }
            if (response.statusCode() == 429 && throttled < MAX_THROTTLED) {
                sleep(waitFor(response, waitHeaders));
                continue;
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new ApiException(provider + " refused the " + credential + " (" + response.statusCode()
                        + ") for " + path + ": it needs " + access);
            }
            if (response.statusCode() != 200) {
                throw new ApiException("GET " + path + " answered " + response.statusCode());
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new ApiException("GET " + path + " returned something that is not JSON");
            }
        }
    }

    /** How long a 429 asks to wait: the first of {@code headers} present, in seconds, else one second. */
    public static Duration waitFor(HttpResponse<?> response, List<String> headers) {
        Optional<String> wait = Optional.empty();
        for (String h : headers) {
            wait = wait.or(() -> response.headers().firstValue(h));
        }
        try {
            long seconds = wait.map(String::strip).map(Long::parseLong).orElse(1L);
            return Duration.ofSeconds(Math.max(0, Math.min(seconds, LONGEST_WAIT.toSeconds())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while waiting out " + provider + "'s rate limit");
        }
    }
}
