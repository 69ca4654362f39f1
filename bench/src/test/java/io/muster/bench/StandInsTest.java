package io.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandInsTest {

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
