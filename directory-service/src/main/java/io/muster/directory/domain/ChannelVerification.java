package io.muster.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time code sent to a channel. The code itself is never stored, only a salted hash of it. */
@Entity
@Table(name = "channel_verification")
public class ChannelVerification extends PanacheEntityBase {

    public enum Status {
        PENDING, CONFIRMED, EXPIRED, LOCKED, SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(name = "channel_id")
    public UUID channelId;

    @Column(name = "code_salt")
    public String codeSalt;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public int attempts;

    @Column(name = "max_attempts")
    public int maxAttempts;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    public static ChannelVerification latestFor(UUID channelId) {
        return find("channelId = ?1 order by createdAt desc, id", channelId).firstResult();
    }
}
