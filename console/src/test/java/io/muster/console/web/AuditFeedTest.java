package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.web.AuditFeed.Entry;
import io.muster.console.web.AuditFeed.Feed;

class AuditFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void entriesOfAllServicesAreMergedNewestFirstByInstantNotByText() throws Exception {
        Map<Backend, ApiResult> results = new LinkedHashMap<>();
        // Text order would put "17:00:00Z" after "17:00:00.500Z" ('Z' > '.'); by instant it is earlier.
        results.put(Backend.DIRECTORY, ok(Backend.DIRECTORY, """
                [{"id":7,"entityType":"person","entityId":"p1","action":"UPDATE","actor":"alice",
                  "at":"2026-12-02T17:00:00.500Z","before":{"displayName":"A"},"after":{"displayName":"Ana"}},
                 {"id":6,"entityType":"person","entityId":"p1","action":"CREATE","actor":"alice",
                  "at":"2026-12-01T08:00:00Z","before":null,"after":{"displayName":"A"}}]"""));
        results.put(Backend.ESCALATION, ok(Backend.ESCALATION, """
                [{"id":3,"entityType":"response-plan","entityId":"x","action":"UPDATE","actor":"bob",
                  "at":"2026-12-02T17:00:00Z"}]"""));
        results.put(Backend.NOTIFICATION, ok(Backend.NOTIFICATION, "[]"));
        Feed feed = AuditFeed.merge(results, 50);
        assertThat(feed.entries()).extracting(Entry::service, Entry::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("directory-service", 7L),
                org.assertj.core.groups.Tuple.tuple("escalation-service", 3L),
                org.assertj.core.groups.Tuple.tuple("directory-service", 6L));
        assertThat(feed.entries().get(0).before()).isEqualTo("{\"displayName\":\"A\"}");
        assertThat(feed.entries().get(2).before()).isNull();
        assertThat(feed.unavailable()).isEmpty();
        assertThat(feed.more()).isFalse();
    }

    @Test
    void aServiceThatIsDownOrRefusesIsNamedAndTheOthersStillShown() throws Exception {
        Map<Backend, ApiResult> results = new LinkedHashMap<>();
        results.put(Backend.DIRECTORY, ok(Backend.DIRECTORY, """
                [{"id":1,"entityType":"team","entityId":"t","action":"CREATE","actor":"a","at":"2026-12-02T10:00:00Z"}]"""));
        results.put(Backend.NOTIFICATION, ApiResult.unreachable(Backend.NOTIFICATION));
        results.put(Backend.GAMEDAY, new ApiResult(Backend.GAMEDAY, 403, null));
        Feed feed = AuditFeed.merge(results, 50);
        assertThat(feed.entries()).hasSize(1);
        assertThat(feed.unavailable()).containsExactly(
                "notification-service: notification-service is not answering; the rest of the page is current",
                "gameday-service: Your role may not do this");
    }

    @Test
    void aFullPageFromAnyServiceMeansThereMayBeOlderEntries() throws Exception {
        Map<Backend, ApiResult> results = new LinkedHashMap<>();
        results.put(Backend.GAMEDAY, ok(Backend.GAMEDAY, """
                [{"id":2,"at":"2026-12-02T10:00:01Z"},{"id":1,"at":"2026-12-02T10:00:00Z"}]"""));
        assertThat(AuditFeed.merge(results, 2).more()).isTrue();
        assertThat(AuditFeed.merge(results, 3).more()).isFalse();
    }

    @Test
    void pagesGoOnFromWhereEachServiceStoppedSoNoEntryIsSkippedOrShownTwice() throws Exception {
        // Directory has entries at minutes 9, 7, 5, 3; gameday at 8, 6, 1. A page of 3 shows 9, 8, 7.
        Map<Backend, ApiResult> first = new LinkedHashMap<>();
        first.put(Backend.DIRECTORY, ok(Backend.DIRECTORY, entries(40, 9, 7, 5)));
        first.put(Backend.GAMEDAY, ok(Backend.GAMEDAY, entries(12, 8, 6, 1)));
        Feed one = AuditFeed.merge(first, 3, Map.of());
        assertThat(one.entries()).extracting(Entry::at).containsExactly(at(9), at(8), at(7));
        assertThat(one.more()).isTrue();
        assertThat(one.next()).containsEntry(Backend.DIRECTORY, 39L).containsEntry(Backend.GAMEDAY, 12L);
        assertThat(AuditFeed.cursorText(one.next())).isEqualTo("DIRECTORY:39,GAMEDAY:12");

        // The next page: each service read from its cursor (directory below 39, gameday below 12).
        Map<Backend, ApiResult> second = new LinkedHashMap<>();
        second.put(Backend.DIRECTORY, ok(Backend.DIRECTORY, entries(38, 5, 3)));
        second.put(Backend.GAMEDAY, ok(Backend.GAMEDAY, entries(11, 6, 1)));
        Feed two = AuditFeed.merge(second, 3, AuditFeed.cursor("DIRECTORY:39,GAMEDAY:12"));
        assertThat(two.entries()).extracting(Entry::at).containsExactly(at(6), at(5), at(3));
        // Directory gave fewer than a page and all of it was shown: nothing older is left there.
        assertThat(two.next()).containsEntry(Backend.DIRECTORY, 0L).containsEntry(Backend.GAMEDAY, 11L);
        assertThat(two.more()).isTrue();

        Map<Backend, ApiResult> third = new LinkedHashMap<>();
        third.put(Backend.GAMEDAY, ok(Backend.GAMEDAY, entries(10, 1)));
        Feed three = AuditFeed.merge(third, 3, two.next());
        assertThat(three.entries()).extracting(Entry::at).containsExactly(at(1));
        assertThat(three.more()).isFalse();
    }

    @Test
    void aCursorIsReadOnlyWhenEveryPartIsAKnownServiceOnceWithANumber() {
        assertThat(AuditFeed.cursor(null)).isEmpty();
        assertThat(AuditFeed.cursor("ESCALATION:5,NOTIFICATION:0")).containsEntry(Backend.ESCALATION, 5L)
                .containsEntry(Backend.NOTIFICATION, 0L).hasSize(2);
        assertThat(AuditFeed.cursor("ESCALATION:5,ESCALATION:4")).isNull();
        assertThat(AuditFeed.cursor("BILLING:5")).isNull();
        assertThat(AuditFeed.cursor("ESCALATION:-5")).isNull();
        assertThat(AuditFeed.cursor("ESCALATION:99999999999999999999")).isNull();
        assertThat(AuditFeed.cursor("ESCALATION")).isNull();
    }

    /** Entries with descending ids from {@code firstId}, at the given minutes past 10:00, newest first. */
    private static String entries(long firstId, int... minutes) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < minutes.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(firstId - i).append(",\"at\":\"")
                    .append(at(minutes[i])).append("\"}");
        }
        return json.append(']').toString();
    }

    private static String at(int minute) {
        return "2026-12-02T10:0" + minute + ":00Z";
    }

    @Test
    void onlyAnIsoInstantIsAcceptedAsSince() {
        assertThat(AuditFeed.instant("2026-03-29T00:30:00Z")).hasToString("2026-03-29T00:30:00Z");
        assertThat(AuditFeed.instant(" 2026-03-29T00:30:00Z ")).isNotNull();
        assertThat(AuditFeed.instant("yesterday")).isNull();
        assertThat(AuditFeed.instant("2026-03-29")).isNull();
        assertThat(AuditFeed.instant("")).isNull();
    }

    private static ApiResult ok(Backend b, String json) throws Exception {
        return new ApiResult(b, 200, JSON.readTree(json));
    }
}
