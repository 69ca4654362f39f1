package io.muster.directory.service;

import io.muster.directory.domain.PreparednessItem;

/**
 * Access or a tool a role's holders must have in place, as a use case creates or replaces it; {@code key} may be
 * null on replace (the caller names the item). A person's check older than {@code recheckDays} no longer counts.
 */
public record PreparednessItemFields(String key, PreparednessItem.Kind kind, String name, String description,
        String howToGet, int recheckDays) {
}
