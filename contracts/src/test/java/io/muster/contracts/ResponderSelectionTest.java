package io.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.ResponderSelection.Candidate;
import io.muster.contracts.directory.ResponderSelection.Reason;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResponderSelectionTest {

    static final String IC = "incident-commander";
    static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

    /** A directory held in maps, as both services hold theirs. */
    static final class Book implements ResponderSelection.Directory {
        final Map<UUID, ContactSnapshot> contacts = new HashMap<>();
        final List<RotationSnapshot> rotations = new ArrayList<>();
        final Map<String, RoleRoster> rosters = new HashMap<>();

        UUID person(String name, boolean active, boolean verified, UUID backup) {
            UUID id = UUID.nameUUIDFromBytes(name.getBytes());
            contacts.put(id, new ContactSnapshot(id, name, "UTC", active, 1, List.of(IC),
                    List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, "+15550000001", 1, verified),
                            new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.VOICE, "+15550000001", 2, true)),
                    backup));
            return id;
        }

        UUID reachable(String name) {
            return person(name, true, true, null);
        }

        /** Daily shifts from 2026-06-01 09:00 UTC: on 2026-06-10 12:00 the shift index is 9. */
        RotationSnapshot rotation(List<UUID> members, List<RotationSnapshot.Override> overrides) {
            RotationSnapshot r = new RotationSnapshot(UUID.randomUUID(), "r" + rotations.size(), null, IC, "UTC",
                    LocalDateTime.parse("2026-06-01T09:00"), ShiftUnit.DAYS, 1, members, overrides);
            rotations.add(r);
            return r;
        }

        @Override
        public Optional<ContactSnapshot> contact(UUID id) {
            return Optional.ofNullable(contacts.get(id));
        }

        @Override
        public List<RotationSnapshot> rotationsOf(String roleKey) {
            return rotations.stream().filter(r -> roleKey.equals(r.roleKey())).toList();
        }

        @Override
        public Optional<RoleRoster> roster(String roleKey) {
            return Optional.ofNullable(rosters.get(roleKey));
        }
    }

    static List<UUID> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::contactId).toList();
    }

    @Test
    void theOnShiftMemberAnswersAndTheOthersFollowInRotationOrder() {
        Book book = new Book();
        UUID a = book.reachable("a");
        UUID b = book.reachable("b");
        UUID c = book.reachable("c");
        book.rotation(List.of(a, b, c), List.of()); // shift 9 of 3 members: index 0 -> a
        assertThat(ids(ResponderSelection.answering(IC, NOW, book))).containsExactly(a);
        List<Candidate> all = ResponderSelection.candidates(IC, NOW, book);
        assertThat(ids(all)).containsExactly(a, b, c);
        assertThat(all).extracting(Candidate::reason)
                .containsExactly(Reason.ON_CALL, Reason.NEXT_IN_ROTATION, Reason.NEXT_IN_ROTATION);
    }

    @Test
    void anInactiveOnCallPersonIsAnsweredForByTheirBackupBeforeTheNextInRotation() {
        Book book = new Book();
        UUID backup = book.reachable("backup");
        UUID b = book.reachable("b");
        UUID a = book.person("a", false, true, backup);
        book.rotation(List.of(b, a), List.of()); // shift 9 of 2 members: index 1 -> a
        List<Candidate> answering = ResponderSelection.answering(IC, NOW, book);
        assertThat(ids(answering)).containsExactly(backup);
        assertThat(answering.get(0).reason()).isEqualTo(Reason.BACKUP);
        List<Candidate> all = ResponderSelection.candidates(IC, NOW, book);
        assertThat(ids(all)).containsExactly(backup, a, b);
        assertThat(all.get(1).unreachable()).isEqualTo("inactive");
    }

    @Test
    void aPersonWithOnlyUnverifiedOrNonPagingChannelsIsPassedOverForTheNextMember() {
        Book book = new Book();
        UUID a = book.person("a", true, false, null); // SMS unverified; VOICE verified but does not page
        UUID b = book.reachable("b");
        book.rotation(List.of(b, a), List.of()); // a on shift, no backup
        List<Candidate> answering = ResponderSelection.answering(IC, NOW, book);
        assertThat(ids(answering)).containsExactly(b);
        assertThat(answering.get(0).reason()).isEqualTo(Reason.NEXT_IN_ROTATION);
        assertThat(ResponderSelection.candidates(IC, NOW, book).get(1).unreachable())
                .isEqualTo("no verified channel that pages");
    }

    @Test
    void anOverrideWinsAndEachRotationAnswersWithItsOwnPerson() {
        Book book = new Book();
        UUID a = book.reachable("a");
        UUID b = book.reachable("b");
        UUID x = book.reachable("x");
        UUID y = book.reachable("y");
        book.rotation(List.of(b, a), List.of(new RotationSnapshot.Override(x, NOW.minusSeconds(60),
                NOW.plusSeconds(60))));
        book.rotation(List.of(y), List.of());
        List<Candidate> answering = ResponderSelection.answering(IC, NOW, book);
        assertThat(ids(answering)).containsExactly(x, y);
        assertThat(answering).extracting(Candidate::reason).containsExactly(Reason.OVERRIDE, Reason.ON_CALL);
        // Everyone who answers comes before anyone's second choice.
        assertThat(ids(ResponderSelection.candidates(IC, NOW, book))).containsExactly(x, y, a, b);
    }

    @Test
    void onePersonOnCallInTwoRotationsAnswersOnceAndNobodyElseIsDrawnIn() {
        Book book = new Book();
        UUID a = book.reachable("a");
        UUID b = book.reachable("b");
        book.rotation(List.of(a), List.of());
        book.rotation(List.of(b, a), List.of()); // shift 9 of 2 members: a on shift here too
        assertThat(ids(ResponderSelection.answering(IC, NOW, book))).containsExactly(a);
    }

    @Test
    void aRoleWithoutRotationIsAnsweredByTheFirstReachableOfItsRosterThenTheEscalationContact() {
        Book book = new Book();
        UUID gone = book.person("gone", false, true, null);
        UUID first = book.reachable("first");
        UUID second = book.reachable("second");
        UUID boss = book.reachable("boss");
        book.rosters.put(IC, new RoleRoster(IC, "IC", 1, 1, List.of(gone, first, second), boss));
        List<Candidate> answering = ResponderSelection.answering(IC, NOW, book);
        assertThat(ids(answering)).containsExactly(first);
        assertThat(answering.get(0).reason()).isEqualTo(Reason.ROSTER);
        List<Candidate> all = ResponderSelection.candidates(IC, NOW, book);
        assertThat(ids(all)).containsExactly(first, gone, second, boss);
        assertThat(all.get(3).reason()).isEqualTo(Reason.ESCALATION_CONTACT);
    }

    @Test
    void nobodyAnswersWhenNoHolderCanBeReachedButTheEscalationContactIsStillACandidate() {
        Book book = new Book();
        UUID a = book.person("a", false, true, null);
        UUID boss = book.reachable("boss");
        book.rotation(List.of(a), List.of());
        book.rosters.put(IC, new RoleRoster(IC, "IC", 1, 1, List.of(a), boss));
        assertThat(ResponderSelection.answering(IC, NOW, book)).isEmpty();
        assertThat(ids(ResponderSelection.candidates(IC, NOW, book))).containsExactly(a, boss);
    }

    @Test
    void aPersonTheDirectoryDoesNotKnowIsNotReachable() {
        Book book = new Book();
        UUID stranger = UUID.randomUUID();
        book.rotation(List.of(stranger), List.of());
        assertThat(ResponderSelection.answering(IC, NOW, book)).isEmpty();
        assertThat(ResponderSelection.candidates(IC, NOW, book).get(0).unreachable())
                .isEqualTo("not in the directory");
    }
}
