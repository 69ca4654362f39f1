package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.muster.console.web.DirectoryViews.Channel;
import io.muster.console.web.DirectoryViews.ChannelTest;
import io.muster.console.web.DirectoryViews.Person;

class DirectoryViewsTest {

    @Test
    void testPagesAreOfferedOnEmailAndSmsOnlyAndTheirStatusSaysWhenToStopAsking() throws Exception {
        assertThat(channel("EMAIL", false).testable()).isTrue();
        assertThat(channel("SMS", true).testable()).isTrue();
        assertThat(channel("VOICE", true).testable()).isFalse();
        assertThat(channel("WEBHOOK", true).testable()).isFalse();

        ChannelTest waiting = ChannelTest.waiting("t1");
        assertThat(waiting.done()).isFalse();
        assertThat(waiting.summary()).contains("waiting for notification-service");
        var sent = new ObjectMapper().readValue("""
                {"testId":"t1","contactId":"p1","channelId":"c1","channelType":"EMAIL","status":"SENT",
                 "requestedAt":"2026-12-03T07:00:00Z","sentAt":"2026-12-03T07:00:02Z","error":null,"extra":1}
                """, ChannelTest.class);
        assertThat(sent.done()).isTrue();
        assertThat(sent.summary()).isEqualTo("Test page sent at 2026-12-03T07:00:02Z; ask the person whether it arrived.");
        ChannelTest failed = new ChannelTest("t1", "SMS", "FAILED", null, null, "provider refused the number");
        assertThat(failed.done()).isTrue();
        assertThat(failed.summary()).isEqualTo("Test page failed: provider refused the number");
        assertThat(new ChannelTest("t1", "SMS", "PENDING", null, null, null).done()).isFalse();
    }

    @Test
    void twoVerifiedChannelsOfOneTypeCountAsOneType() {
        Person p = person(channel("EMAIL", true), channel("EMAIL", true), channel("SMS", false));
        assertThat(p.verifiedTypes()).isEqualTo(1);
        assertThat(p.underCovered()).isTrue();
    }

    @Test
    void verifiedEmailAndSmsAreEnoughAndNoChannelsAtAllIsFlagged() {
        Person covered = person(channel("EMAIL", true), channel("SMS", true), channel("VOICE", false));
        assertThat(covered.verifiedTypes()).isEqualTo(2);
        assertThat(covered.underCovered()).isFalse();
        Person none = person();
        assertThat(none.verifiedTypes()).isZero();
        assertThat(none.underCovered()).isTrue();
    }

    @Test
    void aVerifiedVoiceChannelStoredBeforeIsNotASecondType() {
        Person emailAndVoice = person(channel("EMAIL", true), channel("VOICE", true));
        assertThat(emailAndVoice.verifiedTypes()).isEqualTo(1);
        assertThat(emailAndVoice.underCovered()).isTrue();
        assertThat(person(channel("EMAIL", true), channel("WEBHOOK", true)).underCovered()).isFalse();
    }

    @Test
    void aDirectoryAnswerIsReadWithItsMaskedAddressesAsGivenAndUnknownFieldsIgnored() throws Exception {
        var body = new ObjectMapper().readTree("""
                {"items":[{"id":"p1","displayName":"Ana Lima","roles":["incident-commander"],"active":true,
                  "reachable":true,"escalationLevel":1,"skills":["forensics"],
                  "channels":[{"id":"c1","type":"SMS","address":"+44*******89","preference":1,"verified":true,
                               "verifiedAt":"2026-11-30T09:00:00Z"}]}],
                 "page":0,"size":100,"total":1}""");
        DirectoryViews.PersonPage page = IncidentViews.read(body, DirectoryViews.PersonPage.class);
        assertThat(page.total()).isEqualTo(1);
        Person ana = page.items().get(0);
        assertThat(ana.channelList()).extracting(Channel::address).containsExactly("+44*******89");
        assertThat(ana.underCovered()).isTrue();
    }

    @Test
    void aTeamNamesItsMembersAndKeepsAnIdThePageDidNotLoad() {
        var team = new DirectoryViews.Team("t1", "Blue team", null, List.of("p1", "p9"));
        assertThat(DirectoryViews.TeamView.of(team, Map.of("p1", "Ana Lima")).members())
                .containsExactly("Ana Lima", "p9");
    }

    private static Person person(Channel... channels) {
        return new Person("p", "Someone", null, null, List.of(), 1, null, true, true, List.of(), List.of(channels),
                null);
    }

    private static Channel channel(String type, boolean verified) {
        return new Channel(type + verified, type, "x", 1, verified, verified ? "2026-12-01T00:00:00Z" : null);
    }
}
