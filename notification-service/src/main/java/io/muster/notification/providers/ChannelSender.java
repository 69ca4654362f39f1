package io.muster.notification.providers;

import io.muster.contracts.ChannelType;

/** Sends messages on one channel type through one provider. Never throws: every outcome is a {@link SendResult}. */
public interface ChannelSender {

    ChannelType channel();

    /** Name of the provider, for metrics ("sns", "smtp"). */
    String provider();

    SendResult send(OutgoingMessage message);
}
