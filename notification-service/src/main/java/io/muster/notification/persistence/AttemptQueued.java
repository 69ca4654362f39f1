package io.muster.notification.persistence;

import io.muster.contracts.ChannelType;

/**
 * A CDI event: an attempt on this channel type was written to the send queue. Observed after the transaction
 * commits, so the workers wake only for rows they can see; an event rather than a call so that the queue does not
 * depend on the workers that read it.
 */
public record AttemptQueued(ChannelType channel) {
}
