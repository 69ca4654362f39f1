package io.muster.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.local.FormBody;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the providers' stand-ins received, read through their own APIs: the SNS stand-in's request journal
 * (WireMock) and the SMTP server's mailboxes (GreenMail). This is what a person would have got on their phone.
 */
final class StandIns {

    static final String SNS = "http://localhost:8091";
    static final String MAIL = "http://localhost:8090";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");
    private static final Pattern ACK_LINK = Pattern.compile("http://localhost:8083/ack/[A-Za-z0-9._~%-]+");

    private StandIns() {
    }

    /** One SNS Publish the stand-in answered; {@code status} is the HTTP status it answered with. */
    record Sms(String id, String phone, String message, int status) {
        boolean delivered() {
            return status == 200;
        }
    }

    /** One email in a mailbox of the SMTP server. */
    record Mail(String recipient, String subject, String messageId, String mime) {
        /** The ack link in the email's body (quoted-printable undone). */
        String ackLink() {
            String decoded = mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
            Matcher m = ACK_LINK.matcher(decoded);
            return m.find() ? m.group() : null;
        }
    }

    /** Every SNS Publish the stand-in received so far, delivered or answered with an error. */
    static List<Sms> sms() throws Exception {
        HttpResponse<String> r = Suite.call("GET", SNS + "/__admin/requests", null, null, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("SNS stand-in journal: " + r.statusCode());
        }
        List<Sms> out = new ArrayList<>();
        for (JsonNode event : Suite.JSON.readTree(r.body()).path("requests")) {
            String body = event.path("request").path("body").asText();
            if (!body.contains("Action=Publish")) {
                continue;
            }
            Map<String, String> form = FormBody.decode(body);
            out.add(new Sms(event.path("id").asText(), form.getOrDefault("PhoneNumber", ""),
                    form.getOrDefault("Message", ""), event.path("response").path("status").asInt()));
        }
        return out;
    }

    /** Every email in every mailbox of the SMTP server. */
    static List<Mail> mail() throws Exception {
        List<Mail> out = new ArrayList<>();
        for (JsonNode user : get(MAIL + "/api/user")) {
            String email = user.path("email").asText();
            for (JsonNode message : get(MAIL + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "/messages/INBOX")) {
                String mime = message.path("mimeMessage").asText();
                Matcher id = MESSAGE_ID.matcher(mime);
                out.add(new Mail(email, message.path("subject").asText(), id.find() ? id.group(1) : "", mime));
            }
        }
        return out;
    }

    /** SMS whose text contains {@code marker}. */
    static List<Sms> sms(String marker) throws Exception {
        return sms().stream().filter(s -> s.message().contains(marker)).toList();
    }

    /** Emails whose subject contains {@code marker}. */
    static List<Mail> mail(String marker) throws Exception {
        return mail().stream().filter(m -> m.subject().contains(marker)).toList();
    }

    /**
     * Makes the SNS stand-in answer every Publish with an SNS InternalError (HTTP 500), ahead of its normal answer;
     * returns the stub's id for {@link #removeStub(String)}.
     */
    static String failSms() throws Exception {
        String stub = """
                {"priority":1,"request":{"method":"POST","url":"/","bodyPatterns":[{"contains":"Action=Publish"}]},
                 "response":{"status":500,"headers":{"Content-Type":"text/xml"},
                   "body":"<ErrorResponse xmlns=\\"http://sns.amazonaws.com/doc/2010-03-31/\\"><Error><Type>Receiver</Type><Code>InternalError</Code><Message>system test: SNS is down</Message></Error><RequestId>5e7e0000-0000-4000-8000-000000000500</RequestId></ErrorResponse>"}}""";
        HttpResponse<String> r = Suite.call("POST", SNS + "/__admin/mappings", null, "application/json", stub);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("adding the failing SNS stub: " + r.statusCode() + " " + r.body());
        }
        return Suite.JSON.readTree(r.body()).path("id").asText();
    }

    static void removeStub(String id) throws Exception {
        HttpResponse<String> r = Suite.call("DELETE", SNS + "/__admin/mappings/" + id, null, null, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("removing SNS stub " + id + ": " + r.statusCode());
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = Suite.call("GET", url, null, null, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + r.statusCode() + " " + r.body());
        }
        return Suite.JSON.readTree(r.body());
    }

}
