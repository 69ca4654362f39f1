package io.muster.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context ({@code traceparent}) as it travels with our events: captured from the current span when an
 * event is written to the outbox, sent as a Kafka record header, and restored as the parent of the consumer's
 * work. Only version 00 is written; unknown or malformed values are ignored rather than trusted.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceContext() {
    }

    /** The current span's context as a traceparent value, if there is a valid one. */
    public static Optional<String> current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
    }

    /** The remote parent named by a traceparent value, if it is well-formed and valid. */
    public static Optional<SpanContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        SpanContext context = SpanContext.createFromRemoteParent(m.group(1), m.group(2),
                TraceFlags.fromByte((byte) Integer.parseInt(m.group(3), 16)), TraceState.getDefault());
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }

    /** The context a consumer should work in: the producer's span as remote parent, or the root when there is none. */
    public static Context parentOf(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return Context.root();
        }
        return parse(new String(header.value(), StandardCharsets.US_ASCII))
                .map(parent -> Context.root().with(Span.wrap(parent)))
                .orElse(Context.root());
    }
}
