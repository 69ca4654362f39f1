package io.muster.gameday.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up a run's lessons call for: who does what by when. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "run_id")
    public UUID runId;

    /** Order within the run's lessons, as written. */
    public int position;

    public String title;

    public String owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public boolean done;
}
