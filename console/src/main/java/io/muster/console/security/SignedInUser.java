package io.muster.console.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is signed in, as the pages need it: a name to show and which controls to offer. The services decide what the
 * person may actually do (their token goes with every call); hiding a control is only courtesy.
 */
@RequestScoped
@Named("user")
public class SignedInUser {

    public static final String ADMIN = "muster-admin";
    public static final String RESPONDER = "muster-responder";
    public static final String VIEWER = "muster-viewer";

    @Inject
    SecurityIdentity identity;

    public String name() {
        String name = claim("name");
        if (name == null) {
            name = claim("preferred_username");
        }
        return name == null ? identity.getPrincipal().getName() : name;
    }

    public String username() {
        String username = claim("preferred_username");
        return username == null ? identity.getPrincipal().getName() : username;
    }

    public String email() {
        return claim("email");
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    /** May change incidents: acknowledge, resolve, notes, severity, raise. */
    public boolean isResponder() {
        return identity.hasRole(RESPONDER) || isAdmin();
    }

    /** Sees the directory's contact details unmasked and its edit controls (the directory's own rule). */
    public boolean mayEditDirectory() {
        return isAdmin();
    }

    /** The strongest role held, for the header. */
    public String role() {
        return isAdmin() ? "admin" : identity.hasRole(RESPONDER) ? "responder" : identity.hasRole(VIEWER) ? "viewer"
                : "no Muster role";
    }

    /** A claim of the signed-in token: the ID token after a browser sign-in, the access token for a bearer call. */
    private String claim(String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object value = token.getClaim(name);
        return value == null ? null : value.toString();
    }
}
