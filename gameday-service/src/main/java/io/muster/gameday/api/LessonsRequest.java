package io.muster.gameday.api;

import io.muster.gameday.service.LessonsFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The lessons of a review (of a run or of an incident), replacing what was recorded before. Absent lists mean empty.
 * An action item with an {@code id} updates that item of the review; one without is new; the review's items left out
 * are deleted.
 */
public record LessonsRequest(
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> wentWell,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> didNotGoWell,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> rootCauses,
        @Size(max = 100) List<@NotNull @Valid Item> actionItems) {

    public LessonsFields toFields() {
        return new LessonsFields(wentWell, didNotGoWell, rootCauses,
                actionItems == null ? null : actionItems.stream().map(Item::toFields).toList());
    }

    public record Item(
            UUID id,
            @NotBlank @Size(max = 300) String title,
            /** The person in the directory who owns it; absent while unassigned. */
            UUID ownerContactId,
            /** A free-text note on ownership, such as a team. */
            @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String owner,
            @NotNull LocalDate dueDate,
            Boolean done) {

        LessonsFields.Item toFields() {
            return new LessonsFields.Item(id, title, ownerContactId, owner, dueDate, done);
        }
    }
}
