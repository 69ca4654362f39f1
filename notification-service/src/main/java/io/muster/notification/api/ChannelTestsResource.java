package io.muster.notification.api;

import io.muster.notification.service.ChannelTests;
import io.muster.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Test pages the directory asked for; 404 until the request has been consumed. */
@Path("/api/v1/channel-tests")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelTestsResource {

    @Inject
    ChannelTests tests;

    @GET
    @Path("{testId}")
    @RolesAllowed(Roles.ADMIN)
    public ChannelTestResponse get(@PathParam("testId") UUID testId) {
        return ChannelTestResponse.of(tests.get(testId));
    }
}
