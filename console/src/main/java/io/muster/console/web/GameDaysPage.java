package io.muster.console.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.contracts.gameday.GameDayRunChanged.RunStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Game days (gameday-service): what is scheduled, a form to schedule one (admins, gameday's rule), a four-week
 * calendar of upcoming runs, the running drill as escalation sees it (who was paged, who acknowledged), a finished
 * run's scorecard, each scenario's score trend, and reviews with their lessons and action items (responders mark
 * items done).
 */
@Path("/game-days")
@Produces(MediaType.TEXT_HTML)
public class GameDaysPage {

    static final Set<String> MODES = Set.of("LIVE", "SILENT");
    static final int CALENDAR_WEEKS = 4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    public record CalendarDay(String label, String date, List<String> runs, boolean today) {
    }

    public record Trend(String scenario, String svg, int runs) {
    }

    /** JSON from the services as maps and lists goes in as untyped data; the declared parameters stay checked. */
    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance page(List<CalendarDay> calendar, List<Trend> trends, Map<String, String> form,
                String notice, String problem);
    }

    @Inject
    ServiceApi api;

    @GET
    public TemplateInstance page(@QueryParam("run") String run, @QueryParam("done") String done) {
        String notice = switch (Objects.toString(done, "")) {
            case "scheduled" -> "The game day was scheduled.";
            case "cancelled" -> "The game day was cancelled.";
            case "item-done" -> "The action item was marked done.";
            default -> null;
        };
        return render(OnCallPage.uuid(Forms.trimmed(run, 36)), Map.of("timeZone", "UTC", "mode", "LIVE"), notice,
                null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(@FormParam("scenarioId") String scenarioId, @FormParam("title") String title,
            @FormParam("startsAt") String startsAt, @FormParam("timeZone") String timeZone,
            @FormParam("rrule") String rrule, @FormParam("mode") String mode,
            @FormParam("timeLimitMinutes") String timeLimitMinutes, @FormParam("noticeMinutes") String noticeMinutes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("scenarioId", Forms.trimmed(scenarioId, 36));
        form.put("title", Forms.trimmed(title, 200));
        form.put("startsAt", Forms.trimmed(startsAt, 16));
        form.put("timeZone", Forms.trimmed(timeZone, 64));
        form.put("rrule", Forms.trimmed(rrule, 500));
        form.put("mode", Forms.oneOf(mode, MODES));
        form.put("timeLimitMinutes", Forms.trimmed(timeLimitMinutes, 5));
        form.put("noticeMinutes", Forms.trimmed(noticeMinutes, 5));
        String problem = null;
        if (OnCallPage.uuid(form.get("scenarioId")) == null) {
            problem = "Choose a scenario (scenarioId)";
        } else if (!localDateTime(form.get("startsAt"))) {
            problem = "startsAt must be a date and time such as 2026-12-24T10:00";
        } else if (form.get("mode") == null) {
            problem = "mode must be LIVE or SILENT";
        } else if (!minutes(form.get("timeLimitMinutes")) || !minutes(form.get("noticeMinutes"))) {
            problem = "timeLimitMinutes and noticeMinutes must be whole numbers of minutes";
        }
        if (problem != null) {
            return Response.status(400).entity(render(null, form, null, problem)).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenarioId", form.get("scenarioId"));
        body.put("title", form.get("title"));
        body.put("startsAt", form.get("startsAt"));
        body.put("timeZone", form.get("timeZone"));
        body.put("rrule", form.get("rrule"));
        body.put("mode", form.get("mode"));
        body.put("timeLimitMinutes", form.get("timeLimitMinutes") == null ? null
                : Integer.valueOf(form.get("timeLimitMinutes")));
        body.put("noticeMinutes", form.get("noticeMinutes") == null ? null : Integer.valueOf(form.get("noticeMinutes")));
        ApiResult scheduled = api.post(Backend.GAMEDAY, "/api/v1/gamedays", body);
        if (!scheduled.ok()) {
            return Response.status(IntegrationsPage.status(scheduled)).entity(render(null, form, null,
                    scheduled.failure())).build();
        }
        return Response.seeOther(URI.create("/game-days?done=scheduled")).build();
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id) {
        UUID gameDay = OnCallPage.uuid(id);
        ApiResult cancelled = gameDay == null ? null : api.delete(Backend.GAMEDAY, "/api/v1/gamedays/" + gameDay);
        if (cancelled == null || !cancelled.ok()) {
            return Response.status(cancelled == null ? 404 : IntegrationsPage.status(cancelled))
                    .entity(render(null, Map.of(), null, cancelled == null ? "No such game day" : cancelled.failure()))
                    .build();
        }
        return Response.seeOther(URI.create("/game-days?done=cancelled")).build();
    }

    @POST
    @Path("action-items/{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response actionItemDone(@PathParam("id") String id) {
        UUID item = OnCallPage.uuid(id);
        ApiResult done = item == null ? null
                : api.post(Backend.GAMEDAY, "/api/v1/action-items/" + item + "/done", Map.of());
        if (done == null || !done.ok()) {
            return Response.status(done == null ? 404 : IntegrationsPage.status(done))
                    .entity(render(null, Map.of(), null, done == null ? "No such action item" : done.failure()))
                    .build();
        }
        return Response.seeOther(URI.create("/game-days?done=item-done#action-items")).build();
    }

    private TemplateInstance render(UUID runId, Map<String, String> form, String notice, String problem) {
        Instant now = Instant.now();
        ApiResult gameDays = api.get(Backend.GAMEDAY, "/api/v1/gamedays");
        ApiResult scenarios = api.get(Backend.GAMEDAY, "/api/v1/scenarios");
        ApiResult items = api.get(Backend.GAMEDAY, "/api/v1/action-items", Map.of("open", "true"));
        ApiResult reviews = api.get(Backend.GAMEDAY, "/api/v1/reviews");
        if (problem == null) {
            problem = List.of(gameDays, scenarios, items, reviews).stream().map(ApiResult::failure)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        Map<String, String> scenarioNames = new LinkedHashMap<>();
        scenarios.rows().forEach(s -> scenarioNames.put(Objects.toString(s.get("id")), Objects.toString(s.get("name"))));

        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> scheduledDays = new ArrayList<>();
        for (Map<String, Object> g : gameDays.rows()) {
            Map<String, Object> day = new LinkedHashMap<>(g);
            day.put("scenarioName", scenarioNames.getOrDefault(Objects.toString(g.get("scenarioId")), "?"));
            day.put("active", g.get("cancelledAt") == null);
            scheduledDays.add(day);
            for (Map<String, Object> r : list(g.get("runs"))) {
                Map<String, Object> run = new LinkedHashMap<>(r);
                run.put("title", Objects.toString(g.get("title"), Objects.toString(day.get("scenarioName"))));
                run.put("gameDayId", g.get("id"));
                run.put("mode", g.get("mode"));
                runs.add(run);
            }
        }
        runs.sort(Comparator.comparing(r -> Objects.toString(r.get("dueAt"), "")));
        List<Map<String, Object>> upcoming = runs.stream().filter(r -> is(r, RunStatus.SCHEDULED)).toList();
        List<Map<String, Object>> finished = new ArrayList<>(runs.stream()
                .filter(r -> is(r, RunStatus.COMPLETED) || is(r, RunStatus.FAILED)).toList());
        java.util.Collections.reverse(finished);

        // The running drill as escalation sees it: each member paged, and whether and how they acknowledged.
        List<Map<String, Object>> running = new ArrayList<>();
        for (Map<String, Object> r : runs.stream().filter(r -> is(r, RunStatus.RUNNING)).toList()) {
            Map<String, Object> live = new LinkedHashMap<>(r);
            if (r.get("incidentId") != null) {
                ApiResult team = api.get(Backend.ESCALATION,
                        "/api/v1/incidents/" + ServiceApi.segment(r.get("incidentId").toString()) + "/responders");
                live.put("team", team.ok() ? team.object() : null);
                live.put("teamProblem", team.failure());
            }
            running.add(live);
        }

        Map<String, Object> card = null;
        String cardProblem = null;
        UUID shown = runId;
        if (shown == null && !finished.isEmpty()) {
            shown = OnCallPage.uuid(Objects.toString(finished.get(0).get("id")));
        }
        if (shown != null) {
            ApiResult scorecard = api.get(Backend.GAMEDAY, "/api/v1/runs/" + shown + "/scorecard");
            card = scorecard.ok() ? scorecard.object() : null;
            cardProblem = scorecard.failure();
        }

        Set<String> scenariosRun = new LinkedHashSet<>();
        scheduledDays.forEach(g -> scenariosRun.add(Objects.toString(g.get("scenarioId"))));
        List<Trend> trends = new ArrayList<>();
        for (String scenario : scenariosRun) {
            if (OnCallPage.uuid(scenario) == null) {
                continue;
            }
            ApiResult trend = api.get(Backend.GAMEDAY, "/api/v1/scenarios/" + scenario + "/trend");
            List<ScoreTrendChart.Point> points = trend.rows().stream()
                    .map(p -> new ScoreTrendChart.Point(Objects.toString(p.get("startedAt"), "").replaceFirst("T.*", ""),
                            p.get("readinessScore") instanceof Number n ? n.intValue() : null))
                    .toList();
            if (!points.isEmpty()) {
                String name = scenarioNames.getOrDefault(scenario, "scenario");
                trends.add(new Trend(name, ScoreTrendChart.svg("Readiness scores of " + name + ", oldest first",
                        points), points.size()));
            }
        }

        return Templates.page(calendar(upcoming, now), trends, form, notice, problem)
                .data("gameDays", scheduledDays).data("scenarios", scenarios.rows()).data("upcoming", upcoming)
                .data("running", running).data("finished", finished.subList(0, Math.min(10, finished.size())))
                .data("card", card).data("cardProblem", cardProblem).data("items", items.rows())
                .data("reviews", reviews.rows().subList(0, Math.min(10, reviews.rows().size())));
    }

    /** Four weeks from this week's Monday (UTC), each day with the runs due on it. */
    static List<CalendarDay> calendar(List<Map<String, Object>> upcoming, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<CalendarDay> days = new ArrayList<>();
        for (int d = 0; d < CALENDAR_WEEKS * 7; d++) {
            LocalDate date = first.plusDays(d);
            List<String> due = new ArrayList<>();
            for (Map<String, Object> r : upcoming) {
                Object at = r.get("dueAt");
                if (at != null && LocalDate.ofInstant(Instant.parse(at.toString()), ZoneOffset.UTC).equals(date)) {
                    due.add(Instant.parse(at.toString()).atOffset(ZoneOffset.UTC).toLocalTime() + " " + r.get("title"));
                }
            }
            days.add(new CalendarDay(DAY.format(date), date.toString(), due, date.equals(today)));
        }
        return days;
    }

    private static boolean is(Map<String, Object> run, RunStatus status) {
        return status.name().equals(run.get("status"));
    }

    private static boolean localDateTime(String value) {
        if (value == null) {
            return false;
        }
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean minutes(String value) {
        return value == null || value.matches("[0-9]{1,5}");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
