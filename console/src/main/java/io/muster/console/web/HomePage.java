package io.muster.console.web;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The console opens on the incidents; the signed-out page is the one page that needs no session. */
@Path("/")
public class HomePage {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/incidents")).build();
    }

    @GET
    @Path("sign-in-failed")
    @Produces(MediaType.TEXT_HTML)
    public Response signInFailed() {
        return Response.status(Response.Status.UNAUTHORIZED).entity(plainPage("Sign-in failed",
                "The identity provider did not complete the sign-in. Try again; if it keeps failing, the console's "
                        + "client settings and the provider's disagree (see the console's log).", "Try again"))
                .build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public String signedOut() {
        return plainPage("Signed out", "You have signed out of Muster.", "Sign in again");
    }

    /** A page outside the session (no navigation, no name): a heading, one sentence and a way back in. */
    private static String plainPage(String title, String text, String again) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + " · Muster</title><link rel=\"stylesheet\" href=\"/static/console.css\"></head><body>"
                + "<main class=\"narrow\"><h1>" + title + "</h1><p>" + text + "</p><p><a class=\"button\" "
                + "href=\"/incidents\">" + again + "</a></p></main></body></html>";
    }
}
