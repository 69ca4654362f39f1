package io.muster.escalation.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.muster.contracts.Severity;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.contracts.pages.PageRequested;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    public String summary;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Column(name = "incident_type")
    public String incidentType;

    public String source;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    /** Raised by a game day; never counted in production response metrics. */
    public boolean drill;

    /** A drill whose pages are recorded but not sent (tabletop game days). Only drills can be silent. */
    public boolean silent;

    /** The faults a drill injects, as JSON; null for every incident without faults (always for real ones). */
    @Column(name = "drill_faults")
    public String drillFaultsJson;

    /** How many triggers were folded into this incident by its dedup key. */
    @Column(name = "trigger_count")
    public int triggerCount;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The raising caller's {@code Caller.ref}; null for incidents raised before it was recorded. */
    @Column(name = "raised_by")
    public String raisedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The response plan and policy chosen when the incident opened (null when none applied). */
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "policy_id")
    public UUID policyId;

    /** Where escalation stands: the stage being waited on (0-based) within the current repetition over the policy. */
    @Column(name = "current_stage")
    public int currentStage;

    @Column(name = "current_cycle")
    public int currentRepetition;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_state")
    public EscalationState escalationState = EscalationState.NONE;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** The directory person who took the incident; null when the acknowledging caller is no person. */
    @Column(name = "acknowledged_contact_id")
    public UUID acknowledgedContactId;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** When every required role was first engaged; null while one is not. */
    @Column(name = "engaged_at")
    public Instant engagedAt;

    /** The incident-response phase it is in (DETECT when raised, POST_INCIDENT once resolved) and since when. */
    @Enumerated(EnumType.STRING)
    public IncidentPhase phase = IncidentPhase.DETECT;

    @Column(name = "phase_since")
    public Instant phaseSince;

    /** The playbook its steps were copied from (its type's or {@code *}); null when none applied. */
    @Column(name = "playbook_type")
    public String playbookType;

    /** Roles the raise asked to engage on top of the plan's (a game day's roles). */
    @Column(name = "required_roles")
    public String requiredRolesJson = "[]";

    public List<String> requiredRoles() {
        return JsonColumns.strings(requiredRolesJson, "incident " + id);
    }

    public void requiredRoles(List<String> roles) {
        requiredRolesJson = JsonColumns.write(roles == null ? List.of() : roles);
    }

    public DrillFaults drillFaults() {
        if (drillFaultsJson == null) {
            return DrillFaults.NONE;
        }
        try {
            return JsonColumns.MAPPER.readValue(drillFaultsJson, DrillFaults.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident " + id + " has unreadable drill faults", e);
        }
    }

    /** Stores the faults of a drill; none (or a real incident) stores nothing. */
    public void injectFaults(DrillFaults faults) {
        if (faults == null || faults.isNone()) {
            drillFaultsJson = null;
            return;
        }
        if (!drill) {
            throw new IllegalStateException("only a drill can inject faults");
        }
        try {
            drillFaultsJson = JsonColumns.MAPPER.writeValueAsString(faults);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What this incident's pages say, with its own title and summary. */
    public PageRequested.About pageAbout() {
        return pageAbout(title, summary);
    }

    /** What this incident's pages say, under another title and summary (a notice about the incident). */
    public PageRequested.About pageAbout(String pageTitle, String pageSummary) {
        SeverityDefinition rule = SeverityDefinition.of(severity);
        // Channels are down only in a drill; a real page never carries a fault.
        return new PageRequested.About(id, severity, pageTitle, pageSummary, drill, silent,
                drill ? drillFaults().downChannelSet() : Set.of(), rule.allChannelsAtOnce, rule.bundlingExempt);
    }

    public static Optional<Incident> findOpenByDedupKey(String dedupKey) {
        return find("dedupKey = ?1 and status <> ?2", dedupKey, IncidentStatus.RESOLVED).firstResultOptional();
    }
}
