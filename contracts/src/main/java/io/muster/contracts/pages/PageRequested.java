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
 * empty. {@code allChannelsAtOnce} and {@code bundlingExempt} come from the severity's definition; null (a producer
 * from before they existed) means the rule of the severity alone.
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
        Set<ChannelType> downChannels,
        Boolean allChannelsAtOnce,
        Boolean bundlingExempt) implements EventPayload {

    public static final String TYPE = "PageRequested";

    public PageRequested {
        downChannels = channelSet(downChannels);
    }

    /** A page whose channel rule follows from its severity alone (CRITICAL: every channel at once, never bundled). */
    public PageRequested(UUID pageId, UUID incidentId, UUID contactId, String roleKey, int stage, int cycle,
            Severity severity, String title, String summary, boolean drill, boolean silent, boolean notifyOnly,
            Set<ChannelType> downChannels) {
        this(pageId, incidentId, contactId, roleKey, stage, cycle, severity, title, summary, drill, silent, notifyOnly,
                downChannels, null, null);
    }

    /** Whether every channel of the person is paged at once; the severity's definition says, else CRITICAL does. */
    public boolean everyChannelAtOnce() {
        return allChannelsAtOnce != null ? allChannelsAtOnce : severity == Severity.CRITICAL;
    }

    /** Whether its SMS skips the per-person rate limit rather than being bundled into a summary. */
    public boolean neverBundled() {
        return bundlingExempt != null ? bundlingExempt : severity == Severity.CRITICAL;
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
