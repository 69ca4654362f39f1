package io.muster.console.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.contracts.directory.RotationSnapshot;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * On call: who answers for every IR role now and after the next hand-off (the directory's who-is-on-call, which
 * applies reachability), a two-week grid per rotation (worked out from the rotation, see {@link OnCallCalendar}), and
 * overrides (the directory lets admins add and remove them).
 */
@Path("/on-call")
@Produces(MediaType.TEXT_HTML)
public class OnCallPage {

    static final int CALENDAR_DAYS = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    public record RoleOnCall(String key, String name, List<String> now, String nextAt, List<String> next,
            boolean rotation) {
    }

    public record DayCell(String label, String date, List<String> names, boolean today) {
    }

    public record OverrideRow(String id, String name, String from, String to) {
    }

    public record RotationGrid(String id, String name, String roleKey, String timeZone, List<DayCell> days,
            List<OverrideRow> overrides, List<Map<String, String>> members) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<RoleOnCall> roles, List<RotationGrid> rotations,
                List<Map<String, String>> people, Map<String, String> form, String notice, String problem);
    }

    @Inject
    ServiceApi api;

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        String notice = switch (Objects.toString(done, "")) {
            case "override-added" -> "The override was added.";
            case "override-removed" -> "The override was removed.";
            default -> null;
        };
        return render(Map.of(), notice, null);
    }

    @POST
    @Path("overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addOverride(@FormParam("rotationId") String rotationId, @FormParam("contactId") String contactId,
            @FormParam("from") String from, @FormParam("to") String to) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("rotationId", Forms.trimmed(rotationId, 36));
        form.put("contactId", Forms.trimmed(contactId, 36));
        form.put("from", Forms.trimmed(from, 16));
        form.put("to", Forms.trimmed(to, 16));
        UUID rotation = uuid(form.get("rotationId"));
        if (rotation == null) {
            return refused(400, form, "Choose a rotation (rotationId)");
        }
        if (uuid(form.get("contactId")) == null) {
            return refused(400, form, "Choose who covers (contactId)");
        }
        ApiResult found = api.get(Backend.DIRECTORY, "/api/v1/rotations/" + rotation);
        if (!found.ok()) {
            return refused(IntegrationsPage.status(found), form, found.failure());
        }
        ZoneId zone = ZoneId.of(Objects.toString(found.object().get("timeZone"), "UTC"));
        Instant fromAt = local(form.get("from"), zone);
        Instant toAt = local(form.get("to"), zone);
        if (fromAt == null) {
            return refused(400, form, "from must be a date and time such as 2026-12-24T09:00");
        }
        if (toAt == null) {
            return refused(400, form, "to must be a date and time such as 2026-12-26T09:00");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", form.get("contactId"));
        body.put("from", fromAt.toString());
        body.put("to", toAt.toString());
        ApiResult added = api.post(Backend.DIRECTORY, "/api/v1/rotations/" + rotation + "/overrides", body);
        if (!added.ok()) {
            return refused(IntegrationsPage.status(added), form, added.failure());
        }
        return Response.seeOther(URI.create("/on-call?done=override-added")).build();
    }

    @POST
    @Path("overrides/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeOverride(@FormParam("rotationId") String rotationId,
            @FormParam("overrideId") String overrideId) {
        UUID rotation = uuid(Forms.trimmed(rotationId, 36));
        UUID override = uuid(Forms.trimmed(overrideId, 36));
        if (rotation == null || override == null) {
            return refused(400, Map.of(), "No such override (rotationId, overrideId)");
        }
        ApiResult removed = api.delete(Backend.DIRECTORY, "/api/v1/rotations/" + rotation + "/overrides/" + override);
        if (!removed.ok()) {
            return refused(IntegrationsPage.status(removed), Map.of(), removed.failure());
        }
        return Response.seeOther(URI.create("/on-call?done=override-removed")).build();
    }

    private Response refused(int status, Map<String, String> form, String problem) {
        return Response.status(status).entity(render(form, null, problem)).build();
    }

    private TemplateInstance render(Map<String, String> form, String notice, String problem) {
        Instant now = Clock.systemUTC().instant();
        List<String> problems = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Map<String, String>> people = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            ApiResult found = api.get(Backend.DIRECTORY, "/api/v1/people", Map.of("page", page, "size", 200));
            if (!found.ok()) {
                problems.add(found.failure());
                break;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) found.object().getOrDefault("items",
                    List.of());
            for (Map<String, Object> p : items) {
                names.put(Objects.toString(p.get("id")), Objects.toString(p.get("displayName"), "?"));
                people.add(Map.of("id", Objects.toString(p.get("id")), "name",
                        Objects.toString(p.get("displayName"), "?")));
            }
            long total = ((Number) found.object().getOrDefault("total", 0)).longValue();
            if (items.isEmpty() || (long) (page + 1) * 200 >= total) {
                break;
            }
        }
        people.sort(Comparator.comparing(p -> p.get("name")));

        ApiResult rotationsResult = api.get(Backend.DIRECTORY, "/api/v1/rotations");
        if (!rotationsResult.ok()) {
            problems.add(rotationsResult.failure());
        }
        List<RotationSnapshot> rotations = new ArrayList<>();
        List<RotationGrid> grids = new ArrayList<>();
        for (Map<String, Object> r : rotationsResult.rows()) {
            RotationSnapshot rotation = snapshot(r);
            rotations.add(rotation);
            ZoneId zone = ZoneId.of(rotation.timeZone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            List<DayCell> days = OnCallCalendar.days(rotation, today, CALENDAR_DAYS, today).stream()
                    .map(d -> new DayCell(DAY.format(d.date()), d.date().toString(),
                            d.onCall().stream().map(id -> names.getOrDefault(id.toString(), "someone who left"))
                                    .toList(), d.today()))
                    .toList();
            List<OverrideRow> overrides = new ArrayList<>();
            for (Map<String, Object> o : list(r.get("overrides"))) {
                Instant to = Instant.parse(Objects.toString(o.get("to")));
                if (to.isAfter(now)) {
                    overrides.add(new OverrideRow(Objects.toString(o.get("id")),
                            names.getOrDefault(Objects.toString(o.get("contactId")), "?"),
                            WHEN.format(Instant.parse(Objects.toString(o.get("from"))).atZone(zone)),
                            WHEN.format(to.atZone(zone))));
                }
            }
            List<Map<String, String>> members = rotation.members().stream()
                    .map(id -> Map.of("id", id.toString(), "name", names.getOrDefault(id.toString(), "?"))).toList();
            grids.add(new RotationGrid(rotation.rotationId().toString(), rotation.name(), rotation.roleKey(),
                    rotation.timeZone(), days, overrides, members));
        }

        ApiResult rolesResult = api.get(Backend.DIRECTORY, "/api/v1/roles");
        if (!rolesResult.ok()) {
            problems.add(rolesResult.failure());
        }
        List<RoleOnCall> roles = new ArrayList<>();
        for (Map<String, Object> role : rolesResult.rows()) {
            String key = Objects.toString(role.get("key"));
            List<String> nowNames = responders(key, null, problems);
            Instant handoff = rotations.stream().filter(r -> key.equals(r.roleKey()))
                    .map(r -> OnCallCalendar.nextHandoff(r, now)).min(Comparator.naturalOrder()).orElse(null);
            List<String> nextNames = handoff == null ? List.of() : responders(key, handoff, problems);
            roles.add(new RoleOnCall(key, Objects.toString(role.get("name"), key), nowNames,
                    handoff == null ? null : WHEN.withZone(ZoneId.of("UTC")).format(handoff) + " UTC", nextNames,
                    handoff != null));
        }
        if (problem == null && !problems.isEmpty()) {
            problem = problems.get(0);
        }
        return Templates.page(roles, grids, people, form, notice, problem);
    }

    private List<String> responders(String role, Instant at, List<String> problems) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("role", role);
        query.put("at", at == null ? null : at.toString());
        ApiResult answer = api.get(Backend.DIRECTORY, "/api/v1/who-is-on-call", query);
        if (!answer.ok()) {
            problems.add(answer.failure());
            return List.of();
        }
        return list(answer.object().get("responders")).stream()
                .map(r -> Objects.toString(r.get("displayName"), "?")).toList();
    }

    static RotationSnapshot snapshot(Map<String, Object> r) {
        List<RotationSnapshot.Override> overrides = list(r.get("overrides")).stream()
                .map(o -> new RotationSnapshot.Override(UUID.fromString(Objects.toString(o.get("contactId"))),
                        Instant.parse(Objects.toString(o.get("from"))), Instant.parse(Objects.toString(o.get("to")))))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object> members = (List<Object>) r.getOrDefault("members", List.of());
        return new RotationSnapshot(UUID.fromString(Objects.toString(r.get("id"))), Objects.toString(r.get("name")),
                r.get("teamId") == null ? null : UUID.fromString(r.get("teamId").toString()),
                Objects.toString(r.get("roleKey")), Objects.toString(r.get("timeZone")),
                LocalDateTime.parse(Objects.toString(r.get("handoffStart"))),
                RotationSnapshot.ShiftUnit.valueOf(Objects.toString(r.get("shiftUnit"))),
                ((Number) r.get("shiftLength")).intValue(),
                members.stream().map(m -> UUID.fromString(m.toString())).toList(), overrides);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static UUID uuid(String value) {
        if (value == null || !value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return null;
        }
        return UUID.fromString(value);
    }

    /** A browser's datetime-local value read as wall-clock time in the rotation's zone. */
    static Instant local(String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
