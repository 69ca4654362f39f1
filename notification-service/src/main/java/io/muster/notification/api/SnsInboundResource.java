package io.muster.notification.api;

import io.muster.notification.service.SnsInbound;
import io.muster.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Where the SNS HTTP(S) subscription for inbound SMS delivers. SNS cannot present a bearer token, so the SNS
 * message signature is the credential: every message is verified before anything happens, a forged one gets 403.
 * SNS posts JSON as text/plain, hence any content type.
 */
@Path("/api/v1/sns/inbound")
@PermitAll
public class SnsInboundResource {

    private static final int MAX_BODY = 256 * 1024;

    @Inject
    SnsInbound inbound;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public SnsInbound.Outcome receive(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "must not be empty");
        }
        if (body.length() > MAX_BODY) {
            throw ProblemException.badRequest("body", "must be at most " + MAX_BODY + " characters");
        }
        return inbound.receive(body);
    }
}
