package io.muster.gameday.api;

import io.muster.gameday.service.RunLessonsBook;
import io.muster.platform.problem.ProblemException;
import io.muster.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Action items from every run's lessons, soonest due first. */
@Path("/api/v1/action-items")
@Produces(MediaType.APPLICATION_JSON)
public class ActionItemsResource {

    @Inject
    RunLessonsBook lessons;

    /** {@code open=true} lists what is not done, {@code open=false} what is; without it, everything. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ActionItemResponse> list(@QueryParam("open") String open) {
        Boolean onlyOpen;
        if (open == null || open.isEmpty()) {
            onlyOpen = null;
        } else if (open.equals("true") || open.equals("false")) {
            onlyOpen = Boolean.valueOf(open);
        } else {
            throw ProblemException.badRequest("open", "must be true or false");
        }
        return lessons.actionItems(onlyOpen).stream().map(i -> ActionItemResponse.of(i.item(), i.run())).toList();
    }
}
