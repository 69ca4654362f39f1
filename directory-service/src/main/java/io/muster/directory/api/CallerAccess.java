package io.muster.directory.api;

import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

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
}
