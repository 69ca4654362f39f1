package io.muster.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.UUID;

/**
 * The services' JSON binding refuses what it would otherwise guess at: a key given twice (the last would silently
 * win), a fraction for an integer (it would be truncated), and a UUID in any but the canonical form (Jackson also
 * takes 16 base64-encoded bytes).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("muster-strict-json").addDeserializer(UUID.class, new CanonicalUuid()));
    }

    static final class CanonicalUuid extends StdScalarDeserializer<UUID> {

        CanonicalUuid() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (UUID) ctxt.handleUnexpectedToken(UUID.class, p);
            }
            String text = p.getText();
            if (!CanonicalUuids.isCanonical(text)) {
                return (UUID) ctxt.handleWeirdStringValue(UUID.class, text, CanonicalUuids.MESSAGE);
            }
            return UUID.fromString(text);
        }
    }
}
