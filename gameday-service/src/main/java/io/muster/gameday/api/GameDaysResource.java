package io.muster.gameday.api;

import io.muster.gameday.config.GamedayConfig;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.service.GameDayPlanner;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/gamedays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GameDaysResource {

    @Inject
    GameDayPlanner planner;

    @Inject
    GamedayConfig config;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response schedule(@NotNull @Valid GameDayRequest request) {
        GameDay gameDay = planner.schedule(request.toFields(), actor());
        return Response.created(URI.create("/api/v1/gamedays/" + gameDay.id))
                .entity(GameDayResponse.of(gameDay, planner.runsOf(gameDay.id))).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<GameDayResponse> list() {
        return planner.list().stream().map(g -> GameDayResponse.of(g, planner.runsOf(g.id))).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public GameDayResponse get(@PathParam("id") UUID id) {
        return GameDayResponse.of(planner.get(id), planner.runsOf(id));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public GameDayResponse cancel(@PathParam("id") UUID id) {
        GameDay cancelled = planner.cancel(id, actor());
        return GameDayResponse.of(cancelled, planner.runsOf(id));
    }

    /** Notices before scheduled runs, soonest first; {@code due} once their time has come (they are emailed then). */
    @GET
    @Path("notices")
    @RolesAllowed(Roles.VIEWER)
    public List<NoticeResponse> notices() {
        return planner.notices().stream().map(n -> new NoticeResponse(n.gameDay().id, n.run().id,
                n.gameDay().title, n.run().dueAt, n.noticeAt(), n.due(), n.gameDay().participantTeam,
                List.copyOf(n.gameDay().participantRoles))).toList();
    }

    public record NoticeResponse(UUID gameDayId, UUID runId, String title, Instant dueAt, Instant noticeAt,
            boolean due, String team, List<String> roles) {
    }

    @GET
    @Path("calendar.ics")
    @Produces("text/calendar; charset=utf-8")
    @RolesAllowed(Roles.VIEWER)
    public String calendar() {
        Instant now = clock.instant();
        return CalendarFeed.write(planner.upcoming(), now, now.plus(config.calendarHorizon()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
