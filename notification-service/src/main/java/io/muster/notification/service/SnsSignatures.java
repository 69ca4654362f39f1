package io.muster.notification.service;

import io.muster.notification.config.NotificationConfig;
import io.muster.notification.domain.SnsMessage;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks that a message really comes from SNS: the signing certificate must come from an SNS host (over https in
 * production), and its key must verify the signature over the message's string to sign (SHA1withRSA for
 * SignatureVersion 1, SHA256withRSA for 2). Certificates are cached by URL.
 */
@ApplicationScoped
public class SnsSignatures {

    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    NotificationConfig config;

    public void verify(SnsMessage message) {
        String algorithm = switch (message.signatureVersion() == null ? "" : message.signatureVersion()) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw refused("SignatureVersion", "must be 1 or 2");
        };
        if (message.signature() == null || message.type() == null || message.messageId() == null
                || message.timestamp() == null || message.topicArn() == null) {
            throw refused("Signature", "the message lacks fields SNS always signs");
        }
        X509Certificate certificate = certificate(message.signingCertUrl());
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message.stringToSign().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(message.signature()))) {
                throw refused("Signature", "does not match the message");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused("Signature", "cannot be verified: " + e.getMessage());
        }
    }

    /** An https URL on an SNS host (the same rule guards the subscription URL we are asked to call). */
    public URI trustedSnsUrl(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url);
        } catch (IllegalArgumentException e) {
            throw refused(field, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        boolean schemeOk = scheme.equals("https") || (!config.snsInbound().requireHttps() && scheme.equals("http"));
        if (!schemeOk || uri.getHost() == null
                || !Pattern.matches(config.snsInbound().certHostPattern(), uri.getHost())) {
            throw refused(field, "must be an https URL on an Amazon SNS host");
        }
        return uri;
    }

    private X509Certificate certificate(String url) {
        URI uri = trustedSnsUrl(url, "SigningCertURL");
        if (!uri.getPath().endsWith(".pem")) {
            throw refused("SigningCertURL", "must name a .pem certificate");
        }
        X509Certificate cached = certificates.get(url);
        if (cached != null) {
            return cached;
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw refused("SigningCertURL", "certificate not available (" + response.statusCode() + ")");
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
            certificate.checkValidity();
            certificates.put(url, certificate);
            return certificate;
        } catch (Refusal e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("SigningCertURL", "interrupted while fetching the certificate");
        } catch (Exception e) {
            throw refused("SigningCertURL", "certificate cannot be fetched or read: " + e.getMessage());
        }
    }

    public static Refusal refused(String field, String message) {
        return Refusal.titled(Refusal.Kind.FORBIDDEN, "sns-message-refused", "SNS message refused",
                field + ": " + message, field, message);
    }
}
