package io.muster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.local.FormBody;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the local run's provider stand-ins received. The SNS stand-in (WireMock) logs every request with a
 * millisecond timestamp ({@code loggedDate}), so SMS times are precise. The SMTP stand-in (GreenMail) has no
 * receive time in its API: an address it has never seen gets a mailbox when the first message arrives, so polling
 * the user list for fresh addresses tells when mail arrived, to within the polling period.
 */
final class StandIns {

    /** One SMS the SNS stand-in received: its text, the number and when it arrived (epoch ms). */
    record Sms(String message, String phone, long loggedAtMillis) {
    }

    private static String pattern(String contains) {
        return "{\"method\":\"POST\",\"url\":\"/\",\"bodyPatterns\":[{\"contains\":\"Action=Publish\"},"
                + "{\"contains\":" + Api.quote(contains) + "}]}";
    }

    /** How many SMS whose form body contains {@code text} (url-encoded form: use only [a-z0-9-]). */
    static int countSms(String text) throws Exception {
        return Api.call("POST", Api.SNS + "/__admin/requests/count", null, pattern(text), 200).path("count").asInt();
    }

    static List<Sms> findSms(String text) throws Exception {
        JsonNode found = Api.call("POST", Api.SNS + "/__admin/requests/find", null, pattern(text), 200);
        List<Sms> out = new ArrayList<>();
        for (JsonNode r : found.path("requests")) {
            Map<String, String> form = FormBody.decode(r.path("body").asText());
            out.add(new Sms(form.getOrDefault("Message", ""), form.getOrDefault("PhoneNumber", ""),
                    r.path("loggedDate").asLong()));
        }
        return out;
    }

    /** Drops the bench's SMS from the stand-in's journal, which is held in memory and otherwise only grows. */
    static void forgetSms(String text) throws Exception {
        Api.call("POST", Api.SNS + "/__admin/requests/remove", null, pattern(text), 200);
    }

    /** Mailbox addresses GreenMail holds that start with {@code prefix}. */
    static List<String> mailboxes(String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode user : Api.call("GET", Api.MAIL + "/api/user", null, null, 200)) {
            String email = user.path("email").asText();
            if (email.startsWith(prefix)) {
                out.add(email);
            }
        }
        return out;
    }

    /** Subjects of the messages in one mailbox, with the second-resolution time from GreenMail's Received header. */
    static List<Map.Entry<String, Long>> mail(String address) throws Exception {
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        JsonNode messages = Api.call("GET", Api.MAIL + "/api/user/" + URLEncoder.encode(address,
                StandardCharsets.UTF_8) + "/messages/INBOX", null, null, 200, 400);
        for (JsonNode m : messages) {
            out.add(Map.entry(m.path("subject").asText(), receivedMillis(m.path("mimeMessage").asText())));
        }
        return out;
    }

    static void dropMailbox(String address) throws Exception {
        Api.call("DELETE", Api.MAIL + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8), null, null,
                200, 400, 404);
    }

    private static final Pattern RECEIVED = Pattern.compile("(?m)^Received:(?:.|\\r?\\n[ \\t])*?;\\s*([^\\r\\n]+)");

    /** The date of the first Received header (RFC 5322, whole seconds), or -1. */
    static long receivedMillis(String mime) {
        Matcher m = RECEIVED.matcher(mime);
        if (!m.find()) {
            return -1;
        }
        try {
            return java.time.ZonedDateTime.parse(m.group(1).strip().replaceAll("\\s*\\(.*\\)$", ""),
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return -1;
        }
    }

}
