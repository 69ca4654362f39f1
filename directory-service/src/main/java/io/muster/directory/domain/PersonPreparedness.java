package io.muster.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Whether a person has one preparedness item in place, as last checked, when and by whom. */
@Entity
@Table(name = "person_preparedness")
@IdClass(PersonPreparedness.Key.class)
public class PersonPreparedness extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Id
    @Column(name = "item_key")
    public String itemKey;

    @Column(name = "in_place")
    public boolean inPlace;

    public String note;

    @Column(name = "checked_at")
    public Instant checkedAt;

    @Column(name = "checked_by")
    public String checkedBy;

    public static final class Key implements Serializable {
        public UUID personId;
        public String itemKey;

        public Key() {
        }

        public Key(UUID personId, String itemKey) {
            this.personId = personId;
            this.itemKey = itemKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(personId, k.personId) && Objects.equals(itemKey, k.itemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, itemKey);
        }
    }
}
