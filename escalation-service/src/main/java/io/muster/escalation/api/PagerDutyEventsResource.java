package io.muster.escalation.api;

import io.muster.escalation.service.IngestThrottle;
import io.muster.escalation.service.PagerDutyEvents;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * PagerDuty Events API v2, at the same path PagerDuty serves it. No bearer token: like PagerDuty, the caller is
 * authenticated by the integration key in the body ({@code routing_key}), because that is all such clients send.
 * The body is read as text so that every malformed event gets PagerDuty's error shape, not Muster's.
 */
@Path("/v2/enqueue")
public class PagerDutyEventsResource {

    @Inject
    PagerDutyEvents events;

    @Inject
    IngestThrottle throttle;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enqueue(String body) {
        PagerDutyEvents.Answer answer = events.enqueue(body);
        Response.ResponseBuilder response = Response.status(answer.status()).type(MediaType.APPLICATION_JSON)
                .entity(answer.body());
        if (answer.status() == 429) {
            response.header("Retry-After", throttle.retryAfterSeconds());
        }
        return response.build();
    }
}
