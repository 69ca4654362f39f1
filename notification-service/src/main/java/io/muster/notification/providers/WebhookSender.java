package io.muster.notification.providers;

import io.muster.contracts.ChannelType;
import io.muster.notification.config.NotificationConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Pages to a WEBHOOK channel (a chat bot, an on-call bridge, a SOAR): the rendered JSON, POSTed to the channel's
 * https address. {@code Muster-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} lets the receiver
 * check that Muster sent it and when (so a replay can be refused), and {@code Idempotency-Key} is the attempt's
 * stable message key, the same on a re-send after a crash, so the receiver can drop a duplicate.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    public static final String SIGNATURE_HEADER = "Muster-Signature";

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    private HttpClient http;

    @PostConstruct
    void init() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.webhook().timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.webhook().trustedCertificates().ifPresent(pem -> builder.sslContext(trusting(pem)));
        http = builder.build();
    }

    @Override
    public ChannelType channel() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public String provider() {
        return "webhook";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        if (config.webhook().signingSecret().isEmpty()) {
            return new SendResult.Failed("NotConfigured", "no webhook signing secret is configured", false);
        }
        URI target;
        try {
            target = URI.create(message.address());
        } catch (IllegalArgumentException e) {
            return new SendResult.Failed("InvalidAddress", "not a URI: " + e.getMessage(), false);
        }
        if (!"https".equalsIgnoreCase(target.getScheme())) {
            return new SendResult.Failed("InvalidAddress", "webhooks are sent over https only", false);
        }
        String body = message.text();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.webhook().timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Muster-Webhook/1")
                .header("Idempotency-Key", message.messageKey())
                .header(SIGNATURE_HEADER, signature(config.webhook().signingSecret().get(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new SendResult.Sent(message.messageKey());
            }
            // Timeouts, throttling and server errors may pass; any other refusal will not.
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return new SendResult.Failed("HTTP " + status, "the receiver answered " + status, retryable);
        } catch (IOException e) {
            return new SendResult.Failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed("Interrupted", "the send was interrupted", true);
        }
    }

    /** The signature header value for a body sent at {@code timestamp}; receivers compute the same to check it. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static SSLContext trusting(java.nio.file.Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the webhook trusted certificates from " + pem, e);
        }
    }
}
