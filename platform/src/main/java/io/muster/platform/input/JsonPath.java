package io.muster.platform.input;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/** Where a parser is in a document, written as Muster's problems name fields: {@code stages[1].name}. */
public final class JsonPath {

    private JsonPath() {
    }

    /**
     * The path of the value {@code context} is positioned at: its current field name in an object, its current
     * index in an array, below the positions of the enclosing contexts. {@code body} for the document itself.
     */
    public static String at(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]" : printable(c.getCurrentName()));
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty() && !part.startsWith("[")) {
                out.append('.');
            }
            out.append(part);
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    /** A field name as it can be shown back: control characters and surrogates are written as escapes. */
    static String printable(String name) {
        if (name == null) {
            return "?";
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
