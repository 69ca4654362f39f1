package io.muster.notification.domain;

import io.muster.contracts.Severity;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import io.muster.contracts.ChannelType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

/** A page escalation asked for, and where its delivery to the person stands. */
@Entity
@Table(name = "page_delivery")
public class PageDelivery extends PanacheEntityBase {

    @Id
    @Column(name = "page_id")
    public UUID pageId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "role_key")
    public String roleKey;

    public int stage;

    public int cycle;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String title;

    public boolean drill;

    /** Recorded but never sent (tabletop game days). */
    public boolean silent;

    @Column(name = "notify_only")
    public boolean notifyOnly;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String summary;

    /** What the responder replies by SMS ("ACK 482193"). */
    @Column(name = "ack_code")
    public String ackCode;

    /** The pageable channels when the page came in, most preferred first (JSON array). */
    @Column(name = "channel_plan")
    public String channelPlan;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ack_method")
    public AckMethod ackMethod;

    /** Channel types a drill says are down for this page, comma-separated; empty for every real page. */
    @Column(name = "down_channels")
    public String downChannels = "";

    /** Every channel of the person at once, rather than one after another (from the severity's definition). */
    @Column(name = "all_channels_at_once")
    public boolean allChannelsAtOnce;

    /** Its SMS skip the per-person rate limit instead of joining a summary (from the severity's definition). */
    @Column(name = "bundling_exempt")
    public boolean bundlingExempt;

    @Transient
    private ChannelPlan plan;

    /** The channel plan, read from its stored form once per loaded delivery. */
    public ChannelPlan plan() {
        if (plan == null) {
            plan = ChannelPlan.parse(channelPlan);
        }
        return plan;
    }

    public void plan(ChannelPlan newPlan) {
        plan = newPlan;
        channelPlan = newPlan.write();
    }

    /** Critical pages are claimed before others when the queue is busy. */
    public boolean critical() {
        return severity == Severity.CRITICAL;
    }

    public void downChannels(Set<ChannelType> channels) {
        downChannels = channels.stream().sorted().map(ChannelType::name).collect(Collectors.joining(","));
    }

    /** Whether a drill fault makes this channel fail for this page without the provider being called. */
    public boolean channelDown(ChannelType channel) {
        return drill && !downChannels.isEmpty() && Arrays.asList(downChannels.split(",")).contains(channel.name());
    }
}
