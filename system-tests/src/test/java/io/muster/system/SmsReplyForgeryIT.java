package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muster.standin.LocalEndpoints;
import io.muster.standin.SnsStandIn;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMS replies reach notification-service as Amazon SNS notifications. Here the SNS stand-in also serves the signing
 * certificate (the local run trusts certificates from localhost only), so the test can sign messages exactly as SNS
 * does, and forge them as an attacker with their own AWS topic would.
 */
class SmsReplyForgeryIT {

    static final String ALLOWED_TOPIC = "arn:aws:sns:us-east-1:000000000000:muster-inbound-sms";
    static final String OTHER_ACCOUNTS_TOPIC = "arn:aws:sns:us-east-1:999999999999:muster-inbound-sms";
    static final Pattern ACK_CODE = Pattern.compile("ACK (\\d{6,8})");

    static PrivateKey signingKey;
    static String certUrl;
    static String certStub;

    @BeforeAll
    static void suite() throws Exception {
        Suite.up();
        Path dir = Files.createTempDirectory("sns-signer");
        Path store = dir.resolve("signer.p12");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "signer", "-alias", "sns",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=sns.amazonaws.com"));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "signer".toCharArray());
        }
        signingKey = (PrivateKey) keys.getKey("sns", "signer".toCharArray());
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getCertificate("sns").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        String path = "/SimpleNotificationService-" + UUID.randomUUID() + ".pem";
        ObjectNode stub = Suite.JSON.createObjectNode();
        stub.putObject("request").put("method", "GET").put("url", path);
        stub.putObject("response").put("status", 200).put("body", pem);
        HttpResponse<String> r = Suite.call("POST", LocalEndpoints.SNS + "/__admin/mappings", null, "application/json",
                stub.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        certStub = Suite.JSON.readTree(r.body()).path("id").asText();
        certUrl = LocalEndpoints.SNS + path;
    }

    @AfterAll
    static void removeCertificate() throws Exception {
        if (certStub != null) {
            Suite.SNS.removeStub(certStub);
        }
    }

    @Test
    void validlySignedRepliesFromAnotherTopicAndGuessedCodesNeverAcknowledge() throws Exception {
        Muster.Person person = Muster.people().values().stream().filter(p -> p.phone() != null).findFirst()
                .orElseThrow();
        String type = "sms-forgery-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Forgery check " + type;
        // CRITICAL pages on every channel at once, so the SMS with its code goes out without waiting for email.
        Muster.planFor(type, "CRITICAL", "[{\"contacts\":[\"" + person.id() + "\"],\"timeoutSeconds\":600}]");
        String incident = Muster.raise(title, type, "CRITICAL");
        List<SnsStandIn.Sms> paged = new ArrayList<>();
        Muster.await("the page's SMS to " + person.phone(), Duration.ofSeconds(60), () -> {
            paged.clear();
            Suite.SNS.published(title).stream().filter(s -> s.phone().equals(person.phone())).forEach(paged::add);
            return !paged.isEmpty();
        });
        Matcher m = ACK_CODE.matcher(paged.get(0).message());
        assertThat(m.find()).as("the SMS offers an ack code: %s", paged.get(0).message()).isTrue();
        String code = m.group(1);
        int refused = 0;

        // The right code, from the right number, validly signed: but by a topic of another AWS account.
        HttpResponse<String> forged = post(notification(OTHER_ACCOUNTS_TOPIC, person.phone(), "ACK " + code));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("TopicArn");
        refused++;
        // Nor does that topic get a subscription confirmed: the SubscribeURL it names is never called.
        String subscribePath = "/confirm-" + UUID.randomUUID();
        HttpResponse<String> subscribe = post(subscription(OTHER_ACCOUNTS_TOPIC, LocalEndpoints.SNS + subscribePath));
        assertThat(subscribe.statusCode()).as(subscribe.body()).isEqualTo(403);
        refused++;
        assertThat(Suite.call("GET", LocalEndpoints.SNS + "/__admin/requests", null, null, null).body())
                .doesNotContain(subscribePath);

        // A number nobody paged is ignored, whatever it sends.
        assertThat(outcome(post(notification(ALLOWED_TOPIC, "+15550009999", "ACK " + code)))).isEqualTo("not-paged");
        refused++;

        // Guessing from the paged number: five wrong codes lock its SMS acknowledgements, the right one included.
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(outcome(post(notification(ALLOWED_TOPIC, person.phone(), "ACK " + wrong)))).isEqualTo("wrong-code");
            refused++;
        }
        assertThat(outcome(post(notification(ALLOWED_TOPIC, person.phone(), "ACK " + code)))).isEqualTo("locked-out");
        refused++;
        assertThat(Muster.incident(incident).path("status").asText()).isEqualTo("TRIGGERED");

        Muster.resolve(incident);
        Summary.record("forged SMS acks", refused + " refused (validly signed from another account's topic, its "
                + "subscription, an unpaged number, 5 guesses, the right code during the lockout), 0 acknowledged");
    }

    private static String outcome(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Suite.JSON.readTree(r.body()).path("result").asText();
    }

    private static HttpResponse<String> post(ObjectNode message) throws Exception {
        return Suite.call("POST", Suite.url("notification-service", "/api/v1/sns/inbound"), null, "text/plain",
                message.toString());
    }

    /** An inbound SMS as SNS delivers it to an https subscriber, signed (SignatureVersion 2). */
    private static ObjectNode notification(String topic, String from, String text) throws Exception {
        ObjectNode sms = Suite.JSON.createObjectNode().put("originationNumber", from)
                .put("destinationNumber", "+15550100000").put("messageKeyword", "ACK").put("messageBody", text)
                .put("inboundMessageId", UUID.randomUUID().toString());
        ObjectNode m = Suite.JSON.createObjectNode().put("Type", "Notification")
                .put("MessageId", UUID.randomUUID().toString()).put("TopicArn", topic)
                .put("Message", sms.toString()).put("Timestamp", Instant.now().toString());
        return signed(m, "Message", "MessageId", "Timestamp", "TopicArn", "Type");
    }

    private static ObjectNode subscription(String topic, String subscribeUrl) throws Exception {
        ObjectNode m = Suite.JSON.createObjectNode().put("Type", "SubscriptionConfirmation")
                .put("MessageId", UUID.randomUUID().toString()).put("Token", UUID.randomUUID().toString())
                .put("TopicArn", topic).put("Message", "You have chosen to subscribe to the topic " + topic)
                .put("SubscribeURL", subscribeUrl).put("Timestamp", Instant.now().toString());
        return signed(m, "Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
    }

    /** SNS's string to sign: each signed field's name and value on their own lines, in this order. */
    private static ObjectNode signed(ObjectNode m, String... fields) throws Exception {
        StringBuilder toSign = new StringBuilder();
        for (String f : fields) {
            toSign.append(f).append('\n').append(m.path(f).asText()).append('\n');
        }
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(signingKey);
        signer.update(toSign.toString().getBytes(StandardCharsets.UTF_8));
        return m.put("SignatureVersion", "2").put("Signature", Base64.getEncoder().encodeToString(signer.sign()))
                .put("SigningCertURL", certUrl);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("keytool: %s", out).isTrue();
    }
}
