package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.notification.domain.AckReply;
import io.muster.notification.domain.SmsSegments;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7TextsGet160SeptetsAndExtensionCharactersCountTwice() {
        assertThat(SmsSegments.isGsm7("Disk full on db-1 @ 03:14 £5 Ärger")).isTrue();
        assertThat(SmsSegments.fitsOneSegment("a".repeat(160))).isTrue();
        assertThat(SmsSegments.fitsOneSegment("a".repeat(161))).isFalse();
        assertThat(SmsSegments.length("[x]")).isEqualTo(5);
        assertThat(SmsSegments.fitsOneSegment("[" + "a".repeat(158))).isTrue();
        assertThat(SmsSegments.fitsOneSegment("[" + "a".repeat(159))).isFalse();
    }

    @Test
    void oneCharacterOutsideGsm7MakesTheWholeTextUcs2With70Units() {
        assertThat(SmsSegments.isGsm7("Server down – again")).isFalse(); // en dash
        assertThat(SmsSegments.fitsOneSegment("–" + "a".repeat(69))).isTrue();
        assertThat(SmsSegments.fitsOneSegment("–" + "a".repeat(70))).isFalse();
    }

    @Test
    void theSummaryIsCutToFitAndTheRestOfTheMessageIsKept() {
        String text = SmsSegments.fit("x".repeat(300), s -> "[DRILL] HIGH Title: " + s + " Reply ACK 482193");
        assertThat(text).startsWith("[DRILL] HIGH Title: xxx").endsWith("... Reply ACK 482193");
        assertThat(SmsSegments.length(text)).isLessThanOrEqualTo(160).isGreaterThan(150);

        String ucs2 = SmsSegments.fit("Überlastung – " + "y".repeat(100), s -> "HIGH Title: " + s + " Reply ACK 482193");
        assertThat(ucs2).endsWith("... Reply ACK 482193").hasSizeLessThanOrEqualTo(70);

        assertThat(SmsSegments.fit("short", s -> "HIGH: " + s)).isEqualTo("HIGH: short");
    }

    @Test
    void whenEvenAnEmptySummaryDoesNotFitNothingIsDropped() {
        String longTitle = "t".repeat(200);
        assertThat(SmsSegments.fit("summary", s -> longTitle + " " + s)).isEqualTo(longTitle + " summary");
    }

    @Test
    void smsRepliesAreReadLeniently() {
        assertThat(AckReply.code("ACK 482193")).contains("482193");
        assertThat(AckReply.code(" ack482193 ")).contains("482193");
        assertThat(AckReply.code("Ack  48219377")).contains("48219377");
        assertThat(AckReply.code("ACK 4821")).contains("4821"); // read, and then matches no six-digit code
        assertThat(AckReply.code("ACK 48")).isEmpty();
        assertThat(AckReply.code("ACK 482193771")).isEmpty();
        assertThat(AckReply.code("yes 482193")).isEmpty();
        assertThat(AckReply.code(null)).isEmpty();
    }
}
