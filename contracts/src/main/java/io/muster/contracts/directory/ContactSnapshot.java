package io.muster.contracts.directory;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.List;
import java.util.UUID;

/**
 * The full current state of one person as other services need it for paging. Published on every change; a
 * deleted person is a tombstone (null value) under the same key. {@code backupContactId} is who answers in their
 * place when they cannot be reached (null for nobody). {@code login} is the name the person signs in with (the
 * identity provider's username), so a service can tell which person a bearer token belongs to (null when not set).
 */
public record ContactSnapshot(
        UUID contactId,
        String displayName,
        String timeZone,
        boolean active,
        int escalationLevel,
        List<String> roles,
        List<Channel> channels,
        UUID backupContactId,
        String login) implements EventPayload {

    public static final String TYPE = "ContactSnapshot";

    public ContactSnapshot {
        roles = List.copyOf(roles);
        channels = List.copyOf(channels);
    }

    /** A person without a sign-in name. */
    public ContactSnapshot(UUID contactId, String displayName, String timeZone, boolean active, int escalationLevel,
            List<String> roles, List<Channel> channels, UUID backupContactId) {
        this(contactId, displayName, timeZone, active, escalationLevel, roles, channels, backupContactId, null);
    }

    /** One way to reach the person; only verified channels may be paged. Lower preference is tried first. */
    public record Channel(UUID channelId, ChannelType type, String address, int preference, boolean verified) {
    }

    public static String keyOf(UUID contactId) {
        return "contact:" + contactId;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.DIRECTORY;
    }

    @Override
    public String key() {
        return keyOf(contactId);
    }
}
