package io.muster.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.muster.console.config.ConsoleConfig;

class CsrfGuardTest {

    private final CsrfGuard guard = guardFor("https://console.example.org");

    @Test
    void onlyTheConsolesOwnOriginMayPostAForm() {
        assertThat(guard.fromOwnOrigin("https://console.example.org", null)).isTrue();
        assertThat(guard.fromOwnOrigin("https://CONSOLE.example.org:443", null)).isFalse();
        assertThat(guard.fromOwnOrigin("https://console.example.org.evil.test", null)).isFalse();
        assertThat(guard.fromOwnOrigin("http://console.example.org", null)).isFalse();
        assertThat(guard.fromOwnOrigin("https://console.example.org:8443", null)).isFalse();
        // A sandboxed or privacy-stripped request says "null": never ours.
        assertThat(guard.fromOwnOrigin("null", "https://console.example.org/incidents")).isFalse();
    }

    @Test
    void withoutAnOriginTheRefererDecidesAndWithNeitherTheWriteIsRefused() {
        assertThat(guard.fromOwnOrigin(null, "https://console.example.org/incidents/new")).isTrue();
        assertThat(guard.fromOwnOrigin(null, "https://console.example.org:443/x")).isTrue();
        assertThat(guard.fromOwnOrigin(null, "https://elsewhere.test/console.example.org")).isFalse();
        assertThat(guard.fromOwnOrigin(null, "not a uri at all")).isFalse();
        assertThat(guard.fromOwnOrigin(null, null)).isFalse();
        assertThat(guard.fromOwnOrigin("", "")).isFalse();
    }

    @Test
    void theFormFieldMustMatchTheCookieExactly() {
        String token = "a".repeat(43);
        assertThat(CsrfToken.matches(token, token)).isTrue();
        assertThat(CsrfToken.matches(token, token + "b")).isFalse();
        assertThat(CsrfToken.matches(null, token)).isFalse();
        assertThat(CsrfToken.matches(token, null)).isFalse();
        assertThat(CsrfToken.matches(null, null)).isFalse();
    }

    private static CsrfGuard guardFor(String publicUrl) {
        CsrfGuard g = new CsrfGuard();
        g.config = new ConsoleConfig() {
            public URI publicUrl() { return URI.create(publicUrl); }
            public URI directoryUrl() { return null; }
            public URI escalationUrl() { return null; }
            public URI notificationUrl() { return null; }
            public URI gamedayUrl() { return null; }
            public java.util.Optional<URI> ingestUrl() { return java.util.Optional.empty(); }
            public Duration callTimeout() { return Duration.ofSeconds(1); }
        };
        return g;
    }
}
