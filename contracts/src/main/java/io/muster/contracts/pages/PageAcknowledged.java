package io.muster.contracts.pages;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.util.UUID;

/** A responder answered a page. */
public record PageAcknowledged(UUID pageId, UUID incidentId, UUID contactId, AckMethod method, boolean drill)
        implements EventPayload {

    public static final String TYPE = "PageAcknowledged";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PAGES_ACKS;
    }

    @Override
    public String key() {
        return incidentId.toString();
    }
}
