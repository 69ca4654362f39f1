package io.muster.escalation.api;

import io.muster.escalation.domain.TimelineEntry;
import java.time.Instant;

public record TimelineEntryResponse(long id, Instant at, String kind, String actor, String detail) {

    public static TimelineEntryResponse of(TimelineEntry e) {
        return new TimelineEntryResponse(e.id, e.at, e.kind, e.actor, e.detail);
    }
}
