package io.muster.contracts.pages;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventPayload;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Escalation asks for one person to be paged for one stage of an incident. Keyed by contact so that one
 * person's pages stay in order (rate limits and summaries depend on it). {@code silent} pages are recorded but
 * not sent (tabletop game days); {@code notifyOnly} pages inform stakeholders and expect no acknowledgement.
 * {@code downChannels} are the channels a drill pretends are down (fault injection): notification fails them
 * without calling the provider, so the fallback to the next channel is exercised. Always empty for a real page.
 * A producer from before the field existed leaves it out; {@link io.muster.contracts.EventEnvelope} reads that as
 * empty.
 */
public record PageRequested(
        UUID pageId,
        UUID incidentId,
        UUID contactId,
        String roleKey,
        int stage,
        int cycle,
        Severity severity,
        String title,
        String summary,
        boolean drill,
        boolean silent,
        boolean notifyOnly,
        Set<ChannelType> downChannels) implements EventPayload {

    public static final String TYPE = "PageRequested";

    public PageRequested {
        downChannels = channelSet(downChannels);
    }

    /** Whether a drill fault says this channel is down for this page. */
    public boolean channelDown(ChannelType channel) {
        return drill && downChannels.contains(channel);
    }

    // Enum order keeps the written JSON stable; null (an explicit JSON null) means none.
    private static Set<ChannelType> channelSet(Collection<ChannelType> channels) {
        EnumSet<ChannelType> set = EnumSet.noneOf(ChannelType.class);
        if (channels != null) {
            channels.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PAGES_REQUESTED;
    }

    @Override
    public String key() {
        return contactId.toString();
    }
}
