package io.muster.platform.input;

/**
 * Text every Muster database can store and compare. PostgreSQL refuses U+0000 in {@code text} columns and in query
 * parameters, and a lone UTF-16 surrogate is not Unicode at all (the driver would silently store {@code ?}), so
 * both are refused at the edge, before any query sees them.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String problemWith(CharSequence text) {
        int at = firstUnstorable(text);
        if (at < 0) {
            return null;
        }
        char c = text.charAt(at);
        return c == '\u0000' ? "must not contain the NUL character (U+0000)"
                : "must not contain an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
    }

    /** The index of the first character that cannot be stored, or -1. */
    public static int firstUnstorable(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
