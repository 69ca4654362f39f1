package io.muster.directory.domain;

/** What readiness makes of a person's last check of a preparedness item now. */
public enum PreparednessState {
    /** In place, checked within the period. */
    IN_PLACE,
    /** Nobody has checked it yet. */
    NEVER_CHECKED,
    /** Checked, and not in place. */
    NOT_IN_PLACE,
    /** In place when last checked, but that was longer ago than the period. */
    RECHECK_DUE
}
