package io.muster.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context ({@code traceparent}) as it travels with our events: captured from the current span when an
 * event is written to the outbox, sent as a Kafka record header, and restored as the parent of the consumer's
 * work. Reading and writing the header is OpenTelemetry's own W3C propagator, so what we accept and emit is exactly
 * what every other OpenTelemetry service does (malformed values are ignored, never trusted); this class only adapts
 * it to the outbox column and to Kafka's record headers.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> KAFKA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).distinct().toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.US_ASCII);
        }
    };

    private TraceContext() {
    }

    /** The current span's context as a traceparent value, if there is a valid one. */
    public static Optional<String> current() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(HEADER));
    }

    /** The remote parent named by a traceparent value, if the propagator finds a valid one in it. */
    public static Optional<SpanContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        SpanContext context = Span.fromContext(W3C.extract(Context.root(), Map.of(HEADER, traceparent.trim()), MAP))
                .getSpanContext();
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }

    /** The context a consumer should work in: the producer's span as remote parent, or the root when there is none. */
    public static Context parentOf(Headers headers) {
        if (headers == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), headers, KAFKA);
    }
}
