package io.muster.contracts;

/** Kinds of contact channel a person can be reached on. */
public enum ChannelType {
    EMAIL, SMS, VOICE, WEBHOOK
}
