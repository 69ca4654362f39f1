package io.muster.console.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading what a browser sent before it goes anywhere: values outside a closed vocabulary become "not given", text is
 * trimmed and bounded. The services check everything again; this keeps a hand-edited URL from reaching them as noise.
 */
final class Forms {

    private Forms() {
    }

    /** The value if it is one of {@code allowed}, else null. */
    static String oneOf(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    /** Trimmed text, null when blank, cut to {@code max} characters. */
    static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
