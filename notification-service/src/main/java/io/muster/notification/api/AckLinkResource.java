package io.muster.notification.api;

import io.muster.notification.service.Acknowledgements;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The page behind an email ack link. The signed token is the credential (the responder has no bearer token on
 * their phone's mail app), hence no role check. GET only shows a confirmation page, because mail scanners
 * follow links; the form's POST acknowledges.
 */
@Path("/ack/{token}")
@PermitAll
public class AckLinkResource {

    @Inject
    Acknowledgements acknowledgements;

    @Location("ack/confirm.html")
    Template confirm;

    @Location("ack/done.html")
    Template done;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String show(@PathParam("token") @Size(max = 300) String token) {
        Acknowledgements.PageView page = acknowledgements.inspectLink(token);
        return confirm.data("title", page.title()).data("severity", page.severity()).data("drill", page.drill())
                .data("action", "/ack/" + token).render();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public String acknowledge(@PathParam("token") @Size(max = 300) String token) {
        Acknowledgements.PageView page = acknowledgements.ackByLink(token);
        return done.data("title", page.title()).data("drill", page.drill()).render();
    }
}
