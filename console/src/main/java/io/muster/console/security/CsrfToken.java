package io.muster.console.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.inject.Inject;

/**
 * The anti-forgery token of this browser: a random value kept in a strict same-site, HTTP-only cookie and repeated in
 * a hidden field of every form ({inject:csrf.token}); a write whose field does not match the cookie is refused
 * (double-submit). Together with the origin check in {@link CsrfGuard} a page on another site cannot post a form here.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String COOKIE = "muster-csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpHeaders headers;

    private String token;
    private boolean issued;

    /** This browser's token, made now if it has none (the response then sets the cookie). */
    public String token() {
        if (token == null) {
            token = fromCookie();
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                issued = true;
            }
        }
        return token;
    }

    /** Whether {@link #token()} made a new token during this request, which the response must set. */
    boolean issued() {
        return issued;
    }

    String fromCookie() {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return cookie == null || cookie.getValue().length() < 32 ? null : cookie.getValue();
    }

    /** Constant-time comparison of a submitted field with the cookie. */
    static boolean matches(String submitted, String cookie) {
        if (submitted == null || cookie == null) {
            return false;
        }
        return MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
    }
}
