package io.muster.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local run's token issuer: an RSA key pair made once per local run, whose public half the services verify
 * tokens with ({@code QUARKUS_OIDC_PUBLIC_KEY}), and RS256 access tokens shaped like Keycloak's.
 * Usage: {@code LocalTokens keys <dir>} (prints the public key) or {@code LocalTokens mint <dir> <role> [subject]}.
 */
public final class LocalTokens {

    public static final String ISSUER = "https://muster.local/realms/muster";
    public static final String AUDIENCE = "muster";
    public static final Set<String> ROLES = Set.of("muster-admin", "muster-responder", "muster-viewer",
            "muster-integration", "muster-gameday");

    private LocalTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            System.out.println(publicKey(Path.of(args[1])));
        } else if (args.length >= 3 && args[0].equals("mint")) {
            if (!ROLES.contains(args[2])) {
                System.err.println("unknown role " + args[2] + "; one of " + ROLES.stream().sorted().toList());
                System.exit(2);
            }
            String subject = args.length > 3 ? args[3] : args[2].replace("muster-", "") + "@muster.local";
            System.out.println(mint(Path.of(args[1]), subject, List.of(args[2]), 12 * 3600));
        } else {
            System.err.println("usage: LocalTokens keys <dir> | mint <dir> <role> [subject]");
            System.exit(2);
        }
    }

    /** Creates the key pair on first use and returns the public key, base64 DER, as Quarkus OIDC expects it. */
    public static String publicKey(Path dir) throws Exception {
        Path pub = dir.resolve("public.key");
        if (!Files.exists(pub)) {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path priv = dir.resolve("private.key");
            Files.writeString(priv, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            priv.toFile().setReadable(false, false);
            priv.toFile().setReadable(true, true);
            Files.writeString(pub, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
        return Files.readString(pub).strip();
    }

    /** A valid token from the local issuer for {@code subject} with the given realm roles. */
    public static String mint(Path dir, String subject, List<String> roles, long lifetimeSeconds) throws Exception {
        long now = Instant.now().getEpochSecond();
        return mint(dir, ISSUER, AUDIENCE, subject, roles, now, now + lifetimeSeconds);
    }

    /** Any token the local key can sign, including ones the services must refuse (expired, other issuer). */
    public static String mint(Path dir, String issuer, String audience, String subject, List<String> roles,
            long issuedAt, long expiresAt) throws Exception {
        publicKey(dir);
        byte[] der = Base64.getDecoder().decode(Files.readString(dir.resolve("private.key")).strip());
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"muster-local\"}";
        String claims = "{\"iss\":\"" + json(issuer) + "\",\"sub\":\"" + json(subject)
                + "\",\"preferred_username\":\"" + json(subject) + "\",\"aud\":\"" + json(audience) + "\",\"iat\":"
                + issuedAt + ",\"exp\":" + expiresAt + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"realm_access\":{\"roles\":["
                + roles.stream().map(r -> "\"" + json(r) + "\"").collect(Collectors.joining(",")) + "]}}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rs256.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
