package io.muster.notification.service;

import io.muster.notification.config.NotificationConfig;
import io.muster.notification.domain.AckToken;
import io.muster.platform.domain.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, single-use, expiring ack links: {@code <pageId>.<nonce>.<expiry>.<HMAC-SHA256>}. The signature makes a
 * link unforgeable without the key; the stored nonce makes it usable once; the expiry bounds a leaked link.
 */
@ApplicationScoped
public class AckLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        if (config.ackLinkSecret().length() < 32) {
            throw new IllegalStateException("muster.notification.ack-link-secret must have at least 32 characters");
        }
        key = new SecretKeySpec(config.ackLinkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A link for the page, stored so it can be used once; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(UUID pageId) {
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        AckToken token = new AckToken();
        token.nonce = B64.encodeToString(nonceBytes);
        token.pageId = pageId;
        token.expiresAt = clock.instant().plus(config.ackLinkTtl());
        token.persist();
        return config.publicBaseUrl() + "/ack/" + sign(pageId, token.nonce, token.expiresAt);
    }

    String sign(UUID pageId, String nonce, Instant expiresAt) {
        String claims = pageId + "." + nonce + "." + expiresAt.getEpochSecond();
        return claims + "." + B64.encodeToString(mac(claims));
    }

    /** The token's claims when its signature is good; a 404 problem otherwise (no hint which part is wrong). */
    public Claims verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length == 4) {
            String claims = parts[0] + "." + parts[1] + "." + parts[2];
            byte[] given;
            try {
                given = Base64.getUrlDecoder().decode(parts[3]);
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
            if (MessageDigest.isEqual(mac(claims), given)) {
                try {
                    return new Claims(UUID.fromString(parts[0]), parts[1],
                            Instant.ofEpochSecond(Long.parseLong(parts[2])));
                } catch (IllegalArgumentException e) {
                    throw invalid();
                }
            }
        }
        throw invalid();
    }

    private static Refusal invalid() {
        return Refusal.titled(Refusal.Kind.NOT_FOUND, "ack-link-invalid", "Ack link not valid",
                "this acknowledgement link is not one Muster issued", "token", "not a valid ack link");
    }

    private byte[] mac(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(claims.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public record Claims(UUID pageId, String nonce, Instant expiresAt) {
    }
}
