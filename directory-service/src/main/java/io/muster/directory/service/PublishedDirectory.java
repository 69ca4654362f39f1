package io.muster.directory.service;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.IrRole;
import io.muster.directory.domain.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory as its snapshots on {@code muster.directory.v1} show it, for {@link ResponderSelection}. Every
 * snapshot is built by the code that publishes it ({@link DirectoryEvents#snapshotOf}, {@link DirectoryEvents#rosterOf},
 * {@link RotationSchedule.RotationDetails#snapshot}), so the directory answers from exactly what escalation pages
 * from, and the two can only disagree while an event is on its way.
 */
@ApplicationScoped
public class PublishedDirectory {

    /**
     * The order a role's rotations are taken in: by name, then id, both compared as Java strings, so that a replica
     * can rebuild it from the snapshots alone (the database's collation and uuid order are not on the wire).
     */
    public static final Comparator<RotationSnapshot> IN_ORDER = Comparator.comparing(RotationSnapshot::name)
            .thenComparing(r -> r.rotationId().toString());

    @Inject
    DirectoryEvents events;

    @Inject
    RotationSchedule rotations;

    /** A view for one use case, read lazily within the caller's transaction; each snapshot is read once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ResponderSelection.Directory open() {
        return new View();
    }

    private final class View implements ResponderSelection.Directory {

        private final Map<UUID, Optional<ContactSnapshot>> contacts = new HashMap<>();
        private final Map<String, List<RotationSnapshot>> rotationsByRole = new HashMap<>();
        private final Map<String, Optional<RoleRoster>> rosters = new HashMap<>();

        @Override
        public Optional<ContactSnapshot> contact(UUID contactId) {
            return contacts.computeIfAbsent(contactId, id -> {
                Person person = Person.findById(id);
                return person == null ? Optional.empty()
                        : Optional.of(DirectoryEvents.snapshotOf(person, ContactChannel.ofPerson(id)));
            });
        }

        @Override
        public List<RotationSnapshot> rotationsOf(String roleKey) {
            return rotationsByRole.computeIfAbsent(roleKey, key -> rotations.list(null, key).stream()
                    .map(RotationSchedule.RotationDetails::snapshot).sorted(IN_ORDER).toList());
        }

        @Override
        public Optional<RoleRoster> roster(String roleKey) {
            return rosters.computeIfAbsent(roleKey, key -> {
                IrRole role = IrRole.findById(key);
                return role == null ? Optional.empty() : Optional.of(events.rosterOf(role));
            });
        }
    }
}
