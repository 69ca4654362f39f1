package io.muster.escalation.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.muster.contracts.ChannelType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Faults a game day injects into its drill so the paging path is tested, not just the happy case: people and
 * roles that are "unavailable" (their acknowledgements are ignored, so escalation has to move on) and channels
 * that are "down" (notification fails them without calling the provider, so the fallback channel is used).
 * Only a drill can carry faults; a real incident has {@link #NONE}.
 */
public record DrillFaults(
        @Size(max = 100) List<@NotNull UUID> unavailableContacts,
        // Role keys as the directory defines them.
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
                message = "must be a role key: 2-63 lower-case letters, digits or dashes") String> unavailableRoles,
        @Size(max = 4) List<@NotNull ChannelType> downChannels) {

    public static final DrillFaults NONE = new DrillFaults(List.of(), List.of(), List.of());

    public DrillFaults {
        unavailableContacts = distinct(unavailableContacts);
        unavailableRoles = distinct(unavailableRoles);
        downChannels = distinct(downChannels);
    }

    @JsonIgnore
    public boolean isNone() {
        return unavailableContacts.isEmpty() && unavailableRoles.isEmpty() && downChannels.isEmpty();
    }

    /** The channels to announce as down on every page of the drill. */
    public Set<ChannelType> downChannelSet() {
        EnumSet<ChannelType> set = EnumSet.noneOf(ChannelType.class);
        downChannels.stream().filter(Objects::nonNull).forEach(set::add);
        return Collections.unmodifiableSet(set);
    }

    /**
     * Why a person's acknowledgement does not count in this drill, or null when it does: they are unavailable by
     * name, or they were paged for a role that is unavailable.
     */
    public String whyUnavailable(UUID contactId, Set<String> rolesPagedFor) {
        Unavailability unavailable = unavailability(contactId, rolesPagedFor);
        return unavailable == null ? null : unavailable.reason();
    }

    /**
     * What makes a person unavailable in this drill, or null when they are available: by name (no role decided
     * it), or the first unavailable role (by key) they were paged for.
     */
    public Unavailability unavailability(UUID contactId, Set<String> rolesPagedFor) {
        if (unavailableContacts.contains(contactId)) {
            return new Unavailability(null, "contact unavailable");
        }
        return rolesPagedFor.stream().filter(unavailableRoles::contains).sorted().findFirst()
                .map(role -> new Unavailability(role, "role " + role + " unavailable")).orElse(null);
    }

    /** Why an acknowledgement does not count: the unavailable role that decided it (null: by name), and why. */
    public record Unavailability(String roleKey, String reason) {
    }

    // Keeps nulls so that validation can name them (List.copyOf would throw before validation runs).
    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(values)));
    }
}
