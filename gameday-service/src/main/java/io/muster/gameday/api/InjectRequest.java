package io.muster.gameday.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A timed message to participants; {@code audience} is {@code all} or one of the scenario's expected roles. */
public record InjectRequest(
        @NotNull @Min(0) @Max(86_400) Integer atSeconds,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be 'all' or a role key") String audience,
        @NotBlank @Size(max = 2_000) String message) {
}
