package io.muster.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import com.fasterxml.jackson.databind.node.NullNode;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.pages.PageRequested;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every Muster topic. {@code eventId} is unique per event and is what consumers record to stay
 * idempotent; {@code key} is also the Kafka record key; {@code type} names the payload record.
 */
@JsonDeserialize(using = EventEnvelope.Reader.class)
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String key,
        EventPayload payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (!type.equals(payload.type())) {
            throw new IllegalArgumentException("type " + type + " does not match payload " + payload.type());
        }
        if (!key.equals(payload.key())) {
            throw new IllegalArgumentException("key " + key + " does not match payload key " + payload.key());
        }
    }

    /** Wraps a payload in a new envelope with a fresh event id. */
    public static EventEnvelope of(EventPayload payload, Instant occurredAt) {
        return new EventEnvelope(UUID.randomUUID(), payload.type(), payload.version(), occurredAt, payload.key(),
                payload);
    }

    @JsonIgnore
    public String topic() {
        return payload.topic();
    }

    /** The payload as the given record type. */
    public <T extends EventPayload> T payloadAs(Class<T> type) {
        return type.cast(payload);
    }

    /** Reads the payload as the record its {@code type} names. */
    static final class Reader extends StdDeserializer<EventEnvelope> {

        /*
         * Fields added to a payload after its version was first published, with the value an event written
         * before them means. Every other field must be present (FAIL_ON_MISSING_CREATOR_PROPERTIES), so an event
         * from an older producer still in flight or in a topic reads only through this list.
         */
        private static final Map<String, Map<String, JsonNode>> ADDED_LATER = Map.of(
                PageRequested.TYPE, Map.of("downChannels", JsonNodeFactory.instance.arrayNode(),
                        "allChannelsAtOnce", NullNode.getInstance(), "bundlingExempt", NullNode.getInstance()),
                ContactSnapshot.TYPE, Map.of("backupContactId", NullNode.getInstance(), "login", NullNode.getInstance()),
                RoleRoster.TYPE, Map.of("escalationContactId", NullNode.getInstance()),
                IncidentEscalated.TYPE, Map.of("roleKey", NullNode.getInstance()));

        Reader() {
            super(EventEnvelope.class);
        }

        @Override
        public EventEnvelope deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            String type = text(node, "type", context);
            Class<? extends EventPayload> payloadType = EventPayload.TYPES.get(type);
            if (payloadType == null) {
                return context.reportInputMismatch(EventEnvelope.class, "unknown event type '%s'", type);
            }
            JsonNode written = node.get("payload");
            if (written == null || !written.isObject()) {
                return context.reportInputMismatch(EventEnvelope.class, "missing payload");
            }
            JsonNode payload = completed(type, written);
            JsonNode version = node.get("version");
            if (version == null || !version.canConvertToInt()) {
                return context.reportInputMismatch(EventEnvelope.class, "missing version");
            }
            try {
                return new EventEnvelope(
                        UUID.fromString(text(node, "eventId", context)),
                        type,
                        version.intValue(),
                        Instant.parse(text(node, "occurredAt", context)),
                        text(node, "key", context),
                        context.readTreeAsValue(payload, payloadType));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                return context.reportInputMismatch(EventEnvelope.class, "%s", e.getMessage());
            }
        }

        /** The payload with the fields added after it was written filled in with what their absence means. */
        static JsonNode completed(String type, JsonNode written) {
            Map<String, JsonNode> addedLater = ADDED_LATER.getOrDefault(type, Map.of());
            if (!written.isObject() || addedLater.keySet().stream().allMatch(written::has)) {
                return written;
            }
            ObjectNode completed = ((ObjectNode) written).deepCopy();
            addedLater.forEach((field, absent) -> {
                if (!completed.has(field)) {
                    completed.set(field, absent.deepCopy());
                }
            });
            return completed;
        }

        private static String text(JsonNode node, String field, DeserializationContext context) throws IOException {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                return context.reportInputMismatch(EventEnvelope.class, "missing %s", field);
            }
            return value.asText();
        }
    }
}
