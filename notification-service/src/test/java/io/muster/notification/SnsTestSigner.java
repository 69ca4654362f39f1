package io.muster.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import io.muster.contracts.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signs SNS HTTP messages the way SNS does, with a certificate made for the test run by the JDK's keytool and
 * served by the SNS stand-in. The string to sign is built here from the AWS documentation, independently of the
 * service's own code.
 */
final class SnsTestSigner {

    /** The topic the test profile takes inbound messages from. */
    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:muster-inbound-sms";
    /** Someone else's topic in another AWS account: SNS signs its messages with the very same certificate. */
    static final String OTHER_TOPIC = "arn:aws:sns:eu-west-1:210987654321:muster-inbound-sms";
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static PrivateKey key;
    private static String certUrl;

    private SnsTestSigner() {
    }

    static synchronized String certUrl() {
        init();
        return certUrl;
    }

    private static synchronized void init() {
        if (key != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("sns-test-cert");
            Path store = dir.resolve("sns.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=sns.eu-west-1.amazonaws.com.test", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keyStore.load(in, PASSWORD);
            }
            key = (PrivateKey) keyStore.getKey("sns", PASSWORD);
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate("sns");
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            String path = "/SimpleNotificationService-" + UUID.randomUUID() + ".pem";
            ProviderStandIns.sns().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/x-pem-file").withBody(pem)));
            certUrl = "http://localhost:" + ProviderStandIns.sns().port() + path;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test signing certificate", e);
        }
    }

    /** An inbound-SMS notification as SNS delivers it (SignatureVersion 2). */
    static Map<String, String> smsNotification(String from, String text) {
        return smsNotification(TOPIC, from, text);
    }

    static Map<String, String> smsNotification(String topic, String from, String text) {
        String sms = EventJson.mapper().createObjectNode()
                .put("originationNumber", from)
                .put("destinationNumber", "+447700900000")
                .put("messageKeyword", "ACK")
                .put("messageBody", text)
                .put("inboundMessageId", UUID.randomUUID().toString())
                .put("previousPublishedMessageId", UUID.randomUUID().toString())
                .toString();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Type", "Notification");
        m.put("MessageId", UUID.randomUUID().toString());
        m.put("TopicArn", topic);
        m.put("Message", sms);
        m.put("Timestamp", "2026-11-24T03:14:07.000Z");
        m.put("SignatureVersion", "2");
        m.put("SigningCertURL", certUrl());
        m.put("UnsubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe");
        m.put("Signature", sign(m, "SHA256withRSA"));
        return m;
    }

    /** The subscription handshake (SignatureVersion 1, as older subscriptions still use). */
    static Map<String, String> subscriptionConfirmation(String subscribeUrl, String token) {
        return confirmation("SubscriptionConfirmation", TOPIC, subscribeUrl, token);
    }

    /** SubscriptionConfirmation or UnsubscribeConfirmation of a topic; both sign the same fields. */
    static Map<String, String> confirmation(String type, String topic, String subscribeUrl, String token) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Type", type);
        m.put("MessageId", UUID.randomUUID().toString());
        m.put("Token", token);
        m.put("TopicArn", topic);
        m.put("Message", "You have chosen to subscribe to the topic " + topic + ". To confirm, visit the SubscribeURL.");
        m.put("SubscribeURL", subscribeUrl);
        m.put("Timestamp", "2026-11-24T03:10:00.000Z");
        m.put("SignatureVersion", "1");
        m.put("SigningCertURL", certUrl());
        m.put("Signature", sign(m, "SHA1withRSA"));
        return m;
    }

    static String sign(Map<String, String> m, String algorithm) {
        init();
        String[] fields = "Notification".equals(m.get("Type"))
                ? new String[] {"Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"}
                : new String[] {"Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"};
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            if (m.containsKey(field)) {
                text.append(field).append('\n').append(m.get(field)).append('\n');
            }
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Map<String, String> message) {
        try {
            return EventJson.mapper().writeValueAsString(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
