package io.muster.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy for a document the console serves as a service rendered it (the response plan): the
 * console's own policy, except that the document's own {@code <style>} elements are allowed by their SHA-256 hashes.
 * Only those exact style sheets run; no other inline style, no script (its print button stays inert), no frames.
 */
final class DocumentPolicy {

    private static final Pattern STYLE = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL);

    private DocumentPolicy() {
    }

    /** {@code 'sha256-…'} for each style element's text, in document order. */
    static List<String> styleHashes(String html) {
        List<String> hashes = new ArrayList<>();
        if (html == null) {
            return hashes;
        }
        Matcher m = STYLE.matcher(html);
        while (m.find()) {
            hashes.add("'sha256-" + sha256(m.group(1)) + "'");
        }
        return hashes;
    }

    static String forDocument(String html) {
        List<String> hashes = styleHashes(html);
        String styles = hashes.isEmpty() ? "'self'" : "'self' " + String.join(" ", hashes);
        return "default-src 'none'; script-src 'self'; style-src " + styles + "; img-src 'self' data:; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
