package io.muster.platform.security;

/**
 * Realm roles Muster understands. People hold admin, responder or viewer, which nest (each service maps admin to
 * responder and viewer, responder to viewer, with {@code quarkus.http.auth.roles-mapping}); calling systems hold
 * integration (raise, and acknowledge and resolve what they raised) or gameday (drills only).
 */
public final class Roles {
    public static final String ADMIN = "muster-admin";
    public static final String RESPONDER = "muster-responder";
    public static final String VIEWER = "muster-viewer";
    public static final String INTEGRATION = "muster-integration";
    public static final String GAMEDAY = "muster-gameday";

    private Roles() {
    }
}
