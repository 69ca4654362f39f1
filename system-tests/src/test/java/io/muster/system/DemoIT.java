package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's demo, run as a newcomer runs it, so that it cannot silently stop working. */
class DemoIT {

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
    }

    @Test
    void theDemoPagesEscalatesAndIsAcknowledgedByTheEmailLink() throws Exception {
        String out = Suite.runner("demo", Duration.ofMinutes(4));
        System.out.println(out);
        assertThat(out)
                .contains("Directory: 20 people in the demo organisation")
                .containsPattern("SMS +to \\+\\d+ \\(.*incident-commander")
                .containsPattern("email +to \\S+@\\S+ \\(")
                .contains("stage-timed-out")
                .containsPattern("ack +.* opened the link from the email \\(GET 200\\) and pressed Acknowledge \\(POST 200\\)")
                .contains("acknowledged; escalation stopped")
                .containsPattern("Response team for security-alert / CRITICAL")
                .containsPattern("stage 1 +incident-commander\\* +\\S")
                .contains("role-engaged")
                .containsPattern("Engagement by role .*: engaged")
                .containsPattern("legal-counsel\\* +ENGAGED +by ")
                .contains("every required role engaged yes")
                .containsPattern("Playbook for security-alert .*: \\d+ steps, phase DETECT")
                .contains("Phase changed to ANALYZE")
                .contains("Reclassified as credential-compromise")
                .containsPattern("Deadline clock: notify Information Commissioner's Office \\(regulator\\) within 72 h")
                .contains("playbook-step-done")
                .contains("phase-changed")
                .contains("stakeholder-update")
                .contains("playbook, phase and deadline clock yes")
                .contains("demo passed");
    }
}
