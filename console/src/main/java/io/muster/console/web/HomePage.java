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
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public String signedOut() {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Signed out · Muster</title>"
                + "<link rel=\"stylesheet\" href=\"/static/console.css\"></head><body><main class=\"narrow\">"
                + "<h1>Signed out</h1><p>You have signed out of Muster.</p><p><a class=\"button\" href=\"/incidents\">"
                + "Sign in again</a></p></main></body></html>";
    }
}
