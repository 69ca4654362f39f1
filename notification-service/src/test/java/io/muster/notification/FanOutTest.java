package io.muster.notification;

import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.form;
import static io.muster.notification.ProviderStandIns.mailTo;
import static io.muster.notification.ProviderStandIns.publishesTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.pages.ChannelVerificationRequested;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.providers.SmtpEmailSender;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FanOutTest {

    @Inject
    TestClock clock;

    @Test
    void aCriticalPageGoesToTheFirstTwoChannelsAtOnceThroughSignedSnsPublishAndSmtp() throws Exception {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = Fixtures.page(person, Severity.CRITICAL, false);
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 1 && mailTo(person.email()).size() == 1);

        LoggedRequest publish = publishesTo(person.phone()).get(0);
        assertThat(publish.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTESTMUSTER/")
                .contains("/eu-west-1/sns/aws4_request").contains("Signature=");
        Map<String, String> form = form(publish);
        assertThat(form).containsEntry("Action", "Publish").containsEntry("PhoneNumber", person.phone())
                .containsEntry("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType")
                .containsEntry("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        String sms = form.get("Message");
        assertThat(sms).startsWith("CRITICAL incident: Public S3 bucket").doesNotContain("[DRILL]")
                .containsPattern("Reply ACK \\d{6} now$");
        assertThat(sms.length()).isLessThanOrEqualTo(160);

        MimeMessage mail = mailTo(person.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("[CRITICAL] Public S3 bucket with customer exports");
        Parts parts = Parts.of(mail);
        assertThat(parts.text()).contains("bucket acme-exports is public since 02:14").contains("/ack/");
        assertThat(parts.html()).contains("<h2>Public S3 bucket with customer exports</h2>")
                .contains("Acknowledge now");
        assertThat(mail.getMessageID()).isEqualTo(SmtpEmailSender.messageId("page-" + page.pageId() + "-1"));
        assertThat(mailTo("unverified-" + person.email())).isEmpty();

        await().atMost(WAIT).until(() -> Fixtures.attempts(page.pageId()).stream()
                .allMatch(a -> a.state == AttemptState.SENT));
        List<EventEnvelope> sent = KafkaEvents.all(Topics.PAGES_STATUS, e -> e.payload() instanceof PageStatusChanged s
                && s.pageId().equals(page.pageId()) && s.status() == DeliveryStatus.SENT, 2, WAIT);
        assertThat(sent).extracting(e -> e.payloadAs(PageStatusChanged.class).channel())
                .containsExactlyInAnyOrder(ChannelType.SMS, ChannelType.EMAIL);
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void anOrdinaryPageStartsWithThePreferredChannelOnly() {
        Fixtures.Person person = Fixtures.person(ChannelType.EMAIL, ChannelType.SMS);
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);
        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1);
        await().atMost(WAIT).until(() -> Fixtures.attempts(page.pageId()).stream()
                .allMatch(a -> a.state == AttemptState.SENT));
        assertThat(Fixtures.attempts(page.pageId())).extracting(a -> a.channelType).containsExactly(ChannelType.EMAIL);
        assertThat(publishesTo(person.phone())).isEmpty();
    }

    @Test
    void aDuplicatedOrRedeliveredPageRequestSendsNothingTwice() {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = Fixtures.page(person, Severity.CRITICAL, false);
        EventEnvelope first = KafkaEvents.publish(page);
        KafkaEvents.republish(first); // the broker redelivers the same event
        KafkaEvents.publish(page); // the producer sent the same page again under a new event id
        // A later page for the same person marks the point by which the duplicates were consumed (same key).
        PageRequested marker = Fixtures.page(person, Severity.CRITICAL, false);
        KafkaEvents.publish(marker);
        await().atMost(WAIT).until(() -> Fixtures.attempts(marker.pageId()).stream()
                .filter(a -> a.state == AttemptState.SENT).count() == 2);
        await().atMost(WAIT).until(() -> Fixtures.attempts(page.pageId()).stream()
                .allMatch(a -> a.state == AttemptState.SENT));

        assertThat(Fixtures.attempts(page.pageId())).hasSize(2);
        assertThat(publishesTo(person.phone())).hasSize(2); // one for the page, one for the marker
        assertThat(mailTo(person.email())).hasSize(2);
    }

    @Test
    void drillsAreMarkedInTheSmsTheSubjectAndBothEmailParts() throws Exception {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = Fixtures.page(person, Severity.CRITICAL, true);
        KafkaEvents.publish(page);
        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 1 && mailTo(person.email()).size() == 1);

        assertThat(form(publishesTo(person.phone()).get(0)).get("Message")).startsWith("[DRILL] ");
        MimeMessage mail = mailTo(person.email()).get(0);
        assertThat(mail.getSubject()).startsWith("[DRILL] [CRITICAL]");
        Parts parts = Parts.of(mail);
        assertThat(parts.text()).startsWith("[DRILL]");
        assertThat(parts.html()).contains("<strong>[DRILL]</strong>");
    }

    @Test
    void aDrillIsMarkedOnceFromItsFlagNotItsTitle() throws Exception {
        Fixtures.Person person = Fixtures.person();
        PageRequested base = Fixtures.page(person, Severity.CRITICAL, true);
        PageRequested page = new PageRequested(base.pageId(), base.incidentId(), base.contactId(), base.roleKey(),
                base.stage(), base.cycle(), base.severity(), "Ransomware drill", base.summary(), true,
                false, false, Set.of());
        KafkaEvents.publish(page);
        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 1 && mailTo(person.email()).size() == 1);

        assertThat(form(publishesTo(person.phone()).get(0)).get("Message")).startsWith("[DRILL] ")
                .containsOnlyOnce("[DRILL]");
        assertThat(mailTo(person.email()).get(0).getSubject()).isEqualTo("[DRILL] [CRITICAL] Ransomware drill");
    }

    @Test
    void aLongSummaryIsCutSoTheSmsStaysOneSegment() {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = new PageRequested(UUID.randomUUID(), UUID.randomUUID(), person.contactId(),
                "incident-commander", 1, 0, Severity.HIGH, "Impossible travel for admin login",
                "Admin account j.doe signed in from Lisbon and from Singapore within 4 minutes; MFA prompts "
                        + "approved on both; session tokens issued to 3 devices; see SIEM case 8812 for details",
                false, false, false, Set.of());
        KafkaEvents.publish(page);
        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 1);
        String sms = form(publishesTo(person.phone()).get(0)).get("Message");
        assertThat(sms).hasSizeLessThanOrEqualTo(160).contains("Admin account j.doe").contains("...")
                .containsPattern("Reply ACK \\d{6}$");
    }

    @Test
    void aChannelVerificationIsAPlainMessageWithTheCodeAndNoAckLink() throws Exception {
        String phone = ProviderStandIns.uniquePhone();
        String email = ProviderStandIns.uniqueEmail();
        UUID contact = UUID.randomUUID();
        // A code that expired while waiting in the topic is not worth sending (same key, so consumed first).
        String latePhone = ProviderStandIns.uniquePhone();
        KafkaEvents.publish(new ChannelVerificationRequested(UUID.randomUUID(), contact, UUID.randomUUID(),
                ChannelType.SMS, latePhone, "000111", clock.instant().minusSeconds(1)));
        ChannelVerificationRequested bySms = new ChannelVerificationRequested(UUID.randomUUID(), contact,
                UUID.randomUUID(), ChannelType.SMS, phone, "482913", clock.instant().plusSeconds(900));
        EventEnvelope smsEvent = KafkaEvents.publish(bySms);
        KafkaEvents.republish(smsEvent);
        KafkaEvents.publish(new ChannelVerificationRequested(UUID.randomUUID(), contact, UUID.randomUUID(),
                ChannelType.EMAIL, email, "771204", clock.instant().plusSeconds(900)));

        await().atMost(WAIT).until(() -> publishesTo(phone).size() == 1 && mailTo(email).size() == 1);
        assertThat(form(publishesTo(phone).get(0)).get("Message")).contains("482913").doesNotContain("ACK");
        MimeMessage mail = mailTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your Muster verification code");
        assertThat(Parts.of(mail).text()).contains("771204").doesNotContain("/ack/");
        assertThat(publishesTo(phone)).hasSize(1);
        assertThat(publishesTo(latePhone)).isEmpty();
    }

    /** The text and HTML parts of a received email. */
    record Parts(String text, String html) {
        static Parts of(MimeMessage message) throws Exception {
            List<String> texts = new ArrayList<>();
            List<String> htmls = new ArrayList<>();
            collect(message.getContent(), message.getContentType(), texts, htmls);
            return new Parts(texts.isEmpty() ? null : texts.get(0), htmls.isEmpty() ? null : htmls.get(0));
        }

        private static void collect(Object content, String type, List<String> texts, List<String> htmls)
                throws Exception {
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    var part = multipart.getBodyPart(i);
                    collect(part.getContent(), part.getContentType(), texts, htmls);
                }
            } else if (type.toLowerCase().startsWith("text/html")) {
                htmls.add(content.toString());
            } else if (type.toLowerCase().startsWith("text/plain")) {
                texts.add(content.toString());
            }
        }
    }
}
