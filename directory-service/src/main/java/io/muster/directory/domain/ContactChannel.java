package io.muster.directory.domain;

import io.muster.contracts.ChannelType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One way to reach a person. It may be paged only once {@link #verifiedAt} is set. */
@Entity
@Table(name = "contact_channel")
public class ContactChannel extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id")
    public UUID personId;

    @Enumerated(EnumType.STRING)
    public ChannelType type;

    public String address;

    /** Lower is tried first. */
    public int preference;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean verified() {
        return verifiedAt != null;
    }

    public static List<ContactChannel> ofPerson(UUID personId) {
        return list("personId = ?1 order by preference, createdAt, id", personId);
    }
}
