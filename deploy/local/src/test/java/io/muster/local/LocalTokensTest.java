package io.muster.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokensTest {

    @TempDir
    Path keys;

    @Test
    void mintedTokensVerifyWithThePublishedKeyAndCarryRolesAndAudience() throws Exception {
        String publicKey = LocalTokens.publicKey(keys);
        String token = LocalTokens.mint(keys, "alice@muster.local", List.of("muster-admin"), 600);
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);

        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"aud\":\"muster\"")
                .contains("\"iss\":\"" + LocalTokens.ISSUER + "\"")
                .contains("\"realm_access\":{\"roles\":[\"muster-admin\"]}")
                .contains("\"sub\":\"alice@muster.local\"");
    }

    @Test
    void theKeyPairIsMadeOnceAndReused() throws Exception {
        assertThat(LocalTokens.publicKey(keys)).isEqualTo(LocalTokens.publicKey(keys));
    }

    @Test
    void aTamperedTokenNoLongerVerifies() throws Exception {
        String publicKey = LocalTokens.publicKey(keys);
        String token = LocalTokens.mint(keys, "bob", List.of("muster-viewer"), 600);
        String[] parts = token.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("muster-viewer", "muster-admin").getBytes(StandardCharsets.UTF_8));
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + forgedClaims).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    }
}
