package io.muster.directory.api;

import io.muster.directory.domain.SignedInCaller;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What the caller may see and how the audit log names them. */
final class CallerAccess {

    private CallerAccess() {
    }

    /** Responders and admins see contact details in full; viewers see them masked. */
    static boolean seesContactDetails(SecurityIdentity identity) {
        return identity.hasRole(Roles.RESPONDER) || identity.hasRole(Roles.ADMIN);
    }

    static String actor(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }

    /**
     * The caller as a person who may change their own entries: the names the token goes by (principal, subject,
     * username) and the addresses it is known by (those names and an {@code email} claim not marked unverified), as
     * escalation ties a token to a person.
     */
    static SignedInCaller signedIn(SecurityIdentity identity) {
        Set<String> names = new HashSet<>();
        names.add(identity.getPrincipal().getName());
        Set<String> emails = new HashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            if (token.getSubject() != null) {
                names.add(token.getSubject());
            }
            if (token.getClaim("preferred_username") instanceof String username) {
                names.add(username);
            }
            // An address the identity provider says it has not verified does not tie the caller to a person.
            if (token.getClaim("email") instanceof String email
                    && !Boolean.FALSE.equals(token.getClaim("email_verified"))) {
                emails.add(email);
            }
        }
        emails.addAll(names);
        return new SignedInCaller(actor(identity), identity.hasRole(Roles.ADMIN), names, emails);
    }
}
