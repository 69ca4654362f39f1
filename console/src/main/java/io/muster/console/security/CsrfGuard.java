package io.muster.console.security;

import java.net.URI;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.muster.console.config.ConsoleConfig;

/**
 * Refuses every write (POST, PUT, PATCH, DELETE) that does not come from one of the console's own forms: the request's
 * Origin (or, without one, its Referer) must be the console's public origin, and the form's anti-forgery field must
 * match this browser's cookie. Issues the cookie on the response of the page that first needed it.
 */
public class CsrfGuard {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    ConsoleConfig config;

    @Inject
    CsrfToken csrf;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return null;
        }
        if (!fromOwnOrigin(request.getHeaderString("Origin"), request.getHeaderString("Referer"))) {
            return refuse("This form was not sent from the Muster console.");
        }
        String submitted = null;
        Object value = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CsrfToken.FIELD, true, false);
        if (value != null) {
            submitted = value.toString();
        }
        if (!CsrfToken.matches(submitted, csrf.fromCookie())) {
            return refuse("This form is out of date. Go back, reload the page and try again.");
        }
        return null;
    }

    @ServerResponseFilter
    public void issue(ContainerResponseContext response) {
        // Pages render after response filters run: make the token now so the page and the cookie carry the same one.
        csrf.token();
        if (csrf.issued()) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(CsrfToken.COOKIE).value(csrf.token())
                    .path("/").httpOnly(true).secure(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    boolean fromOwnOrigin(String origin, String referer) {
        String own = origin(config.publicUrl());
        if (origin != null && !origin.isBlank()) {
            // "null" (a sandboxed frame, a privacy-stripped request) is never ours.
            return own.equals(origin);
        }
        if (referer != null && !referer.isBlank()) {
            try {
                return own.equals(origin(URI.create(referer)));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
                || ("http".equals(scheme) && port == 80);
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase())
                + (defaultPort ? "" : ":" + port);
    }

    private static Response refuse(String why) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused · Muster</title>"
                        + "<link rel=\"stylesheet\" href=\"/static/console.css\"></head><body><main class=\"narrow\">"
                        + "<h1>Refused</h1><p>" + why + "</p><p><a href=\"/\">Back to the console</a></p></main>"
                        + "</body></html>")
                .build();
    }
}
