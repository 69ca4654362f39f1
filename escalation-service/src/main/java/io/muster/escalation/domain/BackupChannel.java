package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An out-of-band communication method of the plan (a secure messaging room, a phone bridge) and its last test. */
@Entity
@Table(name = "plan_backup_channel")
public class BackupChannel extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public BackupChannelKind kind;

    @Column(name = "how_to_join")
    public String howToJoin;

    /** The IR role that keeps the channel working (null for none named). */
    @Column(name = "owner_role")
    public String ownerRole;

    @Column(name = "last_tested_at")
    public Instant lastTestedAt;

    @Column(name = "last_tested_by")
    public String lastTestedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
