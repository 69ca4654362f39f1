package io.muster.notification.domain;

import io.muster.contracts.ChannelType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A test page the directory asked for on one contact channel: no incident, no ack link, sent once. */
@Entity
@Table(name = "channel_test")
public class ChannelTest extends PanacheEntityBase {

    @Id
    @Column(name = "test_id")
    public UUID testId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "channel_id")
    public UUID channelId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type")
    public ChannelType channelType;

    @Enumerated(EnumType.STRING)
    public ChannelTestStatus status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public String error;

    /** The provider took the test message. */
    public void sent(Instant at) {
        status = ChannelTestStatus.SENT;
        sentAt = at;
        error = null;
    }

    /** Nothing more will be tried for this test. */
    public void failed(String reason) {
        status = ChannelTestStatus.FAILED;
        error = reason;
    }
}
