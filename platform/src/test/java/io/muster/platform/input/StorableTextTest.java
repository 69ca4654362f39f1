package io.muster.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void nulAndUnpairedSurrogatesCannotBeStoredButOtherOddCharactersCan() {
        assertThat(StorableText.problemWith("a\u0000")).contains("NUL");
        assertThat(StorableText.problemWith("\ud800")).contains("U+D800");
        assertThat(StorableText.problemWith("x\udfff")).contains("U+DFFF");
        assertThat(StorableText.problemWith("\ud800\ud800")).contains("U+D800");
        assertThat(StorableText.problemWith("\u0001\u200b\ufeff\u202e\ud83d\udd25 \u00e9")).isNull();
        assertThat(StorableText.problemWith("")).isNull();
        assertThat(StorableText.problemWith(null)).isNull();
    }

    @Test
    void onlyTheCanonicalUuidFormIsAccepted() {
        assertThat(CanonicalUuids.isCanonical("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9")).isTrue();
        assertThat(CanonicalUuids.isCanonical("0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9")).isTrue();
        assertThat(CanonicalUuids.isCanonical("1-2-3-4-5")).isFalse();
        assertThat(CanonicalUuids.isCanonical("0f1e2d3c4b5a49788695a4b3c2d1e0f9")).isFalse();
        assertThat(CanonicalUuids.isCanonical("{0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9}")).isFalse();
        assertThat(CanonicalUuids.isCanonical("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9 ")).isFalse();
        assertThat(CanonicalUuids.isCanonical("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f")).isFalse();
    }
}
