package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's game day, run as a security team runs it: a live drill with the incident commander made
 * on call unavailable, on the default plan, must page, ignore that commander's acknowledgement, page the next
 * holder on the commander role's own path, end when every role is covered, and leave a scorecard and a report page.
 */
class DrillIT {

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
    }

    @Test
    void aLiveDrillWithTheCommanderUnavailableEscalatesAndIsScored() throws Exception {
        String out = Suite.runner("drill", Duration.ofMinutes(5));
        System.out.println(out);
        assertThat(out)
                .containsPattern("Response team for credential-compromise / HIGH")
                .containsPattern("injected fault: .+, the incident-commander on call, is unavailable")
                .containsPattern("ack +.* answers through the email link \\(GET 200, POST 200\\)")
                .contains("ack-ignored")
                .contains("role-escalated")
                .containsPattern("The run ended: COMPLETED.*ALL_ROLES_ACKED")
                .containsPattern("incident-commander +ACKED")
                .containsPattern("escalation taken +.*incident-commander's own path, step 1 -> 2 \\(timeout\\)")
                .containsPattern("acks ignored by the injected fault: [1-9]")
                .containsPattern("readiness score +\\d+ / 100")
                .contains("Result: drill passed");
        Matcher report = Pattern.compile("Report page .*: (\\S+\\.html)").matcher(out);
        assertThat(report.find()).as("the drill names its report page").isTrue();
        String html = Files.readString(Path.of(report.group(1)));
        assertThat(html).containsIgnoringCase("<html").contains("incident-commander").contains("unavailable")
                .contains("Acknowledgements counted / ignored");
    }
}
