package io.muster.directory.api;

import io.muster.directory.domain.PreparednessItem;
import java.time.Instant;

public record PreparednessItemResponse(String roleKey, String key, PreparednessItem.Kind kind, String name,
        String description, String howToGet, int recheckDays, Instant createdAt, Instant updatedAt) {

    public static PreparednessItemResponse of(PreparednessItem item) {
        return new PreparednessItemResponse(item.roleKey, item.itemKey, item.kind, item.name, item.description,
                item.howToGet, item.recheckDays, item.createdAt, item.updatedAt);
    }
}
