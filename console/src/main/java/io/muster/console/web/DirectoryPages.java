package io.muster.console.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.console.web.DirectoryViews.ChannelTest;
import io.muster.console.web.DirectoryViews.ExternalResource;
import io.muster.console.web.DirectoryViews.Person;
import io.muster.console.web.DirectoryViews.PersonPage;
import io.muster.console.web.DirectoryViews.Role;
import io.muster.console.web.DirectoryViews.Team;
import io.muster.console.web.DirectoryViews.TeamView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The directory: people with their IR roles and channels (flagging anyone with fewer than two verified channel types),
 * teams, the IR role catalog and the external resources. Channel verification (send a code, confirm it) and test pages
 * are the directory's admin-only actions.
 */
@Path("/directory")
@Produces(MediaType.TEXT_HTML)
public class DirectoryPages {

    static final int PAGE_SIZE = 100;

    static final Map<String, String> DONE = Map.of(
            "code-sent", "A verification code was sent over the channel; enter it below when the person has it.",
            "verified", "Channel verified.");

    /** A test page's id as directory-service hands it back, the only thing the status region is looked up by. */
    private static final Pattern TEST_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(List<Person> people, long total, int page, boolean more,
                Map<String, String> filter, List<TeamView> teams, List<Role> roles,
                List<ExternalResource> externals, List<String> unavailable, ChannelTest channelTest, String notice,
                String problem);
    }

    @Inject
    ServiceApi api;

    @GET
    public Response directory(@QueryParam("name") String name, @QueryParam("role") String role,
            @QueryParam("page") String page, @QueryParam("done") String done, @QueryParam("test") String test) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("name", Forms.trimmed(name, 120));
        filter.put("role", Forms.trimmed(role, 63));
        return page(filter, pageNumber(page), done == null ? null : DONE.get(done), null, 200, channelTest(test));
    }

    /**
     * Asks directory-service to send the channel a test page (no incident, no acknowledgement link), then shows where
     * it stands: the page's status region asks notification-service again until the page is sent or has failed.
     */
    @POST
    @Path("people/{id}/channels/{channelId}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendTestPage(@PathParam("id") String id, @PathParam("channelId") String channelId) {
        if (!uuid(id) || !uuid(channelId)) {
            return page(noFilter(), 0, null, "Invalid request (no such person or channel)", 404);
        }
        ApiResult result = api.post(Backend.DIRECTORY, channelPath(id, channelId) + "/test", null);
        if (!result.ok()) {
            return page(noFilter(), 0, null, result.failure(), IncidentPages.refusedStatus(result));
        }
        String testId = result.body() == null ? "" : result.body().path("testId").asText("");
        if (!uuid(testId)) {
            return page(noFilter(), 0, null, "directory-service accepted the test page but gave no test id", 502);
        }
        return Response.seeOther(URI.create("/directory?test=" + testId + "#channel-test")).build();
    }

    private ChannelTest channelTest(String test) {
        if (test == null || !TEST_ID.matcher(test).matches() || !uuid(test)) {
            return null;
        }
        ApiResult result = api.get(Backend.NOTIFICATION, "/api/v1/channel-tests/" + ServiceApi.segment(test));
        if (result.status() == 404) {
            return ChannelTest.waiting(test);
        }
        if (!result.ok()) {
            return new ChannelTest(test, null, ChannelTestState.UNKNOWN.name(), null, null, result.failure());
        }
        ChannelTest found = IncidentViews.read(result.body(), ChannelTest.class);
        return found == null ? ChannelTest.waiting(test) : found;
    }

    /** Sends the channel a new verification code (the directory's POST .../verification). */
    @POST
    @Path("people/{id}/channels/{channelId}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startVerification(@PathParam("id") String id, @PathParam("channelId") String channelId) {
        if (!uuid(id) || !uuid(channelId)) {
            return page(noFilter(), 0, null, "Invalid request (no such person or channel)", 404);
        }
        ApiResult result = api.post(Backend.DIRECTORY, channelPath(id, channelId) + "/verification", null);
        return result.ok() ? done("code-sent")
                : page(noFilter(), 0, null, result.failure(), IncidentPages.refusedStatus(result));
    }

    @POST
    @Path("people/{id}/channels/{channelId}/verification/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") String id, @PathParam("channelId") String channelId,
            @RestForm String code) {
        if (!uuid(id) || !uuid(channelId)) {
            return page(noFilter(), 0, null, "Invalid request (no such person or channel)", 404);
        }
        String given = code == null ? "" : code.strip();
        if (!CODE.matcher(given).matches()) {
            return page(noFilter(), 0, null, "Invalid request (code must be six digits)", 400);
        }
        ApiResult result = api.post(Backend.DIRECTORY, channelPath(id, channelId) + "/verification/confirm",
                Map.of("code", given));
        return result.ok() ? done("verified")
                : page(noFilter(), 0, null, result.failure(), IncidentPages.refusedStatus(result));
    }

    private Response page(Map<String, String> filter, int page, String notice, String problem, int status) {
        return page(filter, page, notice, problem, status, null);
    }

    private Response page(Map<String, String> filter, int page, String notice, String problem, int status,
            ChannelTest channelTest) {
        List<String> unavailable = new ArrayList<>();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("name", filter.get("name"));
        query.put("role", filter.get("role"));
        query.put("page", page);
        query.put("size", PAGE_SIZE);
        ApiResult peopleResult = api.get(Backend.DIRECTORY, "/api/v1/people", query);
        ApiResult teamsResult = api.get(Backend.DIRECTORY, "/api/v1/teams");
        ApiResult rolesResult = api.get(Backend.DIRECTORY, "/api/v1/roles");
        ApiResult externalResult = api.get(Backend.DIRECTORY, "/api/v1/external-resources");
        for (ApiResult r : List.of(peopleResult, teamsResult, rolesResult, externalResult)) {
            if (!r.ok()) {
                unavailable.add(r.failure());
            }
        }
        PersonPage found = peopleResult.ok() ? IncidentViews.read(peopleResult.body(), PersonPage.class) : null;
        List<Person> people = found == null || found.items() == null ? List.of() : found.items();
        long total = found == null ? 0 : found.total();
        Map<String, String> names = new LinkedHashMap<>();
        people.forEach(p -> names.put(p.id(), p.displayName()));
        List<TeamView> teams = IncidentViews.readList(teamsResult.ok() ? teamsResult.body() : null, Team.class)
                .stream().map(t -> TeamView.of(t, names)).toList();
        return Response.status(status).entity(Templates.directory(people, total, page,
                (long) (page + 1) * PAGE_SIZE < total, filter,
                teams, IncidentViews.readList(rolesResult.ok() ? rolesResult.body() : null, Role.class),
                IncidentViews.readList(externalResult.ok() ? externalResult.body() : null, ExternalResource.class),
                unavailable.stream().distinct().toList(), channelTest, notice, problem)).build();
    }

    /** The filter with every field the template reads, none set. */
    private static Map<String, String> noFilter() {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("name", null);
        filter.put("role", null);
        return filter;
    }

    private static Response done(String code) {
        return Response.seeOther(URI.create("/directory?done=" + code)).build();
    }

    private static String channelPath(String id, String channelId) {
        return "/api/v1/people/" + ServiceApi.segment(id) + "/channels/" + ServiceApi.segment(channelId);
    }

    static int pageNumber(String page) {
        try {
            int n = page == null ? 0 : Integer.parseInt(page.strip());
            return Math.min(Math.max(n, 0), 100_000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean uuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
