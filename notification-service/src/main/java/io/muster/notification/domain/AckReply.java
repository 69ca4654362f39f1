package io.muster.notification.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the code out of an SMS reply: "ACK 482193", "ack482193", " Ack  482193 " all name page code 482193. Codes
 * are six digits (eight when a person's six-digit codes run out); shorter ones are read too and simply match no page.
 */
public final class AckReply {

    private static final Pattern ACK = Pattern.compile("^\\s*ACK\\s*(\\d{4,8})\\s*$", Pattern.CASE_INSENSITIVE);

    private AckReply() {
    }

    public static Optional<String> code(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ACK.matcher(text);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
