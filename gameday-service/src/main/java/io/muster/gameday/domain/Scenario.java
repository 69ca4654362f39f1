package io.muster.gameday.domain;

import io.muster.contracts.Severity;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A threat to rehearse: what incident to raise, who must engage, and how fast they should. */
@Entity
@Table(name = "scenario")
public class Scenario extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String name;

    public String description;

    @Column(name = "incident_type")
    public String incidentType;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "expected_roles")
    public List<String> expectedRoles;

    @Column(name = "target_first_ack_s")
    public int targetFirstAckSeconds;

    @Column(name = "target_all_roles_s")
    public int targetAllRolesSeconds;

    /** Ordered by {@link ScenarioInject#atSeconds()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ScenarioInject> injects;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
