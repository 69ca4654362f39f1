package io.muster.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailStandInTest {

    @Test
    void takesTheReceiveTimeFromTheFirstReceivedHeaderToTheSecond() {
        String mime = "Return-Path: <muster@localhost>\r\n"
                + "Received: from 127.0.0.1 (HELO localhost); Tue, 24 Nov 2026 19:42:13 +0000 (UTC)\r\n"
                + "Received: from elsewhere; Tue, 24 Nov 2026 19:40:00 +0000\r\n"
                + "Subject: [CRITICAL] fan-abc\r\n\r\nbody";
        assertEquals(Instant.parse("2026-11-24T19:42:13Z").toEpochMilli(), MailStandIn.receivedMillis(mime));
        assertEquals(-1, MailStandIn.receivedMillis("Subject: no received header\r\n\r\nbody"));
    }

    @Test
    void findsTheAckLinkAcrossQuotedPrintableSoftBreaks() {
        String mime = "Message-ID: <42.muster@localhost>\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Acknowledge: <a href=3D\"http://localhost:8083/ack/abc.DEF_12=\r\n3-xyz\">here</a>";
        MailStandIn.Mail mail = new MailStandIn.Mail("ops@example.com", "1", "[CRITICAL] x", mime);
        assertEquals("http://localhost:8083/ack/abc.DEF_123-xyz", mail.ackLink());
        assertEquals("<42.muster@localhost>", mail.messageId());
        MailStandIn.Mail plain = new MailStandIn.Mail("ops@example.com", "2", "x", "Subject: x\r\n\r\nno link");
        assertNull(plain.ackLink());
        assertEquals("", plain.messageId());
    }
}
