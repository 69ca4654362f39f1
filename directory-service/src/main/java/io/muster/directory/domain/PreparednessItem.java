package io.muster.directory.domain;

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
import java.util.Objects;

/**
 * Access that must be pre-provisioned, or a tool that must be pre-deployed, for the holders of an incident-response
 * role (a break-glass role in the security account, a forensics workstation). The key names the thing itself, so
 * roles that need the same thing share it and one check covers both.
 */
@Entity
@Table(name = "preparedness_item")
@IdClass(PreparednessItem.Key.class)
public class PreparednessItem extends PanacheEntityBase {

    public enum Kind {
        ACCESS, TOOL
    }

    @Id
    @Column(name = "role_key")
    public String roleKey;

    @Id
    @Column(name = "item_key")
    public String itemKey;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String name;

    public String description;

    /** How a person gets it: whom to ask, which request to raise. */
    @Column(name = "how_to_get")
    public String howToGet;

    /** A check older than this many days no longer counts: the person must check again. */
    @Column(name = "recheck_days")
    public int recheckDays;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static final class Key implements Serializable {
        public String roleKey;
        public String itemKey;

        public Key() {
        }

        public Key(String roleKey, String itemKey) {
            this.roleKey = roleKey;
            this.itemKey = itemKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(roleKey, k.roleKey) && Objects.equals(itemKey, k.itemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roleKey, itemKey);
        }
    }
}
