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
