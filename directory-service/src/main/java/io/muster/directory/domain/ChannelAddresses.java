package io.muster.directory.domain;

import io.muster.contracts.ChannelType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a valid address looks like for each kind of channel. */
public final class ChannelAddresses {

    /** E.164: a plus, a country code not starting with 0, 7 to 15 digits in all. */
    public static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
    /** A pragmatic address check: one @, a dotted domain, no spaces; bounded by RFC 5321 lengths. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private ChannelAddresses() {
    }

    /** Why the address is not acceptable for the type, or empty when it is. */
    public static Optional<String> problemWith(ChannelType type, String address) {
        return switch (type) {
            case SMS, VOICE -> E164.matcher(address).matches() ? Optional.empty()
                    : Optional.of("must be an E.164 phone number such as +447700900123");
            case EMAIL -> address.length() <= 254 && EMAIL.matcher(address).matches() ? Optional.empty()
                    : Optional.of("must be an email address such as name@example.com");
            case WEBHOOK -> webhookProblem(address);
        };
    }

    private static Optional<String> webhookProblem(String address) {
        try {
            URI uri = new URI(address);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                return Optional.of("must be an https URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("must name a host");
            }
            if (uri.getUserInfo() != null) {
                return Optional.of("must not carry credentials in the URL");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("must be a valid https URL");
        }
    }
}
