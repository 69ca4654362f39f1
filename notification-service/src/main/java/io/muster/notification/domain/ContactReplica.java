package io.muster.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.muster.contracts.ChannelType;
import io.muster.contracts.EventJson;
import io.muster.contracts.directory.ContactSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The latest directory snapshot of one person: the only place pages take addresses from. */
@Entity
@Table(name = "contact_replica")
public class ContactReplica extends PanacheEntityBase {

    /** Channel types this service can send on. */
    public static final Set<ChannelType> SENDABLE = EnumSet.of(ChannelType.SMS, ChannelType.EMAIL, ChannelType.WEBHOOK);

    private static final TypeReference<List<ContactSnapshot.Channel>> CHANNELS = new TypeReference<>() {
    };

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "display_name")
    public String displayName;

    public boolean active;

    /** JSON array of {@link ContactSnapshot.Channel}. */
    public String channels;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<ContactSnapshot.Channel> channelList() {
        return readChannels(channels);
    }

    /** Verified channels this service can send on, most preferred first. */
    public List<ContactSnapshot.Channel> pageableChannels() {
        return channelList().stream()
                .filter(ContactSnapshot.Channel::verified)
                .filter(c -> SENDABLE.contains(c.type()))
                .sorted(Comparator.comparingInt(ContactSnapshot.Channel::preference))
                .toList();
    }

    public static String writeChannels(List<ContactSnapshot.Channel> channels) {
        try {
            return EventJson.mapper().writeValueAsString(channels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write channels", e);
        }
    }

    public static List<ContactSnapshot.Channel> readChannels(String json) {
        try {
            return EventJson.mapper().readValue(json, CHANNELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored channels are not valid JSON", e);
        }
    }
}
