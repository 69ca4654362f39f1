package io.muster.console.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;

/**
 * The four services' audit entries as one log: merged newest first (by the instant, not the text, since services
 * write fractions of a second to different lengths), each entry naming its service; a service that did not answer is
 * named and the others are still shown.
 */
final class AuditFeed {

    private AuditFeed() {
    }

    public record Entry(String service, long id, String at, String entityType, String entityId, String action,
            String actor, String before, String after) {
    }

    /**
     * @param more whether any service may have older entries (it returned a full page)
     */
    public record Feed(List<Entry> entries, List<String> unavailable, boolean more) {
    }

    static Feed merge(Map<Backend, ApiResult> results, int pageSize) {
        List<Entry> entries = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        boolean more = false;
        for (Map.Entry<Backend, ApiResult> r : results.entrySet()) {
            ApiResult result = r.getValue();
            if (!result.ok() || result.body() == null || !result.body().isArray()) {
                unavailable.add(r.getKey().serviceName() + ": " + (result.ok() ? "answered without a list"
                        : result.failure()));
                continue;
            }
            more |= result.body().size() >= pageSize;
            for (JsonNode e : result.body()) {
                entries.add(new Entry(r.getKey().serviceName(), e.path("id").asLong(), text(e, "at"),
                        text(e, "entityType"), text(e, "entityId"), text(e, "action"), text(e, "actor"),
                        json(e.get("before")), json(e.get("after"))));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> instant(e.at()), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Entry::service).thenComparing(Comparator.comparingLong(Entry::id).reversed()));
        return new Feed(List.copyOf(entries), List.copyOf(unavailable), more);
    }

    /** An ISO-8601 instant from a filter, or null when it is not one. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String json(JsonNode v) {
        return v == null || v.isNull() ? null : v.toString();
    }
}
