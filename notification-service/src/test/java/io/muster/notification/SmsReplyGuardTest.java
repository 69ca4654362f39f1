package io.muster.notification;

import static io.muster.notification.Fixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.muster.contracts.Severity;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.notification.domain.SmsReplyGuard;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Guessing ack codes by SMS: five wrong codes from one number within 15 minutes lock that number's SMS acks for 15
 * minutes (the defaults), kept in the database; a number with no open page is not heard at all.
 */
@QuarkusTest
class SmsReplyGuardTest {

    private static final String REPLIES = "muster_sms_replies_total";

    @Inject
    TestClock clock;

    private static String reply(String phone, String text) {
        return given().contentType("text/plain")
                .body(SnsTestSigner.json(SnsTestSigner.smsNotification(phone, text)))
                .when().post("/api/v1/sns/inbound").then().statusCode(200).extract().path("result");
    }

    private static String openPageCode(Fixtures.Person person, PageRequested page) {
        KafkaEvents.publish(page);
        await().atMost(WAIT).until(() -> Fixtures.delivery(page.pageId()) != null);
        return Fixtures.delivery(page.pageId()).ackCode;
    }

    /** A six-digit code that is not {@code right}. */
    private static String wrong(String right, int n) {
        return String.format("%06d", (Integer.parseInt(right) + 1 + n) % 1_000_000);
    }

    private static double replies(String outcome) {
        return MetricsScrape.counter(REPLIES, "outcome", outcome);
    }

    @Test
    void aBurstOfGuessesLocksTheNumberAndEvenTheRightCodeIsRefusedUntilTheLockoutEnds() {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        String code = openPageCode(person, page);
        assertThat(code).matches("\\d{6}");
        double wrongBefore = replies("wrong-code");
        double lockedBefore = replies("locked-out");

        for (int i = 0; i < 5; i++) {
            assertThat(reply(person.phone(), "ACK " + wrong(code, i))).isEqualTo("wrong-code");
        }
        Instant lockedAt = clock.instant();
        // Stored, so another replica or this one after a restart refuses too.
        SmsReplyGuard guard = QuarkusTransaction.requiringNew().call(() -> SmsReplyGuard.findById(person.phone()));
        assertThat(guard.lockedUntil).isBetween(lockedAt.plus(Duration.ofMinutes(15)).minusSeconds(5),
                lockedAt.plus(Duration.ofMinutes(15)));

        assertThat(reply(person.phone(), "ACK " + code)).isEqualTo("locked-out");
        clock.advance(Duration.ofMinutes(14));
        assertThat(reply(person.phone(), "ACK " + code)).isEqualTo("locked-out");
        assertThat(Fixtures.delivery(page.pageId()).acknowledgedAt).isNull();
        assertThat(replies("wrong-code")).isEqualTo(wrongBefore + 5);
        assertThat(replies("locked-out")).isEqualTo(lockedBefore + 2);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(reply(person.phone(), "ACK " + code)).isEqualTo("acknowledged");
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
    }

    @Test
    void wrongCodesOlderThanTheWindowNoLongerCount() {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        String code = openPageCode(person, page);

        for (int i = 0; i < 4; i++) {
            assertThat(reply(person.phone(), "ACK " + wrong(code, i))).isEqualTo("wrong-code");
        }
        clock.advance(Duration.ofMinutes(16));
        // Four more: eight in 16 minutes, but never five within 15.
        for (int i = 4; i < 8; i++) {
            assertThat(reply(person.phone(), "ACK " + wrong(code, i))).isEqualTo("wrong-code");
        }
        assertThat(reply(person.phone(), "ACK " + code)).isEqualTo("acknowledged");
    }

    @Test
    void oneNumbersLockoutLeavesAnotherNumberAndTheEmailLinkAlone() {
        Fixtures.Person guessed = Fixtures.person();
        String guessedCode = openPageCode(guessed, Fixtures.page(guessed, Severity.HIGH, false));
        Fixtures.Person other = Fixtures.person();
        PageRequested otherPage = Fixtures.page(other, Severity.HIGH, false);
        String otherCode = openPageCode(other, otherPage);

        for (int i = 0; i < 5; i++) {
            reply(guessed.phone(), "ACK " + wrong(guessedCode, i));
        }
        assertThat(reply(guessed.phone(), "ACK " + guessedCode)).isEqualTo("locked-out");
        assertThat(reply(other.phone(), "ACK " + otherCode)).isEqualTo("acknowledged");
    }

    @Test
    void aReplyFromANumberThatWasNotPagedIsIgnoredAndLocksNothing() {
        Fixtures.Person person = Fixtures.person(); // verified SMS, but no open page yet
        double notPagedBefore = replies("not-paged");
        for (int i = 0; i < 6; i++) {
            assertThat(reply(person.phone(), "ACK " + String.format("%06d", i))).isEqualTo("not-paged");
        }
        // Nor is a number nobody has.
        assertThat(reply(ProviderStandIns.uniquePhone(), "ACK 123456")).isEqualTo("not-paged");
        assertThat(replies("not-paged")).isEqualTo(notPagedBefore + 7);
        SmsReplyGuard guard = QuarkusTransaction.requiringNew().call(() -> SmsReplyGuard.findById(person.phone()));
        assertThat(guard).isNull();

        // Paged now: six stray replies earlier do not stand in the way of the right code.
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        String code = openPageCode(person, page);
        given().contentType("text/plain").body(SnsTestSigner.json(SnsTestSigner.smsNotification(person.phone(),
                        "ACK " + code)))
                .when().post("/api/v1/sns/inbound").then().statusCode(200)
                .body("result", equalTo("acknowledged")).body("pageId", equalTo(page.pageId().toString()));

        // Once the page is answered the number has nothing open again.
        assertThat(reply(person.phone(), "ACK " + code)).isEqualTo("not-paged");
    }

    @Test
    void textThatIsNotAnAckIsCountedApart() {
        Fixtures.Person person = Fixtures.person();
        openPageCode(person, Fixtures.page(person, Severity.HIGH, false));
        double before = replies("not-an-ack");
        assertThat(reply(person.phone(), "on my way")).isEqualTo("not-an-ack");
        assertThat(replies("not-an-ack")).isEqualTo(before + 1);
    }
}
