package io.muster.contracts.pages;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/** A page's delivery moved to a new state on one channel ({@code channel} is empty for person-wide states). */
public record PageStatusChanged(
        UUID pageId,
        UUID incidentId,
        UUID contactId,
        ChannelType channel,
        DeliveryStatus status,
        int attempt,
        String detail,
        boolean drill) implements EventPayload {

    public static final String TYPE = "PageStatusChanged";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PAGES_STATUS;
    }

    @Override
    public String key() {
        return incidentId.toString();
    }
}
