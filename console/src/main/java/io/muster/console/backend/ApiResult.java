package io.muster.console.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One service call's outcome as a page needs it: the JSON body (as maps and lists, which templates read by name), or
 * why there is none (the service's problem title and the fields it named, or that the service did not answer).
 */
public record ApiResult(Backend backend, int status, JsonNode body) {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** A call that got no HTTP answer at all (refused, timed out). */
    public static ApiResult unreachable(Backend backend) {
        return new ApiResult(backend, 0, null);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean answered() {
        return status != 0;
    }

    /** The body as plain maps and lists (what Qute reads with {x.name}); null when there is none. */
    public Object data() {
        return body == null || body.isMissingNode() ? null : PLAIN.convertValue(body, Object.class);
    }

    /** The body as a list of maps; empty when the call failed or the body is not an array. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows() {
        if (!ok() || body == null || !body.isArray()) {
            return List.of();
        }
        return (List<Map<String, Object>>) data();
    }

    /** The body as a map; empty when the call failed or the body is not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
        if (!ok() || body == null || !body.isObject()) {
            return Map.of();
        }
        return (Map<String, Object>) data();
    }

    /** What to tell the person when the call did not succeed: the service's own words where it gave any. */
    public String failure() {
        if (ok()) {
            return null;
        }
        if (!answered()) {
            return backend.serviceName() + " is not answering; the rest of the page is current";
        }
        if (status == 403) {
            return "Your role may not do this";
        }
        StringBuilder text = new StringBuilder();
        if (body != null && body.hasNonNull("title")) {
            text.append(body.get("title").asText());
        } else {
            text.append(backend.serviceName()).append(" answered ").append(status);
        }
        if (body != null && body.hasNonNull("detail")) {
            text.append(": ").append(body.get("detail").asText());
        }
        List<String> errors = new ArrayList<>();
        if (body != null && body.path("errors").isArray()) {
            body.get("errors").forEach(e -> errors.add(e.path("field").asText() + " " + e.path("message").asText()));
        }
        if (!errors.isEmpty()) {
            text.append(" (").append(String.join("; ", errors)).append(')');
        }
        return text.toString();
    }
}
