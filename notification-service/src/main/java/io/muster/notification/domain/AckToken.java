package io.muster.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The server-side half of an email ack link: makes the link single-use and ties it to one page. */
@Entity
@Table(name = "ack_token")
public class AckToken extends PanacheEntityBase {

    @Id
    public String nonce;

    @Column(name = "page_id")
    public UUID pageId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
