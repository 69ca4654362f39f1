package io.muster.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.console.security.SignedInUser;
import io.muster.console.web.AuditFeed.Feed;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The audit log of all four services (each service's {@code GET /api/v1/audit}, admins only there as here: the entries
 * hold contact details before and after each change).
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Feed feed, Map<String, String> filter, Backend[] services,
                String previous, String next, String notice, String problem);
    }

    @Inject
    ServiceApi api;

    @Inject
    SignedInUser user;

    @GET
    public Response audit(@QueryParam("service") String service, @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("actor") String actor,
            @QueryParam("since") String since, @QueryParam("before") String before) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("service", Forms.oneOf(service, Forms.names(Backend.values())));
        filter.put("entityType", Forms.trimmed(entityType, 40));
        filter.put("entityId", Forms.trimmed(entityId, 80));
        filter.put("actor", Forms.trimmed(actor, 200));
        filter.put("since", Forms.trimmed(since, 40));
        Map<Backend, Long> cursor = AuditFeed.cursor(Forms.trimmed(before, 200));
        Feed empty = new Feed(List.of(), List.of(), false);
        if (!user.isAdmin()) {
            return Response.status(403).entity(Templates.audit(empty, filter, Backend.values(), null, null, null,
                    "Only admins read the audit log: its entries hold contact details.")).build();
        }
        if (filter.get("since") != null && AuditFeed.instant(filter.get("since")) == null) {
            return Response.status(400).entity(Templates.audit(empty, filter, Backend.values(), null, null, null,
                    "Invalid request (since must be an ISO-8601 instant such as 2026-03-29T00:30:00Z)")).build();
        }
        if (cursor == null) {
            return Response.status(400).entity(Templates.audit(empty, filter, Backend.values(), null, null, null,
                    "Invalid request (before is the console's own paging cursor; start again from the newest)"))
                    .build();
        }
        Map<Backend, ApiResult> results = new LinkedHashMap<>();
        for (Backend b : Backend.values()) {
            boolean chosen = filter.get("service") == null || filter.get("service").equals(b.name());
            // 0: nothing older is left in this service's log.
            if (chosen && !Long.valueOf(0).equals(cursor.get(b))) {
                Map<String, Object> query = new LinkedHashMap<>();
                query.put("entityType", filter.get("entityType"));
                query.put("entityId", filter.get("entityId"));
                query.put("actor", filter.get("actor"));
                query.put("since", filter.get("since"));
                query.put("beforeId", cursor.get(b));
                query.put("size", PAGE_SIZE);
                results.put(b, api.get(b, "/api/v1/audit", query));
            }
        }
        Feed feed = AuditFeed.merge(results, PAGE_SIZE, cursor);
        return Response.ok(Templates.audit(feed, filter, Backend.values(),
                cursor.isEmpty() ? null : "/audit" + linkQuery(filter, null),
                feed.more() ? "/audit" + linkQuery(filter, AuditFeed.cursorText(feed.next())) : null, null, null))
                .build();
    }

    /** The filter as a query string for the newest/older links (values encoded, empty ones left out). */
    static String linkQuery(Map<String, String> filter, String before) {
        Map<String, Object> q = new LinkedHashMap<>(filter);
        q.put("before", before);
        return ServiceApi.queryString(q);
    }
}
