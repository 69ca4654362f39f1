package io.muster.escalation.domain;

/**
 * What a timeline entry says happened. The wire strings are stored in {@code timeline_entry.kind} and served by
 * the API as they are; clients and the demo match them, so they never change once published.
 */
public enum TimelineKind {
    ACK_IGNORED("ack-ignored"),
    ACKNOWLEDGED("acknowledged"),
    DEADLINE_CLOCK_STARTED("deadline-clock-started"),
    DEADLINE_REMINDER("deadline-reminder"),
    DRILL_FAULTS("drill-faults"),
    ENGAGED("engaged"),
    ESCALATION_EXHAUSTED("escalation-exhausted"),
    EXTERNAL_PARTY_NOTIFIED("external-party-notified"),
    MIRROR_FAILED("mirror-failed"),
    MIRRORED("mirrored"),
    NO_PLAN("no-plan"),
    NOTE("note"),
    PAGE_ACKNOWLEDGED("page-acknowledged"),
    PAGE_FAILED("page-failed"),
    PHASE_CHANGED("phase-changed"),
    PLAN("plan"),
    PLAYBOOK("playbook"),
    PLAYBOOK_STEP_DONE("playbook-step-done"),
    POLICY_REPEATED("policy-repeated"),
    RECLASSIFIED("reclassified"),
    REPLANNED("replanned"),
    RESOLVED("resolved"),
    RETRIGGERED("retriggered"),
    ROLE_ENGAGED("role-engaged"),
    ROLE_ESCALATED("role-escalated"),
    ROLE_EXHAUSTED("role-exhausted"),
    ROLE_PAGED("role-paged"),
    ROLE_REPEATED("role-repeated"),
    ROLE_TIMED_OUT("role-timed-out"),
    ROLE_UNREACHABLE("role-unreachable"),
    SEVERITY_CHANGED("severity-changed"),
    STAGE_PAGED("stage-paged"),
    STAGE_SKIPPED("stage-skipped"),
    STAGE_TIMED_OUT("stage-timed-out"),
    STAKEHOLDER_UPDATE("stakeholder-update"),
    STAKEHOLDER_UPDATE_DUE("stakeholder-update-due"),
    STAKEHOLDERS_NOTIFIED("stakeholders-notified"),
    TRIGGERED("triggered");

    private final String wire;

    TimelineKind(String wire) {
        this.wire = wire;
    }

    /** The string stored and served for this kind. */
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
