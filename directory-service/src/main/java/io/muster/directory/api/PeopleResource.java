package io.muster.directory.api;

import io.muster.directory.service.ChannelTests;
import io.muster.directory.service.ChannelVerifications;
import io.muster.directory.service.PeopleDirectory;
import io.muster.platform.problem.Problem;
import io.muster.platform.problem.ProblemException;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    PeopleDirectory people;

    @Inject
    ChannelVerifications verifications;

    @Inject
    ChannelTests tests;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PersonPage search(@QueryParam("name") @Size(max = 120) String name,
            @QueryParam("role") @Size(max = 63) String role,
            @QueryParam("team") @Size(max = 120) String team,
            @QueryParam("skill") @Size(max = 80) String skill,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        PeopleDirectory.Found found = people.search(new PeopleDirectory.Search(name, role, team, skill, page, size));
        boolean full = CallerAccess.seesContactDetails(identity);
        return new PersonPage(found.items().stream().map(d -> PersonResponse.of(d, full)).toList(), page, size,
                found.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public PersonResponse get(@PathParam("id") UUID id) {
        return PersonResponse.of(people.get(id), CallerAccess.seesContactDetails(identity));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid PersonRequest request) {
        PersonResponse created = PersonResponse.of(people.create(request.toFields(), CallerAccess.actor(identity)), true);
        return Response.created(URI.create("/api/v1/people/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public PersonResponse replace(@PathParam("id") UUID id, @NotNull @Valid PersonRequest request) {
        return PersonResponse.of(people.replace(id, request.toFields(), CallerAccess.actor(identity)), true);
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        people.delete(id, CallerAccess.actor(identity));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public PersonResponse markReviewed(@PathParam("id") UUID id) {
        return PersonResponse.of(people.markReviewed(id, CallerAccess.actor(identity)), true);
    }

    @GET
    @Path("{id}/channels")
    @RolesAllowed(Roles.VIEWER)
    public List<ChannelResponse> channels(@PathParam("id") UUID id) {
        return PersonResponse.of(people.get(id), CallerAccess.seesContactDetails(identity)).channels();
    }

    /** Adds a channel and sends it a verification code at once. */
    @POST
    @Path("{id}/channels")
    @RolesAllowed(Roles.ADMIN)
    public Response addChannel(@PathParam("id") UUID id, @NotNull @Valid ChannelRequest request) {
        PersonResponse person = PersonResponse.of(people.addChannel(id, request.toNewChannel(), CallerAccess.actor(identity)), true);
        return Response.status(Response.Status.CREATED).entity(person).build();
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Path("{id}/channels/{channelId}")
    @RolesAllowed(Roles.ADMIN)
    public PersonResponse removeChannel(@PathParam("id") UUID id, @PathParam("channelId") UUID channelId) {
        return PersonResponse.of(people.removeChannel(id, channelId, CallerAccess.actor(identity)), true);
    }

    /** Sends a new code; any earlier code for the channel stops working. */
    @POST
    @Path("{id}/channels/{channelId}/verification")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Response startVerification(@PathParam("id") UUID id, @PathParam("channelId") UUID channelId) {
        ChannelVerifications.Started started = verifications.start(id, channelId, CallerAccess.actor(identity));
        return Response.accepted(new VerificationResponse(started.verificationId(), started.channelId(),
                started.expiresAt())).build();
    }

    /** Sends a test page on an EMAIL or SMS channel through notification-service; the answer comes before it. */
    @POST
    @Path("{id}/channels/{channelId}/test")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Response testChannel(@PathParam("id") UUID id, @PathParam("channelId") UUID channelId) {
        ChannelTests.Requested requested = tests.request(id, channelId, CallerAccess.actor(identity));
        return Response.accepted(new ChannelTestResponse(requested.testId(), requested.channelId(),
                requested.requestedAt())).build();
    }

    @POST
    @Path("{id}/channels/{channelId}/verification/confirm")
    @RolesAllowed(Roles.ADMIN)
    public PersonResponse confirm(@PathParam("id") UUID id, @PathParam("channelId") UUID channelId,
            @NotNull @Valid ConfirmCodeRequest request) {
        String actor = CallerAccess.actor(identity);
        // The attempt is committed before any refusal is raised, so wrong codes count towards the limit.
        ChannelVerifications.Confirmation result = verifications.confirm(id, channelId, request.code(), actor);
        return switch (result.outcome()) {
            case CONFIRMED -> PersonResponse.of(people.get(id), true);
            case WRONG_CODE -> throw refusal("wrong-code", 422,
                    "the code does not match; " + result.attemptsLeft() + " attempts left");
            case EXPIRED -> throw refusal("verification-expired", 410, "the code has expired; request a new one");
            case LOCKED -> throw refusal("verification-locked", 429,
                    "too many wrong codes; request a new one");
            case NOTHING_PENDING -> throw refusal("no-pending-verification", 409,
                    "no code is outstanding for this channel; request one");
            case ALREADY_VERIFIED -> throw refusal("already-verified", 409, "the channel is already verified");
        };
    }

    private static ProblemException refusal(String slug, int status, String message) {
        return new ProblemException(Problem.of(slug, "Verification refused", status, message,
                List.of(new Problem.FieldError("code", message))));
    }
}
