package io.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandInsTest {

    @Test
    void readsTheSmsTextAndNumberFromAnSnsPublishForm() {
        var form = StandIns.form("Action=Publish&Message=CRITICAL+incident%3A+rts-abc-s10-42+Reply+ACK+1234+now"
                + "&PhoneNumber=%2B15550000001&Version=2010-03-31");
        assertEquals("CRITICAL incident: rts-abc-s10-42 Reply ACK 1234 now", form.get("Message"));
        assertEquals("+15550000001", form.get("PhoneNumber"));
    }

    @Test
    void takesTheReceiveTimeFromTheFirstReceivedHeaderToTheSecond() {
        String mime = "Return-Path: <muster@localhost>\r\n"
                + "Received: from 127.0.0.1 (HELO localhost); Tue, 24 Nov 2026 19:42:13 +0000 (UTC)\r\n"
                + "Received: from elsewhere; Tue, 24 Nov 2026 19:40:00 +0000\r\n"
                + "Subject: [CRITICAL] fan-abc\r\n\r\nbody";
        assertEquals(Instant.parse("2026-11-24T19:42:13Z").toEpochMilli(), StandIns.receivedMillis(mime));
        assertEquals(-1, StandIns.receivedMillis("Subject: no received header\r\n\r\nbody"));
    }
}
