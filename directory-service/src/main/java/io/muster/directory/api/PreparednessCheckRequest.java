package io.muster.directory.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person's check of one item: whether it is in place now, and an optional note (what was found, a ticket). */
public record PreparednessCheckRequest(@NotNull Boolean inPlace, @Size(max = 1000) String note) {
}
