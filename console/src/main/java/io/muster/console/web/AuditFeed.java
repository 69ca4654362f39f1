package io.muster.console.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;

/**
 * The four services' audit entries as one log: merged newest first (by the instant, not the text, since services
 * write fractions of a second to different lengths), each entry naming its service, paged by a cursor per service;
 * a service that did not answer is named and the others are still shown.
 */
final class AuditFeed {

    private AuditFeed() {
    }

    public record Entry(String service, long id, String at, String entityType, String entityId, String action,
            String actor, String before, String after) {
    }

    /**
     * @param more whether any service may have older entries (it returned a full page and all of it was shown)
     * @param next where each service's log goes on from: the id of the last entry shown from it, or 0 when nothing
     *        older is left there (a service absent from the map is read from its newest entry)
     */
    public record Feed(List<Entry> entries, List<String> unavailable, boolean more, Map<Backend, Long> next) {

        public Feed(List<Entry> entries, List<String> unavailable, boolean more) {
            this(entries, unavailable, more, Map.of());
        }
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing((Entry e) -> instant(e.at()), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Entry::service).thenComparing(Comparator.comparingLong(Entry::id).reversed());

    /** One page from every service's newest entries. */
    static Feed merge(Map<Backend, ApiResult> results, int pageSize) {
        return merge(results, pageSize, Map.of());
    }

    /**
     * One page of the merged log: each service's next page (newest first, as it keeps them) is merged by taking the
     * newest head of the lists until the page is full, so what is shown from each service is a run from where its
     * cursor stood. The next page goes on from the last entry shown from each service; none is skipped or shown twice
     * (a sort of the union would cut each service's list at a different place than its cursor).
     */
    static Feed merge(Map<Backend, ApiResult> results, int pageSize, Map<Backend, Long> cursor) {
        Map<Backend, List<Entry>> lists = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<Backend, ApiResult> r : results.entrySet()) {
            ApiResult result = r.getValue();
            if (!result.ok() || result.body() == null || !result.body().isArray()) {
                unavailable.add(r.getKey().serviceName() + ": " + (result.ok() ? "answered without a list"
                        : result.failure()));
                continue;
            }
            List<Entry> list = new ArrayList<>();
            for (JsonNode e : result.body()) {
                list.add(new Entry(r.getKey().serviceName(), e.path("id").asLong(), text(e, "at"),
                        text(e, "entityType"), text(e, "entityId"), text(e, "action"), text(e, "actor"),
                        json(e.get("before")), json(e.get("after"))));
            }
            lists.put(r.getKey(), list);
        }
        Map<Backend, Integer> taken = new LinkedHashMap<>();
        lists.keySet().forEach(b -> taken.put(b, 0));
        List<Entry> page = new ArrayList<>();
        while (page.size() < pageSize) {
            Backend newest = null;
            for (Map.Entry<Backend, List<Entry>> l : lists.entrySet()) {
                int at = taken.get(l.getKey());
                if (at < l.getValue().size() && (newest == null
                        || NEWEST_FIRST.compare(l.getValue().get(at), lists.get(newest).get(taken.get(newest))) < 0)) {
                    newest = l.getKey();
                }
            }
            if (newest == null) {
                break;
            }
            page.add(lists.get(newest).get(taken.get(newest)));
            taken.merge(newest, 1, Integer::sum);
        }
        Map<Backend, Long> next = new LinkedHashMap<>(cursor);
        boolean more = false;
        for (Map.Entry<Backend, List<Entry>> l : lists.entrySet()) {
            Backend b = l.getKey();
            List<Entry> list = l.getValue();
            int shown = taken.get(b);
            boolean fullPage = list.size() >= pageSize;
            if (shown > 0) {
                next.put(b, list.get(shown - 1).id());
            }
            if (shown < list.size() || fullPage) {
                more = true;
            } else {
                next.put(b, 0L);
            }
        }
        return new Feed(List.copyOf(page), List.copyOf(unavailable), more, next);
    }

    /** The cursor as the page's "older entries" link carries it: {@code DIRECTORY:812,GAMEDAY:0}. */
    static String cursorText(Map<Backend, Long> cursor) {
        StringBuilder text = new StringBuilder();
        cursor.forEach((b, id) -> text.append(text.isEmpty() ? "" : ",").append(b.name()).append(':').append(id));
        return text.toString();
    }

    /** A cursor from a link, or null when the text is not one (a service named twice, not known, an id not a number). */
    static Map<Backend, Long> cursor(String text) {
        Map<Backend, Long> cursor = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return cursor;
        }
        for (String part : text.strip().split(",", -1)) {
            String[] kv = part.split(":", -1);
            if (kv.length != 2 || !kv[1].matches("\\d{1,18}")) {
                return null;
            }
            Backend b;
            try {
                b = Backend.valueOf(kv[0]);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (cursor.put(b, Long.parseLong(kv[1])) != null) {
                return null;
            }
        }
        return cursor;
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
