package io.muster.directory.api;

import io.muster.contracts.ChannelType;
import java.net.URI;

/** Masks contact details (PII) for callers who may see who is in the directory but not how to reach them. */
public final class ContactMasking {

    private ContactMasking() {
    }

    public static String mask(ChannelType type, String address) {
        return switch (type) {
            case EMAIL -> maskEmail(address);
            case SMS, VOICE -> maskPhone(address);
            case WEBHOOK -> maskUrl(address);
        };
    }

    /** {@code alice@example.com} becomes {@code a***@example.com}. */
    static String maskEmail(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Keeps the country prefix and the last two digits: {@code +447700900123} becomes {@code +44*******23}. */
    static String maskPhone(String number) {
        if (number.length() < 6) {
            return "***";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
    }

    /** Webhook paths often carry secrets; only the host is shown. */
    static String maskUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + "/***";
        } catch (IllegalArgumentException e) {
            return "***";
        }
    }
}
