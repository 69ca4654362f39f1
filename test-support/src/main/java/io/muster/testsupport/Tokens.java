package io.muster.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Real signed access tokens, shaped like Keycloak's (roles under {@code realm_access.roles}, audience
 * {@code muster}), signed with the key the test OIDC server publishes in its JWKS.
 */
public final class Tokens {

    public static final String ISSUER = "https://oidc.muster.test/realms/muster";
    public static final String AUDIENCE = "muster";
    private static final String SIGNING_KEY = "privateKey.jwk";
    private static final String KEY_ID = "1";

    private Tokens() {
    }

    /** A valid token for {@code subject} holding the given realm roles. */
    public static String token(String subject, String... roles) {
        return claims(subject, roles).jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    /** "Bearer " + a valid token for a user named after the first role. */
    public static String bearer(String... roles) {
        return "Bearer " + token(roles.length == 0 ? "nobody" : roles[0].replace("muster-", "") + "-user", roles);
    }

    public static String expired(String... roles) {
        Instant past = Instant.now().minusSeconds(7_200);
        return Jwt.issuer(ISSUER).subject("late-user").audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(past).expiresAt(past.plusSeconds(60))
                .jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    public static String wrongIssuer(String... roles) {
        return Jwt.issuer("https://elsewhere.example.com").subject("stranger").audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles))).expiresIn(3_600)
                .jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    public static String wrongAudience(String... roles) {
        return Jwt.issuer(ISSUER).subject("other-app-user").audience("some-other-app")
                .claim("realm_access", Map.of("roles", List.of(roles))).expiresIn(3_600)
                .jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    /** Right claims, signed with a key the OIDC server never published. */
    public static String forged(String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            return claims("forger", roles).jws().keyId(KEY_ID).sign(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .preferredUserName(subject)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(3_600);
    }
}
