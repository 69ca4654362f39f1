package io.muster.directory.api;

import io.muster.contracts.ChannelType;
import io.muster.directory.domain.ContactChannel;
import java.time.Instant;
import java.util.UUID;

public record ChannelResponse(UUID id, ChannelType type, String address, int preference, boolean verified,
        Instant verifiedAt) {

    public static ChannelResponse of(ContactChannel channel, boolean fullDetails) {
        String address = fullDetails ? channel.address : ContactMasking.mask(channel.type, channel.address);
        return new ChannelResponse(channel.id, channel.type, address, channel.preference, channel.verified(),
                channel.verifiedAt);
    }
}
