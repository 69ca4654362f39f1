package io.muster.escalation.domain;

import io.muster.contracts.pages.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The latest state notification reported for one page on one channel ({@code channel} "" for the whole page). */
@Entity
@Table(name = "page_channel_status")
@IdClass(PageChannelStatus.Key.class)
public class PageChannelStatus extends PanacheEntityBase {

    public static final class Key implements Serializable {
        public UUID pageId;
        public String channel;

        public Key() {
        }

        public Key(UUID pageId, String channel) {
            this.pageId = pageId;
            this.channel = channel;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(pageId, k.pageId) && Objects.equals(channel, k.channel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pageId, channel);
        }
    }

    @Id
    @Column(name = "page_id")
    public UUID pageId;

    @Id
    public String channel;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempt;

    public String detail;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
