package io.muster.directory.service;

import io.muster.directory.domain.ChannelAddresses;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.SupportedChannels;
import io.muster.directory.domain.Team;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Imports a whole directory all or nothing: every row is checked first and every bad field reported; only a clean
 * document is written, in one transaction. A dry run does the same work and rolls it back, so it refuses exactly
 * what a real run would refuse.
 */
@ApplicationScoped
public class DirectoryImporter {

    @Inject
    Validator validator;

    @Inject
    PeopleDirectory people;

    @Inject
    ChannelVerifications verifications;

    @Inject
    TeamDirectory teams;

    @Inject
    RotationSchedule rotations;

    @Inject
    ExternalResources externalResources;

    @Inject
    RoleCatalog roleCatalog;

    @Inject
    DirectoryEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Thrown to end a dry run's transaction by rolling it back, carrying what it would have done. */
    private static final class DryRunDone extends RuntimeException {
        final transient ImportResult result;

        DryRunDone(ImportResult result) {
            super("dry run", null, false, false);
            this.result = result;
        }
    }

    /**
     * @param fieldNames turns a path such as {@code people[2].timeZone} into what the caller knows (a CSV line)
     */
    public ImportResult run(DirectoryImport data, boolean dryRun, String actor, UnaryOperator<String> fieldNames) {
        return run(data, dryRun, actor, fieldNames, List.of());
    }

    private static boolean isEmpty(DirectoryImport data) {
        return (data.people() == null || data.people().isEmpty()) && (data.teams() == null || data.teams().isEmpty())
                && (data.rotations() == null || data.rotations().isEmpty())
                && (data.externalResources() == null || data.externalResources().isEmpty())
                && (data.roles() == null || data.roles().isEmpty());
    }

