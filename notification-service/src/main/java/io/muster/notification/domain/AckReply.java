package io.muster.notification.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the code out of an SMS reply: "ACK 4821", "ack4821", " Ack  4821 " all name page code 4821. */
public final class AckReply {

    private static final Pattern ACK = Pattern.compile("^\\s*ACK\\s*(\\d{4,6})\\s*$", Pattern.CASE_INSENSITIVE);

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
