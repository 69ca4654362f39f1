package io.muster.directory.service;

import io.muster.contracts.ChannelType;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.ExternalResource;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.Rotation;
import io.muster.directory.domain.Team;
import io.muster.platform.audit.AuditTrail;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The whole directory in the import format, so it can be backed up, reviewed offline or moved to another Muster:
 * exporting and importing the result into an empty directory recreates the same people, channels, teams, rotations,
 * external resources and roles' escalation contacts. People are referred to by their id. Exports carry contact details, so each one is
 * recorded in the audit trail.
 */
@ApplicationScoped
public class DirectoryExporter {

    @Inject
    AuditTrail audit;

    @Transactional
    public DirectoryImport export(String actor) {
        List<Person> people = Person.<Person>listAll().stream()
                .sorted(Comparator.comparing((Person p) -> p.displayName).thenComparing(p -> p.id))
                .toList();
        Map<UUID, List<ContactChannel>> channelsByPerson = ContactChannel.<ContactChannel>listAll().stream()
                .sorted(Comparator.comparingInt((ContactChannel c) -> c.preference).thenComparing(c -> c.id))
                .collect(Collectors.groupingBy(c -> c.personId, HashMap::new, Collectors.toList()));
        Map<UUID, String> teamNames = new HashMap<>();
        List<DirectoryImport.Team> teams = new ArrayList<>();
        for (Team team : Team.<Team>listAll().stream().sorted(Comparator.comparing((Team t) -> t.name)).toList()) {
            teamNames.put(team.id, team.name);
            teams.add(new DirectoryImport.Team(team.name, team.description,
                    team.memberIds.stream().map(UUID::toString).toList()));
        }
        List<DirectoryImport.Rotation> rotations = Rotation.<Rotation>listAll().stream()
                .sorted(Comparator.comparing((Rotation r) -> r.name).thenComparing(r -> r.id))
                .map(r -> new DirectoryImport.Rotation(r.name, teamNames.get(r.teamId), r.roleKey, r.timeZone,
                        r.handoffStart, r.shiftUnit, r.shiftLength, r.members.stream().map(UUID::toString).toList()))
                .toList();
        List<ExternalResourceFields> resources = ExternalResource.<ExternalResource>listAll().stream()
                .sorted(Comparator.comparing((ExternalResource r) -> r.organisation).thenComparing(r -> r.id))
                .map(DirectoryExporter::resource)
                .toList();
        List<DirectoryImport.Person> exported = people.stream()
                .map(p -> person(p, channelsByPerson.getOrDefault(p.id, List.of())))
                .toList();
        // The catalog itself is not exported (an import never creates roles); what the import sets on a role is.
        List<DirectoryImport.Role> roles = IrRole.<IrRole>listAll(Sort.by("key")).stream()
                .filter(r -> r.escalationContactId != null)
                .map(r -> new DirectoryImport.Role(r.key, r.escalationContactId.toString()))
                .toList();
        audit.record("directory", "export", "exported", actor, null,
                Map.of("people", exported.size(), "teams", teams.size(), "rotations", rotations.size(),
                        "externalResources", resources.size(), "roles", roles.size()));
        return new DirectoryImport(exported, teams, rotations, resources, roles);
    }

    private static DirectoryImport.Person person(Person p, List<ContactChannel> channels) {
        return new DirectoryImport.Person(p.id.toString(), p.displayName, p.department,
                p.managerId == null ? null : p.managerId.toString(), p.timeZone, copy(p.skills),
                copy(p.certifications), copy(p.roles), p.escalationLevel,
                p.backupContactId == null ? null : p.backupContactId.toString(), p.availability, p.lastReviewedAt,
                p.lastReviewedBy, p.active,
                channels.stream().map(c -> new DirectoryImport.Channel(c.type, c.address, c.preference,
                        c.verifiedAt != null)).toList());
    }

    private static ExternalResourceFields resource(ExternalResource r) {
        return new ExternalResourceFields(r.kind, r.organisation, r.serviceType, r.contractNumber, r.supportLevel,
                new ExternalResourceFields.ExternalContact(r.primaryName, r.primaryEmail, r.primaryPhone),
                r.escalationName == null ? null
                        : new ExternalResourceFields.ExternalContact(r.escalationName, r.escalationEmail,
                                r.escalationPhone),
                r.availability, r.responseSlaMinutes, copy(r.expertise),
                r.notificationDeadlineHours, r.owningRoleKey, r.reviewDueOn, copy(r.notifyForIncidentTypes));
    }

    /**
     * People and channels as CSV in the columns the CSV import reads ({@link DirectoryCsv}), so importing it gives the
     * same people and channels. CSV holds one channel per type, so a person with two channels of one type is exported
     * with the preferred one; {@code channelsVerified} is true only when every exported channel is verified. Use the
     * JSON export for a lossless copy.
     */
    public static String csv(DirectoryImport data) {
        StringBuilder out = new StringBuilder(DirectoryCsv.record(DirectoryCsv.COLUMNS));
        for (DirectoryImport.Person p : data.people()) {
            Map<ChannelType, DirectoryImport.Channel> preferred = new HashMap<>();
            for (DirectoryImport.Channel c : p.channels()) {
                preferred.putIfAbsent(c.type(), c);
            }
            boolean allVerified = !preferred.isEmpty()
                    && preferred.values().stream().allMatch(c -> Boolean.TRUE.equals(c.verified()));
            out.append(DirectoryCsv.record(List.of(p.ref(), nz(p.displayName()), nz(p.department()),
                    nz(p.timeZone()), DirectoryCsv.listCell(p.roles()), DirectoryCsv.listCell(p.skills()),
                    DirectoryCsv.listCell(p.certifications()), String.valueOf(p.escalationLevel()),
                    nz(p.availability()), nz(p.managerRef()), nz(p.backupRef()),
                    p.lastReviewedAt() == null ? "" : p.lastReviewedAt().toString(), String.valueOf(p.active()),
                    address(preferred, ChannelType.EMAIL), address(preferred, ChannelType.SMS),
                    address(preferred, ChannelType.VOICE), address(preferred, ChannelType.WEBHOOK),
                    String.valueOf(allVerified))));
        }
        return out.toString();
    }

    private static String address(Map<ChannelType, DirectoryImport.Channel> channels, ChannelType type) {
        DirectoryImport.Channel c = channels.get(type);
        return c == null ? "" : c.address();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
