package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.addChannel;
import static io.muster.directory.DirectoryApi.codesSentTo;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.events;
import static io.muster.directory.DirectoryApi.latestCode;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.muster.directory.DirectoryApi.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.ChannelVerificationRequested;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChannelVerificationTest {

    @Inject
    MutableClock clock;

    @Inject
    AgroalDataSource dataSource;

    private static String confirmPath(UUID person, UUID channel) {
        return "/api/v1/people/" + person + "/channels/" + channel + "/verification/confirm";
    }

    private static io.restassured.response.ValidatableResponse confirm(UUID person, UUID channel, String code) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\"}")
                .when().post(confirmPath(person, channel)).then();
    }

    @Test
    void aNewChannelGetsARandomCodeThroughTheNotificationPathAndOnlyItsHashIsStored() throws Exception {
        UUID person = createPerson(uniqueName("Code Receiver"), "");
        UUID channel = addChannel(person, "SMS", "+447700900555", 1);

        ChannelVerificationRequested sent = codesSentTo(channel, 1).get(0);
        assertThat(sent.contactId()).isEqualTo(person);
        assertThat(sent.channelType()).isEqualTo(ChannelType.SMS);
        assertThat(sent.address()).isEqualTo("+447700900555");
        assertThat(sent.code()).matches("\\d{6}");
        assertThat(sent.expiresAt()).isAfter(clock.instant().plus(Duration.ofMinutes(14)));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT code_hash, code_salt FROM channel_verification WHERE channel_id = ?")) {
            query.setObject(1, channel);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).hasSize(64).doesNotContain(sent.code());
                assertThat(rs.getString(2)).doesNotContain(sent.code());
            }
        }
    }

    @Test
    void theRightCodeVerifiesTheChannelAndTheSnapshotSaysSo() {
        UUID person = createPerson(uniqueName("Verified Person"), "");
        UUID email = addChannel(person, "EMAIL", "verified.person@example.com", 1);
        UUID sms = addChannel(person, "SMS", "+447700900556", 2);

        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().body("reachable", equalTo(false));
        confirm(person, email, latestCode(email, 1)).statusCode(200)
                .body("channels.find { it.type == 'EMAIL' }.verified", equalTo(true))
                .body("channels.find { it.type == 'SMS' }.verified", equalTo(false))
                .body("reachable", equalTo(false));
        confirm(person, email, latestCode(email, 1)).statusCode(409).contentType("application/problem+json");
        verify(person, sms);
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().body("reachable", equalTo(true));

        // creation, two channel additions, two verifications
        List<EventEnvelope> snapshots = events(ContactSnapshot.keyOf(person), 5, Duration.ofSeconds(30));
        assertThat(snapshots).hasSize(5);
        ContactSnapshot last = snapshots.get(4).payloadAs(ContactSnapshot.class);
        assertThat(last.channels()).extracting(ContactSnapshot.Channel::verified).containsExactly(true, true);
        ContactSnapshot afterAdding = snapshots.get(2).payloadAs(ContactSnapshot.class);
        assertThat(afterAdding.channels()).extracting(ContactSnapshot.Channel::verified)
                .containsExactly(false, false);
    }

    @Test
    void twoVerifiedChannelsOfTheSameTypeDoNotMakeSomeoneReachable() {
        UUID person = createPerson(uniqueName("Two Emails"), "");
        UUID first = addChannel(person, "EMAIL", "first@example.com", 1);
        UUID second = addChannel(person, "EMAIL", "second@example.org", 2);
        verify(person, first);
        verify(person, second);
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().body("reachable", equalTo(false));
        UUID hook = addChannel(person, "WEBHOOK", "https://hooks.example.com/muster/abc", 3);
        verify(person, hook);
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().body("reachable", equalTo(true));
    }

    @Test
    void wrongCodesAreCountedAndLockTheVerification() {
        UUID person = createPerson(uniqueName("Wrong Codes"), "");
        UUID channel = addChannel(person, "SMS", "+15551230001", 1);
        String right = latestCode(channel, 1);
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int left = 4; left >= 1; left--) {
            confirm(person, channel, wrong).statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("code"))
                    .body("detail", equalTo("the code does not match; " + left + " attempts left"));
        }
        confirm(person, channel, wrong).statusCode(429);
        confirm(person, channel, right).statusCode(429);

        // A new code starts afresh; the old one no longer works.
        given().header("Authorization", ADMIN)
                .when().post("/api/v1/people/" + person + "/channels/" + channel + "/verification")
                .then().statusCode(202);
        String fresh = latestCode(channel, 2);
        if (!fresh.equals(right)) {
            confirm(person, channel, right).statusCode(422);
        }
        confirm(person, channel, fresh).statusCode(200).body("channels[0].verified", equalTo(true));
    }

    @Test
    void aCodeExpires() {
        UUID person = createPerson(uniqueName("Slow Confirmer"), "");
        UUID channel = addChannel(person, "EMAIL", "slow@example.com", 1);
        String code = latestCode(channel, 1);

        clock.advance(Duration.ofMinutes(16));
        confirm(person, channel, code).statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://muster.dev/problems/verification-expired"));
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().body("channels[0].verified", equalTo(false));

        given().header("Authorization", ADMIN)
                .when().post("/api/v1/people/" + person + "/channels/" + channel + "/verification")
                .then().statusCode(202);
        confirm(person, channel, latestCode(channel, 2)).statusCode(200);
    }
}
