package io.muster.platform.audit;

/**
 * How secrets appear in audit states: never in full. The last four characters stay, as the directory shows a
 * masked phone number's last digits, so an admin can tell which key an entry is about.
 */
public final class AuditMasking {

    private AuditMasking() {
    }

    /** {@code 0f3a...c9d2} (32 characters) becomes {@code ****************************c9d2}. */
    public static String secret(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < 12) {
            return "***";
        }
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }
}
