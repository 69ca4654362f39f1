package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One role paged for one incident. A required role escalates on its own path until someone paged for it
 * acknowledges: {@code step} counts the people tried after the first in the current repetition ({@code repetition}).
 */
@Entity
@Table(name = "role_engagement")
@IdClass(RoleEngagement.Key.class)
public class RoleEngagement extends PanacheEntityBase {

    public enum Status {
        /** Paged, nobody who was paged for it has acknowledged yet. */
        PAGED,
        /** Someone paged for it acknowledged. */
        ENGAGED,
        /** Every candidate of every repetition was paged and nobody acknowledged. */
        EXHAUSTED,
        /** Nobody who could answer for it could be reached. */
        UNREACHABLE
    }

    public static final class Key implements Serializable {
        public UUID incidentId;
        public String roleKey;

        public Key() {
        }

        public Key(UUID incidentId, String roleKey) {
            this.incidentId = incidentId;
            this.roleKey = roleKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(incidentId, k.incidentId) && Objects.equals(roleKey, k.roleKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, roleKey);
        }
    }

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Id
    @Column(name = "role_key")
    public String roleKey;

    public boolean required;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int step;

    @Column(name = "cycle")
    public int repetition;

    @Column(name = "first_paged_at")
    public Instant firstPagedAt;

    @Column(name = "engaged_contact")
    public UUID engagedContact;

    @Column(name = "engaged_by")
    public String engagedBy;

    @Column(name = "engaged_at")
    public Instant engagedAt;

    public static RoleEngagement find(UUID incidentId, String roleKey) {
        return findById(new Key(incidentId, roleKey));
    }

    public static List<RoleEngagement> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by required desc, firstPagedAt, roleKey", incidentId);
    }
}
