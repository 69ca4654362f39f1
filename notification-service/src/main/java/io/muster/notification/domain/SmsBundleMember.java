package io.muster.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A page that goes out by SMS as part of a summary rather than on its own. */
@Entity
@Table(name = "sms_bundle_member")
public class SmsBundleMember extends PanacheEntityBase {

    @Id
    @Column(name = "page_id")
    public UUID pageId;

    @Column(name = "message_key")
    public String messageKey;

    @Column(name = "channel_rank")
    public int channelRank;

    @Column(name = "added_at")
    public Instant addedAt;

}
