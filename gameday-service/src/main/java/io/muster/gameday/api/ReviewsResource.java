package io.muster.gameday.api;

import io.muster.gameday.domain.Review;
import io.muster.gameday.service.ReviewBook;
import io.muster.platform.problem.ProblemException;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Post-incident reviews and game day runs' reviews, in one shape. */
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    @Inject
    ReviewBook reviews;

    @Inject
    SecurityIdentity identity;

    /**
     * Reviews newest first (at most 200, without incident timelines). {@code status} OPEN or COMPLETED;
     * {@code since} an instant: reviews opened at or after it.
     */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ReviewResponse> list(@QueryParam("status") String status, @QueryParam("since") String since) {
        Review.Status wanted = null;
        if (status != null && !status.isEmpty()) {
            try {
                wanted = Review.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "must be OPEN or COMPLETED");
            }
        }
        Instant from = null;
        if (since != null && !since.isEmpty()) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("since", "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
            }
        }
        return reviews.list(wanted, from).stream().map(ReviewResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public ReviewResponse get(@PathParam("id") UUID id) {
        return ReviewResponse.of(reviews.review(id));
    }

    /** Replaces the review's lessons and action items; 409 once the review is completed. */
    @PUT
    @Path("{id}/lessons")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESPONDER)
    public ReviewResponse recordLessons(@PathParam("id") UUID id, @NotNull @Valid LessonsRequest request) {
        return ReviewResponse.of(reviews.recordLessons(id, request.toFields(), identity.getPrincipal().getName()));
    }

    /** Closes the review (the responders who held it decide when); 409 if it has no lessons or is closed. */
    @POST
    @Path("{id}/complete")
    @RolesAllowed(Roles.RESPONDER)
    public ReviewResponse complete(@PathParam("id") UUID id) {
        return ReviewResponse.of(reviews.complete(id, identity.getPrincipal().getName()));
    }
}
