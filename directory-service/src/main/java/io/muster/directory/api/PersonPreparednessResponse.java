package io.muster.directory.api;

import io.muster.directory.domain.PersonPreparedness;
import io.muster.directory.domain.PreparednessItem;
import io.muster.directory.domain.PreparednessState;
import io.muster.directory.service.PreparednessRegister;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every item the person's roles ask of them, with whether it is in place as last checked. */
public record PersonPreparednessResponse(UUID personId, String displayName, List<Item> items) {

    /**
     * @param roles        the person's roles that ask for the item
     * @param recheckDays  the shortest period of those roles
     * @param state        what readiness makes of it now
     * @param recheckDueAt when the last check stops counting (null before any check)
     */
    public record Item(String key, PreparednessItem.Kind kind, String name, String description, String howToGet,
            List<String> roles, int recheckDays, PreparednessState state, Boolean inPlace, String note, Instant checkedAt,
            String checkedBy, Instant recheckDueAt) {
    }

    /** The person's standings as the API shows them. */
    public static PersonPreparednessResponse of(PreparednessRegister.PersonStandings standings) {
        return new PersonPreparednessResponse(standings.personId(), standings.displayName(),
                standings.standings().stream().map(s -> {
                    PreparednessRegister.Requirement r = s.requirement();
                    Optional<PersonPreparedness> c = Optional.ofNullable(s.check());
                    return new Item(r.key(), r.kind(), r.name(), r.description(), r.howToGet(), r.roles(),
                            r.recheckDays(), s.state(), c.map(x -> x.inPlace).orElse(null),
                            c.map(x -> x.note).orElse(null), c.map(x -> x.checkedAt).orElse(null),
                            c.map(x -> x.checkedBy).orElse(null), s.recheckDueAt());
                }).toList());
    }
}
