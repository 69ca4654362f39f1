package io.muster.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void readsTheSmsTextAndNumberFromAnSnsPublishForm() {
        Map<String, String> form = FormBody.decode("Action=Publish&Message=CRITICAL+incident%3A+rts-abc-s10-42"
                + "+Reply+ACK+482193+now&PhoneNumber=%2B15550000001&Version=2010-03-31&=nameless");
        assertEquals("CRITICAL incident: rts-abc-s10-42 Reply ACK 482193 now", form.get("Message"));
        assertEquals("+15550000001", form.get("PhoneNumber"));
        assertEquals("Publish", form.get("Action"));
        assertFalse(form.containsKey(""), "a pair without a name is skipped");
    }
}
