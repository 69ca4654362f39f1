package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A published version of the plan document: the text as approved, who approved it and when. Never changed. */
@Entity
@Table(name = "plan_document_version")
public class PlanDocumentVersion extends PanacheEntityBase {

    @Id
    public int version;

    public String markdown;

    public String html;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    public String note;

    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    public static PlanDocumentVersion latest() {
        return PlanDocumentVersion.<PlanDocumentVersion>find("order by version desc").firstResult();
    }
}
