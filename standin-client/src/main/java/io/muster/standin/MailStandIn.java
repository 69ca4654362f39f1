package io.muster.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the SMTP server (GreenMail) holds, read through its REST API. GreenMail has no receive time in that API: an
 * address it has never seen gets a mailbox when the first message arrives, so a new mailbox tells that mail
 * arrived, and the message's own Received header gives the time to the second.
 */
public final class MailStandIn {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");
    private static final Pattern ACK_LINK = Pattern.compile("http://localhost:8083/ack/[A-Za-z0-9._~%-]+");
    private static final Pattern RECEIVED = Pattern.compile("(?m)^Received:(?:.|\\r?\\n[ \\t])*?;\\s*([^\\r\\n]+)");

    /** One message in a mailbox; {@code uid} is unique within the mailbox. */
    public record Mail(String recipient, String uid, String subject, String mime) {

        /** The Message-ID header, or an empty string. */
        public String messageId() {
            Matcher m = MESSAGE_ID.matcher(mime);
            return m.find() ? m.group(1) : "";
        }

        /** The local run's ack link in the body (quoted-printable undone), or null. */
        public String ackLink() {
            String decoded = mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
            Matcher m = ACK_LINK.matcher(decoded);
            return m.find() ? m.group() : null;
        }

        /** When the server received it: the first Received header (RFC 5322, whole seconds), or -1. */
        public long receivedMillis() {
            return MailStandIn.receivedMillis(mime);
        }
    }

    private static final String BASE = LocalEndpoints.MAIL;

    private final HttpJson http;

    /** Reads the local run's SMTP server. */
    public MailStandIn(HttpJson http) {
        this.http = http;
    }

    /** Every address the server holds a mailbox for. */
    public List<String> mailboxes() throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (JsonNode user : http.call("GET", BASE + "/api/user", null, null, 200)) {
            out.add(user.path("email").asText());
        }
        return out;
    }

    /** The addresses with a mailbox that start with {@code prefix} (a new one means mail has arrived for it). */
    public List<String> mailboxes(String prefix) throws IOException, InterruptedException {
        return mailboxes().stream().filter(a -> a.startsWith(prefix)).toList();
    }

    /** The messages in one mailbox; none for an address the server does not know (it answers 400). */
    public List<Mail> inbox(String address) throws IOException, InterruptedException {
        HttpResponse<String> r = http.exchange("GET", mailbox(address) + "/messages/INBOX", null, null, null);
        if (r.statusCode() == 400 || r.statusCode() == 404) {
            return List.of();
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + address + "'s inbox answered " + r.statusCode() + ": " + r.body());
        }
        List<Mail> out = new ArrayList<>();
        for (JsonNode m : HttpJson.JSON.readTree(r.body())) {
            out.add(new Mail(address, m.path("uid").asText(), m.path("subject").asText(),
                    m.path("mimeMessage").asText()));
        }
        return out;
    }

    /** Every message in every mailbox. */
    public List<Mail> all() throws IOException, InterruptedException {
        List<Mail> out = new ArrayList<>();
        for (String address : mailboxes()) {
            out.addAll(inbox(address));
        }
        return out;
    }

    /** Messages whose subject contains {@code marker}. */
    public List<Mail> withSubject(String marker) throws IOException, InterruptedException {
        return all().stream().filter(m -> m.subject().contains(marker)).toList();
    }

    /** Deletes a mailbox and its messages (an unknown one is already gone). */
    public void drop(String address) throws IOException, InterruptedException {
        http.call("DELETE", mailbox(address), null, null, 200, 400, 404);
    }

    private String mailbox(String address) {
        return BASE + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }

    /** The date of the first Received header of a MIME message (RFC 5322, whole seconds), or -1. */
    static long receivedMillis(String mime) {
        Matcher m = RECEIVED.matcher(mime);
        if (!m.find()) {
            return -1;
        }
        try {
            return ZonedDateTime.parse(m.group(1).strip().replaceAll("\\s*\\(.*\\)$", ""),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
