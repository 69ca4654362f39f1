package io.muster.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the SNS stand-in (WireMock speaking the SNS Query protocol) received, read through WireMock's admin API, and
 * the one fault the tests inject into it. WireMock logs every request with a millisecond timestamp
 * ({@code loggedDate}), so SMS times are precise. The journal is held in memory and only grows unless trimmed.
 */
public final class SnsStandIn {

    /**
     * One SNS Publish the stand-in received: {@code status} is the HTTP status it answered with, 0 where the query
     * used does not say ({@link #containing(String)}).
     */
    public record Sms(String id, String phone, String message, long loggedAtMillis, int status) {

        public Instant at() {
            return Instant.ofEpochMilli(loggedAtMillis);
        }

        /** Whether the stand-in accepted it (a person would have got it on their phone). */
        public boolean delivered() {
            return status == 200;
        }
    }

    private static final String BASE = LocalEndpoints.SNS;

    private final HttpJson http;

    /** Reads the local run's SNS stand-in. */
    public SnsStandIn(HttpJson http) {
        this.http = http;
    }

    /** Every Publish the stand-in received so far, accepted or answered with an error, oldest first. */
    public List<Sms> published() throws IOException, InterruptedException {
        List<Sms> out = new ArrayList<>();
        for (JsonNode event : http.call("GET", BASE + "/__admin/requests", null, null, 200).path("requests")) {
            JsonNode request = event.path("request");
            String body = request.path("body").asText();
            if (body.contains("Action=Publish")) {
                out.add(sms(event.path("id").asText(), body, request.path("loggedDate").asLong(),
                        event.path("response").path("status").asInt()));
            }
        }
        out.sort(Comparator.comparingLong(Sms::loggedAtMillis));
        return out;
    }

    /** Publishes whose text contains {@code marker}, oldest first. */
    public List<Sms> published(String marker) throws IOException, InterruptedException {
        return published().stream().filter(s -> s.message().contains(marker)).toList();
    }

    /**
     * Publishes whose form body contains {@code text}, matched by the stand-in itself (cheap on a large journal).
     * The body is url-encoded, so use only {@code [a-z0-9-]} in {@code text}.
     */
    public List<Sms> containing(String text) throws IOException, InterruptedException {
        List<Sms> out = new ArrayList<>();
        for (JsonNode r : http.call("POST", BASE + "/__admin/requests/find", null, publishContaining(text), 200)
                .path("requests")) {
            out.add(sms(r.path("id").asText(""), r.path("body").asText(), r.path("loggedDate").asLong(), 0));
        }
        return out;
    }

    /** How many Publishes contain {@code text} (as {@link #containing(String)}, without reading them). */
    public int count(String text) throws IOException, InterruptedException {
        return http.call("POST", BASE + "/__admin/requests/count", null, publishContaining(text), 200)
                .path("count").asInt();
    }

    /** Drops the Publishes containing {@code text} from the journal. */
    public void forget(String text) throws IOException, InterruptedException {
        http.call("POST", BASE + "/__admin/requests/remove", null, publishContaining(text), 200);
    }

    /**
     * Makes the stand-in answer every Publish with an SNS InternalError (HTTP 500), ahead of its normal answer;
     * returns the stub's id for {@link #removeStub(String)}.
     */
    public String failEveryPublish(String why) throws IOException, InterruptedException {
        String error = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Receiver</Type>"
                + "<Code>InternalError</Code><Message>" + why + "</Message></Error>"
                + "<RequestId>5e7e0000-0000-4000-8000-000000000500</RequestId></ErrorResponse>";
        String stub = """
                {"priority":1,"request":{"method":"POST","url":"/","bodyPatterns":[{"contains":"Action=Publish"}]},
                 "response":{"status":500,"headers":{"Content-Type":"text/xml"},"body":%s}}"""
                .formatted(HttpJson.quote(error));
        HttpResponse<String> r = http.exchange("POST", BASE + "/__admin/mappings", null, "application/json", stub);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("adding the failing SNS stub: " + r.statusCode() + " " + r.body());
        }
        return HttpJson.JSON.readTree(r.body()).path("id").asText();
    }

    public void removeStub(String id) throws IOException, InterruptedException {
        http.call("DELETE", BASE + "/__admin/mappings/" + id, null, null, 200);
    }

    private static Sms sms(String id, String body, long loggedAtMillis, int status) {
        Map<String, String> form = FormBody.decode(body);
        return new Sms(id, form.getOrDefault("PhoneNumber", ""), form.getOrDefault("Message", ""), loggedAtMillis,
                status);
    }

    private static String publishContaining(String text) {
        return "{\"method\":\"POST\",\"url\":\"/\",\"bodyPatterns\":[{\"contains\":\"Action=Publish\"},"
                + "{\"contains\":" + HttpJson.quote(text) + "}]}";
    }
}
