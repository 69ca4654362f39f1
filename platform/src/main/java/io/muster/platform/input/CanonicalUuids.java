package io.muster.platform.input;

import io.muster.platform.problem.ProblemException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDs only in their canonical 8-4-4-4-12 hexadecimal form. {@link UUID#fromString} also takes {@code 1-2-3-4-5}
 * (and pads it to another id entirely), so a mistyped id could name an object the caller never meant.
 */
public final class CanonicalUuids {

    private static final Pattern CANONICAL = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final String MESSAGE = "must be a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

    private CanonicalUuids() {
    }

    public static boolean isCanonical(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }

    /** The UUID {@code text} spells, or a 400 naming {@code field}. */
    public static UUID parse(String field, String text) {
        if (!isCanonical(text)) {
            throw ProblemException.badRequest(field, MESSAGE);
        }
        return UUID.fromString(text);
    }
}
