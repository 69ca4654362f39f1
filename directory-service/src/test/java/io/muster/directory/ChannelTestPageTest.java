package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.addChannel;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.storedChannel;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.pages.ChannelTestRequested;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An admin asks for a test page on a channel; notification-service receives it on the pages topic. */
@QuarkusTest
class ChannelTestPageTest {

    @Inject
    AgroalDataSource dataSource;

    private static String testPath(UUID person, UUID channel) {
        return "/api/v1/people/" + person + "/channels/" + channel + "/test";
    }

    private static List<EventEnvelope> testsFor(UUID channelId, int atLeast) {
        return KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof ChannelTestRequested t && t.channelId().equals(channelId),
                atLeast, Duration.ofSeconds(30));
    }

    @Test
    void aTestPageOnAnSmsChannelIsPublishedKeyedByTheContactAndAudited() {
        UUID person = createPerson(uniqueName("Test Paged"), "");
        UUID sms = addChannel(person, "SMS", "+447700900901", 1);
        String actor = uniqueName("test-admin").replace(' ', '-');

        var answer = given().header("Authorization", "Bearer " + Tokens.token(actor, Roles.ADMIN))
                .when().post(testPath(person, sms))
                .then().statusCode(202)
                .body("channelId", equalTo(sms.toString()))
                .extract();
        UUID testId = UUID.fromString(answer.path("testId"));
        Instant requestedAt = Instant.parse(answer.path("requestedAt"));

        List<EventEnvelope> published = testsFor(sms, 1);
        assertThat(published).hasSize(1);
        EventEnvelope envelope = published.get(0);
        assertThat(envelope.key()).isEqualTo(person.toString());
        ChannelTestRequested test = envelope.payloadAs(ChannelTestRequested.class);
        assertThat(test.testId()).isEqualTo(testId);
        assertThat(test.contactId()).isEqualTo(person);
        assertThat(test.channelId()).isEqualTo(sms);
        assertThat(test.channelType()).isEqualTo(ChannelType.SMS);
        assertThat(test.address()).isEqualTo("+447700900901");
        assertThat(test.requestedBy()).isEqualTo(actor);
        assertThat(test.requestedAt()).isEqualTo(requestedAt);

        given().header("Authorization", ADMIN).queryParam("entityType", "channel")
                .queryParam("entityId", sms.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("test-requested", "verification-requested"))
                .body("[0].actor", equalTo(actor))
                .body("[0].after.testId", equalTo(testId.toString()));
    }

    @Test
    void anUnverifiedEmailChannelCanBeTestedAndEachRequestIsItsOwnTest() {
        UUID person = createPerson(uniqueName("Email Tested"), "");
        UUID email = addChannel(person, "EMAIL", "tested.person@example.com", 1);

        String first = given().header("Authorization", ADMIN).when().post(testPath(person, email))
                .then().statusCode(202).extract().path("testId");
        String second = given().header("Authorization", ADMIN).when().post(testPath(person, email))
                .then().statusCode(202).extract().path("testId");
        assertThat(first).isNotEqualTo(second);

        List<EventEnvelope> published = testsFor(email, 2);
        assertThat(published).extracting(e -> e.payloadAs(ChannelTestRequested.class).testId().toString())
                .containsExactly(first, second);
        assertThat(published.get(0).payloadAs(ChannelTestRequested.class).channelType()).isEqualTo(ChannelType.EMAIL);
    }

    @Test
    void voiceAndWebhookChannelsAreRefusedNamingTheChannelAndNothingIsPublished() throws Exception {
        UUID person = createPerson(uniqueName("Untestable"), "");
        // No VOICE channel is made any more; one stored before is still refused a test page.
        UUID voice = storedChannel(dataSource, person, "VOICE", "+15551230909", 1, false);
        UUID hook = addChannel(person, "WEBHOOK", "https://hooks.example.com/muster/test", 2);

        for (UUID channel : List.of(voice, hook)) {
            given().header("Authorization", ADMIN).when().post(testPath(person, channel))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://muster.dev/problems/channel-not-testable"))
                    .body("errors.field", contains("channelId"))
                    .body("detail", containsString(channel.equals(voice) ? "VOICE" : "WEBHOOK"));
        }
        given().header("Authorization", ADMIN).queryParam("entityType", "channel")
                .queryParam("entityId", hook.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("verification-requested"));
        // A later, allowed test on the same person arrives alone: the refused ones never reached the outbox.
        UUID sms = addChannel(person, "SMS", "+447700900902", 3);
        given().header("Authorization", ADMIN).when().post(testPath(person, sms)).then().statusCode(202);
        testsFor(sms, 1);
        assertThat(KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof ChannelTestRequested t && t.contactId().equals(person),
                1, Duration.ofSeconds(5)))
                .extracting(e -> e.payloadAs(ChannelTestRequested.class).channelId())
                .containsExactly(sms);
    }

    @Test
    void unknownPeopleAndChannelsAre404AndOnlyAdminsMayAsk() {
        UUID person = createPerson(uniqueName("Channel Owner"), "");
        UUID sms = addChannel(person, "SMS", "+447700900903", 1);
        UUID other = createPerson(uniqueName("Someone Else"), "");

        given().header("Authorization", ADMIN).when().post(testPath(UUID.randomUUID(), sms))
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Person not found"));
        given().header("Authorization", ADMIN).when().post(testPath(person, UUID.randomUUID()))
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Channel not found"));
        // A channel is found only under its own person.
        given().header("Authorization", ADMIN).when().post(testPath(other, sms))
                .then().statusCode(404).contentType("application/problem+json");

        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).when().post(testPath(person, sms))
                .then().statusCode(403).contentType("application/problem+json");
        given().when().post(testPath(person, sms)).then().statusCode(401);
    }
}
