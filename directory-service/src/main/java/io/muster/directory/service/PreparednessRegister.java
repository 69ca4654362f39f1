package io.muster.directory.service;

import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.PersonPreparedness;
import io.muster.directory.domain.PreparednessItem;
import io.muster.directory.domain.PreparednessState;
import io.muster.directory.domain.SignedInCaller;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access and tools ready before the day (SEC10): per role, what its holders must have pre-provisioned or
 * pre-deployed; per person, whether each is in place as last checked. Admins keep the catalog; a person records their
 * own checks (an admin anyone's). Every change is audited.
 */
@ApplicationScoped
public class PreparednessRegister {

    static final String ITEM_ENTITY = "preparedness-item";
    static final String CHECK_ENTITY = "person-preparedness";

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    RoleCatalog roles;

    /** One thing a person must have, merged over the roles of theirs that ask for it. */
    public record Requirement(String key, PreparednessItem.Kind kind, String name, String description,
            String howToGet, List<String> roles, int recheckDays) {
    }

    /** A requirement of a person with what readiness makes of their last check of it ({@code check} may be null). */
    public record Standing(Requirement requirement, PersonPreparedness check, PreparednessState state,
            Instant recheckDueAt) {
    }

    /** Every item a person's roles ask of them, with how each stands. */
    public record PersonStandings(UUID personId, String displayName, List<Standing> standings) {
    }

    /** An item as the audit log keeps it (the shape the API shows it in). */
    record ItemState(String roleKey, String key, PreparednessItem.Kind kind, String name, String description,
            String howToGet, int recheckDays, Instant createdAt, Instant updatedAt) {

        static ItemState of(PreparednessItem item) {
            return new ItemState(item.roleKey, item.itemKey, item.kind, item.name, item.description, item.howToGet,
                    item.recheckDays, item.createdAt, item.updatedAt);
        }
    }

    @Transactional
    public List<PreparednessItem> items(String roleKey) {
        roles.get(roleKey);
        return PreparednessItem.list("roleKey = ?1", Sort.by("itemKey"), roleKey);
    }

    @Transactional
    public PreparednessItem item(String roleKey, String itemKey) {
        roles.get(roleKey);
        PreparednessItem item = PreparednessItem.findById(new PreparednessItem.Key(roleKey, itemKey));
        if (item == null) {
            throw Refusal.notFound("Preparedness item", roleKey + "/" + itemKey);
        }
        return item;
    }

    @Transactional
    public PreparednessItem create(String roleKey, PreparednessItemFields request, String actor) {
        roles.get(roleKey);
        if (request.key() == null) {
            throw Refusal.invalid("key", "must not be null");
        }
        if (PreparednessItem.findById(new PreparednessItem.Key(roleKey, request.key())) != null) {
            throw Refusal.conflict("duplicate", "key",
                    "role " + roleKey + " already has an item " + request.key());
        }
        PreparednessItem item = new PreparednessItem();
        item.roleKey = roleKey;
        item.itemKey = request.key();
        item.createdAt = clock.instant();
        apply(item, request, item.createdAt);
        item.persist();
        audit.record(ITEM_ENTITY, roleKey + "/" + item.itemKey, "created", actor, null,
                ItemState.of(item));
        return item;
    }

    @Transactional
    public PreparednessItem replace(String roleKey, String itemKey, PreparednessItemFields request, String actor) {
        PreparednessItem item = item(roleKey, itemKey);
        if (request.key() != null && !request.key().equals(itemKey)) {
            throw Refusal.invalid("key", "does not match the item in the path");
        }
        ItemState before = ItemState.of(item);
        apply(item, request, clock.instant());
        audit.record(ITEM_ENTITY, roleKey + "/" + itemKey, "updated", actor, before,
                ItemState.of(item));
        return item;
    }

    /** Removes the item from the role; people's checks of it stay, for another role that may ask for the same. */
    @Transactional
    public void delete(String roleKey, String itemKey, String actor) {
        PreparednessItem item = item(roleKey, itemKey);
        ItemState before = ItemState.of(item);
        item.delete();
        audit.record(ITEM_ENTITY, roleKey + "/" + itemKey, "deleted", actor, before, null);
    }

    @Transactional
    public PersonStandings ofPerson(UUID personId) {
        Person person = person(personId);
        return new PersonStandings(person.id, person.displayName,
                standings(person, itemsByRole(), checksOf(List.of(personId)), clock.instant()));
    }

    /**
     * Records whether the person has the item in place now. Only the person themself (matched by login or verified
     * email) or an admin may; the item must be one the person's roles ask for.
     */
    @Transactional
    public PersonStandings check(UUID personId, String itemKey, boolean inPlace, String note,
            SignedInCaller caller) {
        Person person = person(personId);
        Map<String, Requirement> required = requirementsOf(person, itemsByRole());
        if (!required.containsKey(itemKey)) {
            throw Refusal.notFound("Preparedness item of " + person.displayName, itemKey);
        }
        if (!caller.admin() && !caller.is(person, ContactChannel.ofPerson(personId))) {
            String detail = caller.actor() + " is not " + person.displayName + " (no login or verified email of "
                    + "theirs matches the token); only the person themself or an admin records their checks";
            throw Refusal.forbidden("not-this-person", null, detail);
        }
        PersonPreparedness check = PersonPreparedness.findById(new PersonPreparedness.Key(personId, itemKey));
        Object before = check == null ? null : checkView(check);
        if (check == null) {
            check = new PersonPreparedness();
            check.personId = personId;
            check.itemKey = itemKey;
        }
        check.inPlace = inPlace;
        check.note = note == null || note.isBlank() ? null : note.strip();
        check.checkedAt = clock.instant();
        check.checkedBy = caller.actor();
        check.persist();
        audit.record(CHECK_ENTITY, personId + "/" + itemKey, before == null ? "created" : "updated",
                caller.actor(), before, checkView(check));
        return ofPerson(personId);
    }

    /** Every item of the catalog, by role key. */
    static Map<String, List<PreparednessItem>> itemsByRole() {
        return PreparednessItem.<PreparednessItem>listAll(Sort.by("roleKey").and("itemKey")).stream()
                .collect(Collectors.groupingBy(i -> i.roleKey, LinkedHashMap::new, Collectors.toList()));
    }

    /** The people's checks, by person and item key. */
    static Map<UUID, Map<String, PersonPreparedness>> checksOf(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return PersonPreparedness.<PersonPreparedness>list("personId in ?1", personIds).stream()
                .collect(Collectors.groupingBy(c -> c.personId, Collectors.toMap(c -> c.itemKey, c -> c)));
    }

    /**
     * What the person's roles ask of them, by item key in key order: an item asked by several roles once, with the
     * kind, name and texts of the first role (by key) and the shortest re-check period.
     */
    static Map<String, Requirement> requirementsOf(Person person, Map<String, List<PreparednessItem>> itemsByRole) {
        Map<String, List<PreparednessItem>> byKey = new java.util.TreeMap<>();
        for (String role : person.roles == null ? List.<String>of() : person.roles.stream().sorted().toList()) {
            for (PreparednessItem item : itemsByRole.getOrDefault(role, List.of())) {
                byKey.computeIfAbsent(item.itemKey, k -> new ArrayList<>()).add(item);
            }
        }
        Map<String, Requirement> required = new LinkedHashMap<>();
        byKey.forEach((key, items) -> {
            PreparednessItem first = items.get(0);
            required.put(key, new Requirement(key, first.kind, first.name, first.description, first.howToGet,
                    items.stream().map(i -> i.roleKey).toList(),
                    items.stream().mapToInt(i -> i.recheckDays).min().orElse(first.recheckDays)));
        });
        return required;
    }

    /** The person's requirements with their standing at {@code now}. */
    static List<Standing> standings(Person person, Map<String, List<PreparednessItem>> itemsByRole,
            Map<UUID, Map<String, PersonPreparedness>> checks, Instant now) {
        Map<String, PersonPreparedness> theirs = checks.getOrDefault(person.id, Map.of());
        return requirementsOf(person, itemsByRole).values().stream()
                .map(r -> standing(r, theirs.get(r.key()), now)).toList();
    }

    /** Pure: in place and checked within the period, never checked, not in place, or in place but due a re-check. */
    static Standing standing(Requirement requirement, PersonPreparedness check, Instant now) {
        if (check == null) {
            return new Standing(requirement, null, PreparednessState.NEVER_CHECKED, null);
        }
        Instant due = check.checkedAt.plus(Duration.ofDays(requirement.recheckDays()));
        PreparednessState state = !check.inPlace ? PreparednessState.NOT_IN_PLACE
                : due.isAfter(now) ? PreparednessState.IN_PLACE : PreparednessState.RECHECK_DUE;
        return new Standing(requirement, check, state, due);
    }

    private static Map<String, Object> checkView(PersonPreparedness check) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("personId", check.personId);
        view.put("itemKey", check.itemKey);
        view.put("inPlace", check.inPlace);
        view.put("note", check.note);
        view.put("checkedAt", check.checkedAt);
        view.put("checkedBy", check.checkedBy);
        return view;
    }

    private static Person person(UUID personId) {
        Person person = Person.findById(personId);
        if (person == null) {
            throw Refusal.notFound("Person", personId);
        }
        return person;
    }

    private static void apply(PreparednessItem item, PreparednessItemFields request, Instant now) {
        item.kind = request.kind();
        item.name = request.name().strip();
        item.description = request.description() == null ? "" : request.description().strip();
        item.howToGet = request.howToGet() == null ? "" : request.howToGet().strip();
        item.recheckDays = request.recheckDays();
        item.updatedAt = now;
    }
}
