package io.muster.escalation.domain;

/** Whether an incident is still being escalated: stopped by ack or resolve, exhausted when every repetition ran out. */
public enum EscalationState {
    NONE, ACTIVE, STOPPED, EXHAUSTED
}
