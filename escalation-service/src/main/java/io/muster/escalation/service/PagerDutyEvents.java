package io.muster.escalation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.contracts.Severity;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.IntegrationKey;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;

/**
 * Accepts PagerDuty Events API v2 events so a monitoring tool written for PagerDuty works by changing its URL.
 * The {@code routing_key} is a Muster integration key; events follow PagerDuty's rules: trigger opens or adds to
 * the open incident with the same {@code dedup_key}, acknowledge and resolve need that key and are accepted (and do
 * nothing) when no open incident has it, just as PagerDuty accepts them asynchronously.
 */
@ApplicationScoped
public class PagerDutyEvents {

    /** PagerDuty's documented limits. */
    static final int MAX_SUMMARY = 1024;
    static final int MAX_DEDUP_KEY = 255;
    static final int MAX_SOURCE = 255;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Severity> SEVERITIES = Map.of(
            "critical", Severity.CRITICAL, "error", Severity.HIGH, "warning", Severity.MEDIUM, "info", Severity.LOW);

    @Inject
    IntegrationKeys keys;

    @Inject
    IncidentDesk desk;

    @Inject
    IncidentAcknowledgements acknowledgements;

    @Inject
    IncidentChanges changes;

    @Inject
    IngestThrottle throttle;

    /**
     * What PagerDuty answers: 202 with the dedup key, 400 "invalid event" listing what is wrong, or 429 "throttle
     * event" when the key sends too fast.
     */
    public record Answer(int status, Map<String, Object> body) {

        static Answer processed(String dedupKey) {
            return new Answer(202, Map.of("status", "success", "message", "Event processed", "dedup_key", dedupKey));
        }

        static Answer throttled() {
            return new Answer(429, Map.of("status", "throttle event",
                    "message", "Requests for this integration key are arriving too quickly. Please retry later."));
        }

        static Answer forbidden(String why) {
            return new Answer(403, Map.of("status", "forbidden event", "message", "Event refused for this routing key",
                    "errors", List.of(why)));
        }

        static Answer invalid(List<String> errors) {
            return new Answer(400, Map.of("status", "invalid event", "message", "Event object is invalid",
                    "errors", errors));
        }
    }

    public Answer enqueue(String body) {
        JsonNode event;
        try {
            event = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return Answer.invalid(List.of("Event object is not valid JSON"));
        }
        List<String> errors = new ArrayList<>();
        String routingKey = text(event, "routing_key");
        String action = text(event, "event_action");
        String dedupKey = text(event, "dedup_key");
        if (routingKey == null) {
            errors.add("'routing_key' is missing or blank");
        } else if (routingKey.length() != 32) {
            errors.add("Length of 'routing_key' is incorrect (should be 32 characters)");
        }
        if (action == null) {
            errors.add("'event_action' is missing or blank");
        } else if (!List.of("trigger", "acknowledge", "resolve").contains(action)) {
            errors.add("'event_action' is invalid (must be one of trigger, acknowledge, resolve)");
        }
        if (dedupKey != null && dedupKey.length() > MAX_DEDUP_KEY) {
            errors.add("'dedup_key' is too long (maximum is " + MAX_DEDUP_KEY + " characters)");
        }
        if (!"trigger".equals(action) && action != null && dedupKey == null) {
            errors.add("'dedup_key' is missing or blank (required for " + action + " events)");
        }
        JsonNode payload = event.get("payload");
        String summary = null;
        String source = null;
        Severity severity = null;
        if ("trigger".equals(action)) {
            if (payload == null || !payload.isObject()) {
                errors.add("'payload' is missing or blank");
            } else {
                summary = text(payload, "summary");
                source = text(payload, "source");
                String level = text(payload, "severity");
                if (summary == null) {
                    errors.add("'payload.summary' is missing or blank");
                } else if (summary.length() > MAX_SUMMARY) {
                    errors.add("'payload.summary' is too long (maximum is " + MAX_SUMMARY + " characters)");
                }
                if (source == null) {
                    errors.add("'payload.source' is missing or blank");
                } else if (source.length() > MAX_SOURCE) {
                    errors.add("'payload.source' is too long (maximum is " + MAX_SOURCE + " characters)");
                }
                if (level == null) {
                    errors.add("'payload.severity' is missing or blank");
                } else if (!SEVERITIES.containsKey(level)) {
                    errors.add("'payload.severity' is invalid (must be one of critical, error, warning, info)");
                } else {
                    severity = SEVERITIES.get(level);
                }
            }
        }
        if (!errors.isEmpty()) {
            return Answer.invalid(errors);
        }
        Optional<IntegrationKey> integration = keys.find(routingKey);
        if (integration.isEmpty()) {
            return Answer.invalid(List.of("Invalid routing key"));
        }
        if (!throttle.tryAccept(routingKey)) {
            return Answer.throttled();
        }

        Caller actor = Caller.of(integration.get());
        switch (action) {
            case "trigger" -> {
                String key = dedupKey != null ? dedupKey : HexFormat.of().formatHex(randomBytes());
                String title = summary.length() > 200 ? summary.substring(0, 197) + "..." : summary;
                desk.raise(new RaiseIncident(title, summary, severity, integration.get().incidentType,
                        source.length() > 120 ? source.substring(0, 120) : source, key, false, false, null, null), actor);
                return Answer.processed(key);
            }
            case "acknowledge" -> {
                return quietlyIfNoOpenIncident(dedupKey, () -> acknowledgements.acknowledge(
                        IncidentAcknowledgements.Acknowledgement.byCallerWithDedupKey(dedupKey, actor)));
            }
            default -> {
                return quietlyIfNoOpenIncident(dedupKey, () -> changes.resolveByDedupKey(dedupKey, actor));
            }
        }
    }

    /*
     * PagerDuty accepts acknowledge/resolve for keys it has no open alert for; so do we (the 404/409 stays ours).
     * An incident this key did not raise is refused, in PagerDuty's error shape.
     */
    private static Answer quietlyIfNoOpenIncident(String dedupKey, Runnable change) {
        try {
            change.run();
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.FORBIDDEN) {
                return Answer.forbidden(e.getMessage());
            }
            if (e.kind() != Refusal.Kind.NOT_FOUND && e.kind() != Refusal.Kind.CONFLICT) {
                throw e;
            }
        }
        return Answer.processed(dedupKey);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }
}
