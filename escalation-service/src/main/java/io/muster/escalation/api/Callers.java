package io.muster.escalation.api;

import io.muster.escalation.domain.Caller;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller a bearer token names: a person (responder, admin), a calling system (integration), or game day. */
final class Callers {

    private Callers() {
    }

    static Caller of(SecurityIdentity identity) {
        String name = identity.getPrincipal().getName();
        String subject = name;
        Set<String> names = new HashSet<>();
        names.add(name);
        Set<String> emails = new HashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            if (token.getSubject() != null && !token.getSubject().isBlank()) {
                subject = token.getSubject();
                names.add(subject);
            }
            if (token.getClaim("preferred_username") instanceof String username) {
                names.add(username);
            }
            // An address the identity provider says it has not verified does not tie the caller to a person.
            if (token.getClaim("email") instanceof String email && !Boolean.FALSE.equals(token.getClaim(
                    "email_verified"))) {
                emails.add(email);
            }
        }
        emails.addAll(names);
        // A person's role decides over a system's: someone holding both acknowledges as the person they are.
        Caller.Kind kind = identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.RESPONDER) ? Caller.Kind.PERSON
                : identity.hasRole(Roles.INTEGRATION) ? Caller.Kind.INTEGRATION : Caller.Kind.GAMEDAY;
        return new Caller(kind, "token:" + subject, name, names, emails, identity.hasRole(Roles.ADMIN));
    }
}
