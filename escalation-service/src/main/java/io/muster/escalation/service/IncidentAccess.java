package io.muster.escalation.service;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.RoleEngagement;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who may change which incident, beyond the realm role an endpoint asks for. The game-day service raises,
 * acknowledges and resolves drills only. A calling system (an integration token, an integration key) acknowledges
 * and resolves only the incidents it raised. A person acknowledges as a responder only if they were paged for the
 * incident or hold one of its roles, or as an admin. Every refusal is a 403 problem that says which rule refused.
 */
@ApplicationScoped
public class IncidentAccess {

    @Inject
    OnCallResolver resolver;

    public void mayRaise(Caller caller, boolean drill) {
        if (caller.kind() == Caller.Kind.GAMEDAY && !drill) {
            throw forbidden("drills-only", "drill", "the game-day service raises drills only; a real incident is "
                    + "raised by a responder or a monitoring integration");
        }
    }

    /** A trigger from the game-day service never folds into (and so never re-pages) a real incident. */
    public void mayFoldInto(Incident open, Caller caller) {
        if (caller.kind() == Caller.Kind.GAMEDAY && !open.drill) {
            throw forbidden("drills-only", "dedupKey", "the game-day service raises drills only; the dedup key "
                    + "names an open real incident");
        }
    }

    /**
     * The directory people the caller is, once it is settled that the caller may acknowledge this incident (none for
     * a calling system). Throws the 403 problem otherwise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> acknowledgers(Incident incident, Caller caller) {
        if (!caller.isPerson()) {
            mayChangeAsSystem(incident, caller, "acknowledge");
            return List.of();
        }
        List<UUID> people = resolver.contactsKnownAs(caller);
        if (caller.admin()) {
            return people;
        }
        if (people.isEmpty()) {
            throw forbidden("not-a-responder", null, caller.name() + " is no person in the directory (no person "
                    + "has this login or a verified email address of this caller), so cannot acknowledge incident "
                    + incident.id + " as a responder; only a person paged for it, a holder of one of its roles, or "
                    + "an admin acknowledges");
        }
        Set<String> roles = rolesOf(incident);
        List<UUID> entitled = people.stream().filter(p -> pagedFor(incident, p) || holdsAny(p, roles)).toList();
        if (entitled.isEmpty()) {
            throw forbidden("not-a-responder", null, resolver.nameOf(people.get(0)) + " was not paged for incident "
                    + incident.id + " and holds none of its roles " + roles + "; only a person paged for it, a "
                    + "holder of one of its roles, or an admin acknowledges");
        }
        return entitled;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void mayResolve(Incident incident, Caller caller) {
        if (!caller.isPerson()) {
            mayChangeAsSystem(incident, caller, "resolve");
        }
    }

    /**
     * Changes open to every person with the endpoint's role (phase steps, reclassification): a calling system makes
     * them only to incidents it raised, the game-day service only to drills.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mayChange(Incident incident, Caller caller, String change) {
        if (!caller.isPerson()) {
            mayChangeAsSystem(incident, caller, change);
        }
    }

    private static void mayChangeAsSystem(Incident incident, Caller caller, String change) {
        if (caller.kind() == Caller.Kind.GAMEDAY) {
            if (!incident.drill) {
                throw forbidden("drills-only", null, "the game-day service may " + change + " drills only; incident "
                        + incident.id + " is real");
            }
            return;
        }
        // Incidents raised before the raising caller was recorded name it only by its actor name.
        boolean raisedIt = incident.raisedBy != null ? incident.raisedBy.equals(caller.ref())
                : Objects.equals(incident.createdBy, caller.name());
        if (!raisedIt) {
            throw forbidden("not-raised-by-caller", null, caller.name() + " did not raise incident " + incident.id
                    + "; a calling system may " + change + " only the incidents it raised");
        }
    }

    /** The roles the incident asks for: those it requires and those it paged people for. */
    private static Set<String> rolesOf(Incident incident) {
        Set<String> roles = new TreeSet<>(incident.requiredRoles());
        RoleEngagement.ofIncident(incident.id).forEach(r -> roles.add(r.roleKey));
        Engagement.<Engagement>list("incidentId = ?1 and notifyOnly = false and roleKey is not null", incident.id)
                .forEach(e -> roles.add(e.roleKey));
        return roles;
    }

    private static boolean pagedFor(Incident incident, UUID contactId) {
        return Engagement.count("incidentId = ?1 and contactId = ?2 and notifyOnly = false", incident.id,
                contactId) > 0;
    }

    private boolean holdsAny(UUID contactId, Set<String> roles) {
        return resolver.contact(contactId).map(ContactSnapshot::roles).orElse(List.of()).stream()
                .anyMatch(roles::contains);
    }

    private static Refusal forbidden(String slug, String field, String detail) {
        return Refusal.forbidden(slug, field, detail);
    }
}
