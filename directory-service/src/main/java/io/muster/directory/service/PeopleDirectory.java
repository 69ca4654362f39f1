package io.muster.directory.service;

import io.muster.directory.domain.ChannelAddresses;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.SupportedChannels;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * People and their contact channels. Each use case is one transaction that changes the tables, writes the audit
 * entry and puts the snapshot (and affected role rosters) into the outbox together.
 */
@ApplicationScoped
public class PeopleDirectory {

    static final String AUDIT_PERSON = "person";

    @Inject
    DirectoryEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    ChannelVerifications verifications;

    @Inject
    RotationSchedule rotations;

    @Inject
    RoleCatalog roleCatalog;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** Search criteria; null fields do not filter. */
    public record Search(String name, String role, String team, String skill, int page, int size) {
    }

    public record Found(List<ContactDetails> items, long total) {
    }

    @Transactional
    public Found search(Search search) {
        StringBuilder where = new StringBuilder(" FROM person p WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.name() != null && !search.name().isBlank()) {
            where.append(" AND lower(p.display_name) LIKE :name ESCAPE '\\'");
            params.put("name", "%" + escapeLike(search.name().strip().toLowerCase()) + "%");
        }
        if (search.role() != null && !search.role().isBlank()) {
            where.append(" AND CAST(:role AS text) = ANY (p.roles)");
            params.put("role", search.role().strip());
        }
        if (search.skill() != null && !search.skill().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM unnest(p.skills) s WHERE lower(s) = lower(CAST(:skill AS text)))");
            params.put("skill", search.skill().strip());
        }
        if (search.team() != null && !search.team().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM team_member tm JOIN team t ON t.id = tm.team_id"
                    + " WHERE tm.person_id = p.id AND (CAST(t.id AS text) = :team OR lower(t.name) = lower(:team)))");
            params.put("team", search.team().strip());
        }
        Query count = entityManager.createNativeQuery("SELECT count(*)" + where, Long.class);
        Query select = entityManager.createNativeQuery(
                "SELECT p.*" + where + " ORDER BY lower(p.display_name), p.id", Person.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Person> people = select.setFirstResult(search.page() * search.size()).setMaxResults(search.size())
                .getResultList();
        return new Found(people.stream().map(this::details).toList(), total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Transactional
    public ContactDetails get(UUID id) {
        return details(find(id));
    }

    @Transactional
    public ContactDetails create(PersonFields request, String actor) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.createdAt = clock.instant();
        apply(person, request, actor);
        person.persist();
        ContactDetails after = details(person);
        audit.record(AUDIT_PERSON, person.id, "created", actor, null, PersonState.of(after));
        events.contactChanged(person, after.channels());
        if (person.active) {
            events.rostersChanged(person.roles);
        }
        return after;
    }

    /** Creates a person whose audit entry and snapshot the caller writes once the rest of their data is in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Person createWithoutAnnouncing(PersonFields request, String actor) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.createdAt = clock.instant();
        apply(person, request, actor);
        person.persist();
        return person;
    }

    @Transactional
    public ContactDetails replace(UUID id, PersonFields request, String actor) {
        Person person = find(id);
        ContactDetails before = details(person);
        PersonState beforeState = PersonState.of(before);
        Set<String> rolesBefore = person.active ? Set.copyOf(person.roles) : Set.of();
        int levelBefore = person.escalationLevel;
        String nameBefore = person.displayName;
        apply(person, request, actor);
        ContactDetails after = details(person);
        audit.record(AUDIT_PERSON, id, "updated", actor, beforeState, PersonState.of(after));
        events.contactChanged(person, after.channels());
        Set<String> rolesAfter = person.active ? Set.copyOf(person.roles) : Set.of();
        Set<String> rosters = symmetricDifference(rolesBefore, rolesAfter);
        // Rosters list holders by escalation level and name, so a change to either reorders every roster they are on.
        if (person.escalationLevel != levelBefore || !person.displayName.equals(nameBefore)) {
            rosters.addAll(rolesAfter);
        }
        events.rostersChanged(rosters);
        return after;
    }

    /** Marks the person's entry as checked and still correct, by whoever calls. */
    @Transactional
    public ContactDetails markReviewed(UUID id, String actor) {
        Person person = find(id);
        PersonState beforeState = PersonState.of(details(person));
        person.lastReviewedAt = clock.instant();
        person.lastReviewedBy = actor;
        person.updatedAt = person.lastReviewedAt;
        ContactDetails after = details(person);
        audit.record(AUDIT_PERSON, id, "reviewed", actor, beforeState, PersonState.of(after));
        events.contactChanged(person, after.channels());
        return after;
    }

    @Transactional
    public void delete(UUID id, String actor) {
        Person person = find(id);
        PersonState beforeState = PersonState.of(details(person));
        Set<String> rosters = new HashSet<>(person.active ? person.roles : List.of());
        rotations.personRemoved(id, actor);
        rosters.addAll(roleCatalog.personRemoved(id, actor));
        forgetReferencesTo(id, actor);
        person.delete();
        audit.record(AUDIT_PERSON, id, "deleted", actor, beforeState, null);
        events.contactDeleted(id);
        events.rostersChanged(rosters);
    }

    /**
     * Clears the deleted person as anyone's manager or backup. The database would do it on its own (ON DELETE SET
     * NULL), but then the change would be neither audited nor published, and replicas would keep a backup who is gone.
     */
    private void forgetReferencesTo(UUID id, String actor) {
        for (Person other : Person.<Person>list("(managerId = ?1 or backupContactId = ?1) and id <> ?1", id)) {
            PersonState beforeState = PersonState.of(details(other));
            if (id.equals(other.managerId)) {
                other.managerId = null;
            }
            if (id.equals(other.backupContactId)) {
                other.backupContactId = null;
            }
            touch(other);
            ContactDetails after = details(other);
            audit.record(AUDIT_PERSON, other.id, "reference-removed", actor, beforeState,
                    PersonState.of(after));
            events.contactChanged(other, after.channels());
        }
    }

    @Transactional
    public ContactDetails addChannel(UUID personId, NewChannel request, String actor) {
        Person person = find(personId);
        PersonState beforeState = PersonState.of(details(person));
        ContactChannel channel = newChannel(person.id, request, "", clock.instant());
        if (ContactChannel.count("personId = ?1 and type = ?2 and address = ?3", personId, channel.type,
                channel.address) > 0) {
            throw Refusal.conflict("duplicate", "address",
                    "this person already has a " + channel.type + " channel with that address");
        }
        channel.persist();
        touch(person);
        ContactDetails after = details(person);
        audit.record(AUDIT_PERSON, personId, "channel-added", actor, beforeState, PersonState.of(after));
        events.contactChanged(person, after.channels());
        // A new channel is useless until verified, so the first code goes out straight away.
        verifications.startFor(person, channel, actor);
        return after;
    }

    @Transactional
    public ContactDetails removeChannel(UUID personId, UUID channelId, String actor) {
        Person person = find(personId);
        PersonState beforeState = PersonState.of(details(person));
        ContactChannel channel = channelOf(personId, channelId);
        channel.delete();
        touch(person);
        ContactDetails after = details(person);
        audit.record(AUDIT_PERSON, personId, "channel-removed", actor, beforeState, PersonState.of(after));
        events.contactChanged(person, after.channels());
        return after;
    }

    /**
     * A channel checked for its type and address; {@code fieldPrefix} names where it came from in the request
     * (e.g. {@code channels[2].}) so that a problem names the exact field.
     */
    public static ContactChannel newChannel(UUID personId, NewChannel request, String fieldPrefix, Instant now) {
        SupportedChannels.problemWith(request.type()).ifPresent(message -> {
            throw Refusal.unprocessable(SupportedChannels.REFUSAL, fieldPrefix + "type", message);
        });
        String address = request.address().strip();
        ChannelAddresses.problemWith(request.type(), address).ifPresent(message -> {
            throw Refusal.invalid(fieldPrefix + "address", message);
        });
        ContactChannel channel = new ContactChannel();
        channel.id = UUID.randomUUID();
        channel.personId = personId;
        channel.type = request.type();
        channel.address = address;
        channel.preference = request.preference();
        channel.createdAt = now;
        return channel;
    }

    ContactChannel channelOf(UUID personId, UUID channelId) {
        ContactChannel channel = ContactChannel.findById(channelId);
        if (channel == null || !channel.personId.equals(personId)) {
            throw Refusal.notFound("Channel", channelId);
        }
        return channel;
    }

    Person find(UUID id) {
        Person person = Person.findById(id);
        if (person == null) {
            throw Refusal.notFound("Person", id);
        }
        return person;
    }

    void touch(Person person) {
        person.updatedAt = clock.instant();
    }

    ContactDetails details(Person person) {
        entityManager.flush();
        @SuppressWarnings("unchecked")
        List<UUID> teams = entityManager.createNativeQuery(
                "SELECT team_id FROM team_member WHERE person_id = ?1 ORDER BY team_id", UUID.class)
                .setParameter(1, person.id).getResultList();
        return new ContactDetails(person, ContactChannel.ofPerson(person.id), teams);
    }

    /** Checks every rule a single field cannot express, then copies the request onto the person. */
    private void apply(Person person, PersonFields request, String actor) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        String zone = request.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add(new Refusal.FieldError("timeZone", "must be an IANA time zone such as Europe/London"));
        }
        List<String> roles = request.roles() == null ? List.of() : request.roles().stream().distinct().toList();
        for (int i = 0; i < roles.size(); i++) {
            if (IrRole.findById(roles.get(i)) == null) {
                errors.add(new Refusal.FieldError("roles[" + i + "]", "unknown role " + roles.get(i)));
            }
        }
        checkOtherPerson(person.id, request.managerId(), "managerId", errors);
        checkOtherPerson(person.id, request.backupContactId(), "backupContactId", errors);
        Instant now = clock.instant();
        if (request.lastReviewedAt() != null && request.lastReviewedAt().isAfter(now)) {
            errors.add(new Refusal.FieldError("lastReviewedAt", "must not be in the future"));
        }
        String login = blankToNull(request.login());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        person.displayName = request.displayName().strip();
        person.department = blankToNull(request.department());
        person.managerId = request.managerId();
        person.timeZone = zone;
        person.skills = normalise(request.skills());
        person.certifications = normalise(request.certifications());
        person.roles = roles;
        person.escalationLevel = request.escalationLevel();
        person.backupContactId = request.backupContactId();
        person.availability = blankToNull(request.availability());
        if (request.lastReviewedAt() != null) {
            person.lastReviewedAt = request.lastReviewedAt();
            person.lastReviewedBy = request.lastReviewedBy() == null ? actor : request.lastReviewedBy().strip();
        }
        person.active = request.active() == null || request.active();
        if (login != null && Person.count("lower(login) = ?1 and id <> ?2", login.toLowerCase(Locale.ROOT),
                person.id) > 0) {
            throw Refusal.conflict("duplicate", "login", "login " + login + " belongs to another person");
        }
        person.login = login;
        person.updatedAt = now;
    }

    private void checkOtherPerson(UUID self, UUID other, String field, List<Refusal.FieldError> errors) {
        if (other == null) {
            return;
        }
        if (Objects.equals(self, other)) {
            errors.add(new Refusal.FieldError(field, "must be someone else"));
        } else if (Person.findById(other) == null) {
            errors.add(new Refusal.FieldError(field, "no person " + other + " in the directory"));
        }
    }

    private static List<String> normalise(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Set<String> symmetricDifference(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        out.removeAll(both);
        return out;
    }
}
