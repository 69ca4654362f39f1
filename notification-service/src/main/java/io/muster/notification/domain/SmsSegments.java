package io.muster.notification.domain;

import java.util.function.Function;

/**
 * Length rules of one SMS segment: 160 septets when every character is in the GSM 03.38 alphabet (characters of
 * its extension table take two), otherwise 70 UTF-16 code units (UCS-2). A text over the limit is split and
 * billed per segment, and segments may arrive out of order, so pages aim for one.
 */
public final class SmsSegments {

    public static final int GSM7_LIMIT = 160;
    public static final int UCS2_LIMIT = 70;

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM7_BASIC.indexOf(c) >= 0 || GSM7_EXTENSION.indexOf(c) >= 0);
    }

    /** Septets for a GSM-7 text, UTF-16 units otherwise. */
    public static int length(String text) {
        if (!isGsm7(text)) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM7_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    public static boolean fitsOneSegment(String text) {
        return length(text) <= (isGsm7(text) ? GSM7_LIMIT : UCS2_LIMIT);
    }

    /**
     * Renders with the longest prefix of {@code summary} (marked "..." when cut) that keeps the whole text in one
     * segment. When even an empty summary does not fit, the full text is returned and goes out in several
     * segments: dropping the title or the ack code would be worse than a second segment.
     */
    public static String fit(String summary, Function<String, String> render) {
        String full = render.apply(summary);
        if (fitsOneSegment(full)) {
            return full;
        }
        if (!fitsOneSegment(render.apply(""))) {
            return full;
        }
        int low = 0;
        int high = summary.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (fitsOneSegment(render.apply(cut(summary, mid)))) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return render.apply(low == 0 ? "" : cut(summary, low));
    }

    private static String cut(String summary, int keep) {
        String head = summary.substring(0, keep);
        // Never split a surrogate pair: half an emoji is not text.
        if (!head.isEmpty() && Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1);
        }
        return head.stripTrailing() + "...";
    }
}
