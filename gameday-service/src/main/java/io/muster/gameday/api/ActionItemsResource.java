package io.muster.gameday.api;

import io.muster.gameday.service.ReviewBook;
import io.muster.platform.problem.ProblemException;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** Action items from every review (of runs and of incidents), soonest due first. */
@Path("/api/v1/action-items")
@Produces(MediaType.APPLICATION_JSON)
public class ActionItemsResource {

    @Inject
    ReviewBook reviews;

    @Inject
    SecurityIdentity identity;

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
        return reviews.actionItems(onlyOpen).stream().map(ActionItemResponse::of).toList();
    }

    /** Marks the item done, also when its review is completed; marking it again changes nothing. */
    @POST
    @Path("{id}/done")
    @RolesAllowed(Roles.RESPONDER)
    public ActionItemResponse done(@PathParam("id") UUID id) {
        return ActionItemResponse.of(reviews.markDone(id, identity.getPrincipal().getName()));
    }
}
