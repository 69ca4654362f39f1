package io.muster.gameday.domain;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest directory snapshot of one person, as this service needs it: their name, roles and email. */
@Entity
@Table(name = "contact_replica")
public class ContactReplica extends PanacheEntityBase {

    private static final TypeReference<List<ContactSnapshot.Channel>> CHANNELS = new TypeReference<>() {
    };

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "display_name")
    public String displayName;

    public boolean active;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles;

    /** JSON array of {@link ContactSnapshot.Channel}. */
    public String channels;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The verified email address to write to, most preferred first; empty when there is none. Unverified addresses
     * are never written to, as for pages: nobody has shown they reach this person.
     */
    public Optional<String> emailAddress() {
        return readChannels(channels).stream()
                .filter(c -> c.type() == ChannelType.EMAIL && c.verified())
                .min(Comparator.comparingInt(ContactSnapshot.Channel::preference))
                .map(ContactSnapshot.Channel::address);
    }

    public static String writeChannels(List<ContactSnapshot.Channel> channels) {
        try {
            return EventJson.mapper().writeValueAsString(channels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write channels", e);
        }
    }

    static List<ContactSnapshot.Channel> readChannels(String json) {
        try {
            return EventJson.mapper().readValue(json, CHANNELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored channels are not valid JSON", e);
        }
    }
}
