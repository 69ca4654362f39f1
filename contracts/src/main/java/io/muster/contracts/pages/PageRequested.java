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

    /**
     * What every page of one incident says and how it is sent: the incident, its severity and the severity's channel
     * rule, the text the person reads, and the drill flags. The factories below add who is paged and why.
     */
    public record About(UUID incidentId, Severity severity, String title, String summary, boolean drill,
            boolean silent, Set<ChannelType> downChannels, Boolean allChannelsAtOnce, Boolean bundlingExempt) {
    }

    /**
     * A page of an escalation that expects an answer: stage {@code stage} of repetition {@code repetition} of the
     * policy (both counted from 1, as on the wire), for {@code roleKey} or for nobody's role (null).
     */
    public static PageRequested forStage(UUID pageId, UUID contactId, String roleKey, int stage, int repetition,
            About about) {
        return of(pageId, contactId, roleKey, stage, repetition, false, about);
    }

    /** A page that informs (a stakeholder, an external party) and expects no acknowledgement. */
    public static PageRequested notice(UUID pageId, UUID contactId, String roleKey, About about) {
        return of(pageId, contactId, roleKey, 1, 1, true, about);
    }

    private static PageRequested of(UUID pageId, UUID contactId, String roleKey, int stage, int repetition,
            boolean notifyOnly, About about) {
        return new PageRequested(pageId, about.incidentId(), contactId, roleKey, stage, repetition, about.severity(),
                about.title(), about.summary(), about.drill(), about.silent(), notifyOnly, about.downChannels(),
                about.allChannelsAtOnce(), about.bundlingExempt());
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
