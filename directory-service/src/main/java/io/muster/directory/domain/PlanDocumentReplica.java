package io.muster.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The directory's copy of where the incident response plan document stands ({@code PlanDocumentStatus}). */
@Entity
@Table(name = "plan_document_replica")
public class PlanDocumentReplica extends PanacheEntityBase {

    @Id
    @Column(name = "plan_key")
    public String planKey;

    @Column(name = "published_version")
    public Integer publishedVersion;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
