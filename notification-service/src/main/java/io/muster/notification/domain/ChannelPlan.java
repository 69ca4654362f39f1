package io.muster.notification.domain;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import java.util.List;

/** A page's channels in the person's order of preference when the page came in; rank 0 is the first choice. */
public record ChannelPlan(List<ContactSnapshot.Channel> channels) {

    public ChannelPlan {
        channels = List.copyOf(channels);
    }

    /** The plan as stored with the delivery (a JSON array of channels). */
    public static ChannelPlan parse(String json) {
        return new ChannelPlan(ContactReplica.readChannels(json));
    }

    public String write() {
        return ContactReplica.writeChannels(channels);
    }

    public int size() {
        return channels.size();
    }

    public ContactSnapshot.Channel channel(int rank) {
        return channels.get(rank);
    }

    public ChannelType type(int rank) {
        return channels.get(rank).type();
    }
}
