package io.muster.escalation.domain;

/** How an out-of-band channel reaches the team when the usual ones (mail, chat, the phones' SMS) cannot be trusted. */
public enum BackupChannelKind {
    SECURE_MESSAGING, PHONE_BRIDGE, SATELLITE_PHONE, OTHER
}
