package io.muster.platform.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.muster.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads every JSON request body once as a token stream before it is bound, and refuses, naming the field, what
 * no operation should receive whatever its schema: a key given twice in one object (which of the two would win
 * is up to the binder), text the database cannot store (NUL, unpaired surrogates) in a value or a key, arrays
 * longer than any request needs, and nesting deeper than {@link #MAX_DEPTH}. Screening the tokens, not the bound
 * records, covers every body type alike, {@code JsonNode} and maps included. Text bodies (a CSV import) are
 * held to the same rule on what can be stored.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.ENTITY_CODER)
public class RequestBodyScreen implements ReaderInterceptor {

    /** No request of the suite lists more than this many items in one array unless its type says {@link ArrayLimit}. */
    public static final int DEFAULT_ARRAY_LIMIT = 1_000;
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory TOKENS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && type.getType().equals("text")) {
            byte[] body = context.getInputStream().readAllBytes();
            screenText(new String(body, charsetOf(type)));
            context.setInputStream(new ByteArrayInputStream(body));
            return context.proceed();
        }
        if (!isJson(type)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        ArrayLimit limit = context.getType() == null ? null : context.getType().getAnnotation(ArrayLimit.class);
        screen(body, limit == null ? DEFAULT_ARRAY_LIMIT : Math.max(limit.value(), DEFAULT_ARRAY_LIMIT));
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static Charset charsetOf(MediaType type) {
        try {
            String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Refuses text the database cannot store, saying which line it is on. */
    public static void screenText(String text) {
        int at = StorableText.firstUnstorable(text);
        if (at >= 0) {
            long line = 1 + text.substring(0, at).chars().filter(c -> c == '\n').count();
            throw ProblemException.badRequest("body", "line " + line + " " + StorableText.problemWith(text));
        }
    }

    static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /**
     * Refuses {@code body} with a {@link ProblemException} naming the first offending field; a body that is not
     * JSON at all is left to the binder, which reports it as malformed.
     */
    public static void screen(byte[] body, int arrayLimit) throws IOException {
        Deque<Set<String>> keys = new ArrayDeque<>();
        try (JsonParser p = TOKENS.createParser(body)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                JsonStreamContext here = p.getParsingContext();
                // A container's own context is the new one; the array it may sit in is its parent.
                JsonStreamContext container = token.isStructStart() ? here.getParent() : here;
                if (!token.isStructEnd() && token != JsonToken.FIELD_NAME && container != null && container.inArray()
                        && container.getCurrentIndex() >= arrayLimit) {
                    throw ProblemException.badRequest(JsonPath.at(container.getParent()),
                            "must have at most " + arrayLimit + " items");
                }
                switch (token) {
                    case START_OBJECT -> keys.push(new HashSet<>());
                    case END_OBJECT -> keys.pop();
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        String wrong = StorableText.problemWith(name);
                        if (wrong != null) {
                            throw ProblemException.badRequest(JsonPath.at(here), "field name " + wrong);
                        }
                        if (!keys.peek().add(name)) {
                            throw ProblemException.badRequest(JsonPath.at(here), "is given more than once");
                        }
                    }
                    case VALUE_STRING -> {
                        String wrong = StorableText.problemWith(p.getText());
                        if (wrong != null) {
                            throw ProblemException.badRequest(JsonPath.at(here), wrong);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            throw ProblemException.badRequest("body", "must not nest deeper than " + MAX_DEPTH + " levels or "
                    + "hold a number or text too long to read");
        } catch (JsonParseException notJson) {
            // What was read so far was screened; the rest is the binder's to refuse, in the shape its endpoint
            // speaks (PagerDuty's error body on Events v2, problem+json elsewhere).
        }
    }
}
