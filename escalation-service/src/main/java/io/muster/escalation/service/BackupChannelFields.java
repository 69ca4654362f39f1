package io.muster.escalation.service;

import io.muster.escalation.domain.BackupChannelKind;

/**
 * A backup channel as a use case receives it to create or replace one; {@code ownerRole} may be null or blank (no
 * owner).
 */
public record BackupChannelFields(String name, BackupChannelKind kind, String howToJoin, String ownerRole) {
}
