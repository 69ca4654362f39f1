package io.muster.directory.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record ConfirmCodeRequest(@NotNull @Pattern(regexp = "\\d{6}", message = "must be six digits") String code) {
}
