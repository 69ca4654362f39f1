package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The last snapshot of one directory entity (a contact, role roster or rotation) as published by the directory. */
@Entity
@Table(name = "directory_replica")
public class DirectoryReplicaEntry extends PanacheEntityBase {

    @Id
    @Column(name = "entity_key")
    public String entityKey;

    @Column(name = "event_type")
    public String eventType;

    /** The payload JSON as received. */
    public String snapshot;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
