package io.muster.directory.service;

import io.muster.contracts.ChannelType;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.SupportedChannels;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person with their channels and teams, as one use case read them. */
public record ContactDetails(Person person, List<ContactChannel> channels, List<UUID> teamIds) {

    public ContactDetails {
        channels = List.copyOf(channels);
        teamIds = List.copyOf(teamIds);
    }

    /**
     * Reachable means a page can get through even when one kind of channel fails: two verified kinds that page
     * (a stored VOICE channel is not one).
     */
    public boolean reachable() {
        return isReachable(channels);
    }

    public static boolean isReachable(List<ContactChannel> channels) {
        Set<ChannelType> verifiedTypes = channels.stream()
                .filter(ContactChannel::verified)
                .filter(c -> SupportedChannels.TYPES.contains(c.type))
                .map(c -> c.type)
                .collect(Collectors.toSet());
        return verifiedTypes.size() >= 2;
    }
}
