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
            @QueryParam("since") String since, @QueryParam("page") String page) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("service", Forms.oneOf(service, Forms.names(Backend.values())));
        filter.put("entityType", Forms.trimmed(entityType, 40));
        filter.put("entityId", Forms.trimmed(entityId, 80));
        filter.put("actor", Forms.trimmed(actor, 200));
        filter.put("since", Forms.trimmed(since, 40));
        int pageNumber = DirectoryPages.pageNumber(page);
        Feed empty = new Feed(List.of(), List.of(), false);
        if (!user.isAdmin()) {
            return Response.status(403).entity(Templates.audit(empty, filter, Backend.values(), null, null, null,
                    "Only admins read the audit log: its entries hold contact details.")).build();
        }
        if (filter.get("since") != null && AuditFeed.instant(filter.get("since")) == null) {
            return Response.status(400).entity(Templates.audit(empty, filter, Backend.values(), null, null, null,
                    "Invalid request (since must be an ISO-8601 instant such as 2026-03-29T00:30:00Z)")).build();
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("entityType", filter.get("entityType"));
        query.put("entityId", filter.get("entityId"));
        query.put("actor", filter.get("actor"));
        query.put("since", filter.get("since"));
        query.put("page", pageNumber);
        query.put("size", PAGE_SIZE);
        Map<Backend, ApiResult> results = new LinkedHashMap<>();
        for (Backend b : Backend.values()) {
            if (filter.get("service") == null || filter.get("service").equals(b.name())) {
                results.put(b, api.get(b, "/api/v1/audit", query));
            }
        }
        Feed feed = AuditFeed.merge(results, PAGE_SIZE);
        return Response.ok(Templates.audit(feed, filter, Backend.values(),
                pageNumber > 0 ? "/audit" + linkQuery(filter, pageNumber - 1) : null,
                feed.more() ? "/audit" + linkQuery(filter, pageNumber + 1) : null, null, null)).build();
    }

    /** The filter as a query string for the previous/next links (values encoded, empty ones left out). */
    static String linkQuery(Map<String, String> filter, int page) {
        Map<String, Object> q = new LinkedHashMap<>(filter);
        q.put("page", page);
        return ServiceApi.queryString(q);
    }
}