    /** As above, with problems already found while parsing (named as the caller knows them). */
    public ImportResult run(DirectoryImport data, boolean dryRun, String actor, UnaryOperator<String> fieldNames,
            List<Refusal.FieldError> parseErrors) {
        if (parseErrors.isEmpty() && isEmpty(data)) {
            // Almost always a mistake (wrong file, wrong field names), and never something to report as imported.
            throw Refusal.invalid("people",
                    "the import holds nothing: give at least one person, team, rotation or external resource");
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        Set<String> alreadyReported = new HashSet<>();
        parseErrors.forEach(e -> alreadyReported.add(e.field()));
        for (ConstraintViolation<DirectoryImport> v : validator.validate(data)) {
            Refusal.FieldError error = new Refusal.FieldError(pathOf(v.getPropertyPath()), v.getMessage());
            if (!alreadyReported.contains(fieldNames.apply(error.field()))) {
                errors.add(error);
            }
        }
        if (errors.isEmpty() && parseErrors.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> checkReferences(data, errors));
        }
        List<Refusal.FieldError> unsupported = unsupportedChannels(data);
        if (!errors.isEmpty() || !parseErrors.isEmpty()) {
            List<Refusal.FieldError> all = new ArrayList<>(parseErrors);
            errors.forEach(e -> all.add(new Refusal.FieldError(fieldNames.apply(e.field()), e.message())));
            unsupported.forEach(e -> all.add(new Refusal.FieldError(fieldNames.apply(e.field()), e.message())));
            throw refused(all, UnaryOperator.identity());
        }
        if (!unsupported.isEmpty()) {
            // Well-formed, but asks for channels Muster cannot page on yet: 422, as adding one channel would be.
            List<Refusal.FieldError> named = unsupported.stream()
                    .map(e -> new Refusal.FieldError(fieldNames.apply(e.field()), e.message())).toList();
            throw Refusal.titled(Refusal.Kind.UNPROCESSABLE, SupportedChannels.REFUSAL, "Channel type not supported",
                    named.size() + " channel" + (named.size() == 1 ? " is" : "s are")
                            + " of a type Muster does not page on yet; nothing was imported", named);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                ImportResult result = write(data, dryRun, actor);
                if (dryRun) {
                    throw new DryRunDone(result);
                }
                return result;
            });
        } catch (DryRunDone done) {
            return done.result;
        } catch (Refusal e) {
            // A rule of one person or channel, checked as it is written: reported like the import's other problems.
            throw refused(e.errors(), fieldNames);
        }
    }

    private static Refusal refused(List<Refusal.FieldError> errors, UnaryOperator<String> fieldNames) {
        List<Refusal.FieldError> named = errors.stream()
                .map(e -> new Refusal.FieldError(fieldNames.apply(e.field()), e.message()))
                .sorted(Comparator.comparing(Refusal.FieldError::field, DirectoryImporter::naturalOrder))
                .toList();
        return Refusal.titled(Refusal.Kind.INVALID, "invalid-import", "Import refused",
                named.size() + " problem" + (named.size() == 1 ? "" : "s") + " found; nothing was imported", named);
    }

    /** Orders "line 10" after "line 9" and people[10] after people[9]. */
    private static int naturalOrder(String a, String b) {
        String[] pa = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] pb = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = Character.isDigit(pa[i].charAt(0)) && Character.isDigit(pb[i].charAt(0))
                    ? Long.compare(Long.parseLong(pa[i]), Long.parseLong(pb[i])) : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static String pathOf(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }

    /** Each channel of a type no channel may be created with (VOICE), by its {@code type} field. */
    private static List<Refusal.FieldError> unsupportedChannels(DirectoryImport data) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        List<DirectoryImport.Person> persons = listOf(data.people());
        for (int i = 0; i < persons.size(); i++) {
            List<DirectoryImport.Channel> channels =
                    persons.get(i) == null ? List.of() : listOf(persons.get(i).channels());
            for (int c = 0; c < channels.size(); c++) {
                String field = "people[" + i + "].channels[" + c + "].type";
                if (channels.get(c) != null && channels.get(c).type() != null) {
                    SupportedChannels.problemWith(channels.get(c).type())
                            .ifPresent(m -> errors.add(new Refusal.FieldError(field, m)));
                }
            }
        }
        return errors;
    }

    /** Everything a single field's constraint cannot see: references, catalog entries, addresses, duplicates. */
    private void checkReferences(DirectoryImport data, List<Refusal.FieldError> errors) {
        List<DirectoryImport.Person> persons = listOf(data.people());
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < persons.size(); i++) {
            if (!refs.add(persons.get(i).ref())) {
                errors.add(new Refusal.FieldError("people[" + i + "].ref", "is used twice"));
            }
        }
        for (int i = 0; i < persons.size(); i++) {
            DirectoryImport.Person p = persons.get(i);
            String at = "people[" + i + "].";
            if (!validZone(p.timeZone())) {
                errors.add(new Refusal.FieldError(at + "timeZone", "must be an IANA time zone such as Europe/London"));
            }
            List<String> roles = listOf(p.roles());
            for (int r = 0; r < roles.size(); r++) {
                if (IrRole.findById(roles.get(r)) == null) {
                    errors.add(new Refusal.FieldError(at + "roles[" + r + "]", "unknown role " + roles.get(r)));
                }
            }
            checkRef(p.managerRef(), p.ref(), refs, at + "managerRef", errors);
            checkRef(p.backupRef(), p.ref(), refs, at + "backupRef", errors);
            if (p.lastReviewedAt() != null && p.lastReviewedAt().isAfter(clock.instant())) {
                errors.add(new Refusal.FieldError(at + "lastReviewedAt", "must not be in the future"));
            }
            Set<String> channelKeys = new HashSet<>();
            List<DirectoryImport.Channel> channels = listOf(p.channels());
            for (int c = 0; c < channels.size(); c++) {
                DirectoryImport.Channel channel = channels.get(c);
                String field = at + "channels[" + c + "].address";
                ChannelAddresses.problemWith(channel.type(), channel.address().strip())
                        .ifPresent(m -> errors.add(new Refusal.FieldError(field, m)));
                if (!channelKeys.add(channel.type() + " " + channel.address().strip())) {
                    errors.add(new Refusal.FieldError(field, "is listed twice"));
                }
            }
        }
        List<DirectoryImport.Team> teamList = listOf(data.teams());
        Set<String> teamNames = new HashSet<>();
        for (int i = 0; i < teamList.size(); i++) {
            DirectoryImport.Team team = teamList.get(i);
            String name = team.name().strip().toLowerCase();
            if (!teamNames.add(name)) {
                errors.add(new Refusal.FieldError("teams[" + i + "].name", "is used twice"));
            } else if (Team.count("lower(name) = ?1", name) > 0) {
                errors.add(new Refusal.FieldError("teams[" + i + "].name", "a team with this name already exists"));
            }
            List<String> members = listOf(team.memberRefs());
            for (int m = 0; m < members.size(); m++) {
                if (!refs.contains(members.get(m))) {
                    errors.add(new Refusal.FieldError("teams[" + i + "].memberRefs[" + m + "]",
                            "no person with ref " + members.get(m) + " in this import"));
                }
            }
        }
        List<DirectoryImport.Rotation> rotationList = listOf(data.rotations());
        for (int i = 0; i < rotationList.size(); i++) {
            DirectoryImport.Rotation rotation = rotationList.get(i);
            String at = "rotations[" + i + "].";
            String team = rotation.team().strip().toLowerCase();
            if (!teamNames.contains(team) && Team.count("lower(name) = ?1", team) == 0) {
                errors.add(new Refusal.FieldError(at + "team", "no team named " + rotation.team()));
            }
            if (IrRole.findById(rotation.roleKey()) == null) {
                errors.add(new Refusal.FieldError(at + "roleKey", "unknown role " + rotation.roleKey()));
            }
            if (!validZone(rotation.timeZone())) {
                errors.add(new Refusal.FieldError(at + "timeZone", "must be an IANA time zone such as Europe/London"));
            }
            Set<String> seen = new HashSet<>();
            for (int m = 0; m < rotation.memberRefs().size(); m++) {
                String ref = rotation.memberRefs().get(m);
                if (!refs.contains(ref)) {
                    errors.add(new Refusal.FieldError(at + "memberRefs[" + m + "]",
                            "no person with ref " + ref + " in this import"));
                } else if (!seen.add(ref)) {
                    errors.add(new Refusal.FieldError(at + "memberRefs[" + m + "]", "is listed twice"));
                }
            }
        }
        Map<String, DirectoryImport.Person> byRef = new HashMap<>();
        persons.forEach(p -> byRef.putIfAbsent(p.ref(), p));
        List<DirectoryImport.Role> roleList = listOf(data.roles());
        Set<String> roleKeys = new HashSet<>();
        for (int i = 0; i < roleList.size(); i++) {
            DirectoryImport.Role role = roleList.get(i);
            String at = "roles[" + i + "].";
            if (IrRole.findById(role.key()) == null) {
                errors.add(new Refusal.FieldError(at + "key", "unknown role " + role.key()));
            } else if (!roleKeys.add(role.key())) {
                errors.add(new Refusal.FieldError(at + "key", "is listed twice"));
            }
            DirectoryImport.Person contact = byRef.get(role.escalationContactRef());
            if (contact == null) {
                errors.add(new Refusal.FieldError(at + "escalationContactRef",
                        "no person with ref " + role.escalationContactRef() + " in this import"));
            } else if (Boolean.FALSE.equals(contact.active())) {
                errors.add(new Refusal.FieldError(at + "escalationContactRef", "must be an active person"));
            }
        }
        List<ExternalResourceFields> externals = listOf(data.externalResources());
        for (int i = 0; i < externals.size(); i++) {
            errors.addAll(ExternalResources.problemsWith(externals.get(i), "externalResources[" + i + "]."));
        }
    }

    private static void checkRef(String ref, String self, Set<String> refs, String field,
            List<Refusal.FieldError> errors) {
        if (ref == null) {
            return;
        }
        if (ref.equals(self)) {
            errors.add(new Refusal.FieldError(field, "must be someone else"));
        } else if (!refs.contains(ref)) {
            errors.add(new Refusal.FieldError(field, "no person with ref " + ref + " in this import"));
        }
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone.strip());
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Runs inside the import's one transaction. */
    private ImportResult write(DirectoryImport data, boolean dryRun, String actor) {
        Map<String, UUID> ids = new HashMap<>();
        Set<String> roles = new LinkedHashSet<>();
        int channelCount = 0;
        List<DirectoryImport.Person> persons = listOf(data.people());
        List<Person> created = new ArrayList<>();
        for (DirectoryImport.Person p : persons) {
            Person person = people.createWithoutAnnouncing(new PersonFields(p.displayName(), p.department(), null,
                    p.timeZone(), p.skills(), p.certifications(), p.roles(), p.escalationLevel(), null,
                    p.availability(), p.lastReviewedAt(), p.lastReviewedBy(), p.active(), null), actor);
            ids.put(p.ref(), person.id);
            created.add(person);
            if (person.active) {
                roles.addAll(person.roles);
            }
        }
        for (int i = 0; i < persons.size(); i++) {
            DirectoryImport.Person p = persons.get(i);
            Person person = created.get(i);
            person.managerId = p.managerRef() == null ? null : ids.get(p.managerRef());
            person.backupContactId = p.backupRef() == null ? null : ids.get(p.backupRef());
            List<ContactChannel> unverified = new ArrayList<>();
            List<DirectoryImport.Channel> channels = listOf(p.channels());
            for (int c = 0; c < channels.size(); c++) {
                DirectoryImport.Channel in = channels.get(c);
                ContactChannel channel = PeopleDirectory.newChannel(person.id,
                        new NewChannel(in.type(), in.address(), in.preference()),
                        "people[" + i + "].channels[" + c + "].", clock.instant());
                if (Boolean.TRUE.equals(in.verified())) {
                    channel.verifiedAt = clock.instant();
                } else {
                    unverified.add(channel);
                }
                channel.persist();
                channelCount++;
            }
            ContactDetails details = people.details(person);
            audit.record(PeopleDirectory.AUDIT_PERSON, person.id, "imported", actor, null,
                    PersonState.of(details));
            events.contactChanged(person, details.channels());
            for (ContactChannel channel : unverified) {
                verifications.startFor(person, channel, actor);
            }
        }
        for (DirectoryImport.Role r : listOf(data.roles())) {
            roleCatalog.assignEscalationContact(IrRole.findById(r.key()), ids.get(r.escalationContactRef()), actor);
            roles.add(r.key());
        }
        events.rostersChanged(roles);
        Map<String, UUID> teamIds = new HashMap<>();
        for (DirectoryImport.Team t : listOf(data.teams())) {
            List<UUID> members = listOf(t.memberRefs()).stream().map(ids::get).toList();
            Team team = teams.create(new TeamFields(t.name(), t.description(), members), actor);
            teamIds.put(team.name.toLowerCase(), team.id);
        }
        for (DirectoryImport.Rotation r : listOf(data.rotations())) {
            UUID teamId = teamIds.get(r.team().strip().toLowerCase());
            if (teamId == null) {
                Team existing = Team.find("lower(name) = lower(?1)", r.team().strip()).firstResult();
                teamId = existing.id;
            }
            rotations.create(new RotationFields(r.name(), teamId, r.roleKey(), r.timeZone(), r.handoffStart(),
                    r.shiftUnit(), r.shiftLength(), r.memberRefs().stream().map(ids::get).toList()), actor);
        }
        for (var resource : listOf(data.externalResources())) {
            externalResources.create(resource, actor);
        }
        return new ImportResult(dryRun, persons.size(), channelCount, listOf(data.teams()).size(),
                listOf(data.rotations()).size(), listOf(data.externalResources()).size(), listOf(data.roles()).size());
    }
}
