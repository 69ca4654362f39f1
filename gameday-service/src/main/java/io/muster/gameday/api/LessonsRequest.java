package io.muster.gameday.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The lessons of a run, replacing what was recorded before. Absent lists mean empty. */
public record LessonsRequest(
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> wentWell,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> didNotGoWell,
        @Size(max = 100) List<@NotNull @Valid Item> actionItems) {

    public record Item(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 200) String owner,
            @NotNull LocalDate dueDate,
            Boolean done) {
    }
}
