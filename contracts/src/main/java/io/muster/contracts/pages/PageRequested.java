package io.muster.contracts.pages;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import java.util.UUID;

/**
 * Escalation asks for one person to be paged for one stage of an incident. Keyed by contact so that one
 * person's pages stay in order (rate limits and summaries depend on it). {@code silent} pages are recorded but
 * not sent (tabletop game days); {@code notifyOnly} pages inform stakeholders and expect no acknowledgement.
 */
public record PageRequested(
        UUID pageId,
        UUID incidentId,
        UUID contactId,
        String roleKey,
        int stage,
        int cycle,
        Severity severity,
        String title,
        String summary,
        boolean drill,
        boolean silent,
        boolean notifyOnly) implements EventPayload {

    public static final String TYPE = "PageRequested";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PAGES_REQUESTED;
    }

    @Override
    public String key() {
        return contactId.toString();
    }
}
