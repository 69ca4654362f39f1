package io.muster.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of events on the wire. Thread-safe. */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Consumers must tolerate fields added by a newer producer of the same version.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // ...but every field of the version they know must be there (null is written, never left out).
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + envelope.eventId(), e);
        }
    }

    /** Parses an envelope; throws {@link MalformedEventException} when the text is not a valid event. */
    public static EventEnvelope read(String json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /**
     * Parses a payload stored on its own (a replica row), reading one written before a field was added the way an
     * envelope would.
     */
    public static <T extends EventPayload> T readPayload(String json, Class<T> type, String typeName) {
        try {
            return MAPPER.treeToValue(EventEnvelope.Reader.completed(typeName, MAPPER.readTree(json)), type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An event that could not be parsed. Consumers log and skip it rather than block the partition. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
