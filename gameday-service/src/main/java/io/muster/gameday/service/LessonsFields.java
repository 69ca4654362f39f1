package io.muster.gameday.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The lessons of a review as a use case receives them, replacing what was recorded before; null lists mean empty.
 * An action item with an {@code id} updates that item of the review; one without is new; the review's items left
 * out are deleted.
 */
public record LessonsFields(List<String> wentWell, List<String> didNotGoWell, List<String> rootCauses,
        List<Item> actionItems) {

    /** {@code ownerContactId}: the person who owns it (null while unassigned); {@code owner} a free-text note. */
    public record Item(UUID id, String title, UUID ownerContactId, String owner, LocalDate dueDate, Boolean done) {
    }
}
