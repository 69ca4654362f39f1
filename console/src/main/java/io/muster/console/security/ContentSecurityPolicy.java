package io.muster.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The console's Content-Security-Policy on every response (pages, static files, errors): no inline script or style,
 * no framing, nothing from other origins. A response that sets its own policy keeps it instead (the response plan
 * document allows its own style sheet by hash): a configured header would be sent as a second policy, and browsers
 * enforce both.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";
    public static final String DEFAULT = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                if (!rc.response().headers().contains(HEADER)) {
                    rc.response().headers().set(HEADER, DEFAULT);
                }
            });
            rc.next();
        });
    }
}
