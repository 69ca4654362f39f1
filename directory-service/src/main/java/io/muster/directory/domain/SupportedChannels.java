package io.muster.directory.domain;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ResponderSelection;
import java.util.Optional;
import java.util.Set;

/**
 * The channel types the directory takes new channels of: the ones notification-service verifies and pages on. VOICE
 * is not one yet (no voice calls are placed, so a voice channel could be neither verified nor reached); voice
 * channels stored before stay readable but count toward nothing.
 */
public final class SupportedChannels {

    public static final Set<ChannelType> TYPES = ResponderSelection.PAGEABLE;

    /** The problem type of a refused channel type. */
    public static final String REFUSAL = "channel-type-not-supported";

    private SupportedChannels() {
    }

    /** Why a new channel cannot be of {@code type}, or empty when it can. */
    public static Optional<String> problemWith(ChannelType type) {
        return TYPES.contains(type) ? Optional.empty()
                : Optional.of(type + " channels are not supported yet: Muster places no voice calls, so the channel"
                        + " could be neither verified nor paged; add the number as an SMS channel");
    }
}
