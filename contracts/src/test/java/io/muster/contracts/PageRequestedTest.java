package io.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.contracts.pages.PageRequested;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The named factories build the same record (and so the same JSON) as the positional constructor. */
class PageRequestedTest {

    private static final PageRequested.About ABOUT = new PageRequested.About(GoldenSamples.INCIDENT,
            Severity.CRITICAL, "Credential stuffing against SSO", "4,000 failed logins a minute", false, false,
            Set.of(), true, true);

    @Test
    void aStagePageFromItsFactoryIsTheGoldenSamplesPage() {
        PageRequested golden = GoldenSamples.expected().get("page-requested").payloadAs(PageRequested.class);
        PageRequested built = PageRequested.forStage(GoldenSamples.PAGE, GoldenSamples.CONTACT, "incident-commander",
                1, 0, ABOUT);
        assertThat(built).isEqualTo(golden);
        assertThat(EventJson.mapper().valueToTree(built).toString())
                .isEqualTo(EventJson.mapper().valueToTree(golden).toString());
    }

    @Test
    void aNoticeExpectsNoAnswerAndIsTheFirstStageOfTheFirstRepetition() {
        UUID page = UUID.randomUUID();
        PageRequested notice = PageRequested.notice(page, GoldenSamples.CONTACT, null,
                new PageRequested.About(GoldenSamples.INCIDENT, Severity.LOW, "Status update", "contained", true,
                        true, Set.of(ChannelType.SMS), null, false));
        assertThat(notice).isEqualTo(new PageRequested(page, GoldenSamples.INCIDENT, GoldenSamples.CONTACT, null, 1,
                1, Severity.LOW, "Status update", "contained", true, true, true, Set.of(ChannelType.SMS), null,
                false));
        assertThat(notice.notifyOnly()).isTrue();
        assertThat(notice.channelDown(ChannelType.SMS)).isTrue();
    }
}
