package io.muster.escalation.service;

import io.muster.escalation.domain.BackupChannel;
import io.muster.escalation.domain.BackupChannelKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A backup channel as the audit log keeps it before and after a change: {@code howToJoin} in full (the audit is
 * read by admins only). Its fields match the API's channel view, so an entry reads like the channel an admin saw.
 */
public record BackupChannelState(UUID id, String name, BackupChannelKind kind, String howToJoin, String ownerRole,
        Instant lastTestedAt, String lastTestedBy, Instant updatedAt) {

    public static BackupChannelState of(BackupChannel c) {
        return new BackupChannelState(c.id, c.name, c.kind, c.howToJoin, c.ownerRole, c.lastTestedAt, c.lastTestedBy,
                c.updatedAt);
    }
}
