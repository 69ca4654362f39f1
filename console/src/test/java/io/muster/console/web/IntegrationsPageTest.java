package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IntegrationsPageTest {

    @Test
    void aKeyIsNamedByAFingerprintThatDoesNotRevealIt() {
        // printf k1 | sha256sum | cut -c1-16
        assertThat(IntegrationsPage.fingerprint("k1")).isEqualTo("6ab9f1eb8f7d3388");
    }

    @Test
    void snippetsPointAtTheIngestEndpointsWithTheKey() {
        URI base = URI.create("https://muster.example.org/");
        assertThat(IntegrationSnippets.alertmanager(base, "abc123"))
                .contains("url: https://muster.example.org/api/v1/integrations/alertmanager/abc123")
                .contains("send_resolved: true");
        assertThat(IntegrationSnippets.eventsV2(base, "abc123"))
                .contains("https://muster.example.org/v2/enqueue").contains("\"routing_key\":\"abc123\"")
                .contains("\"event_action\":\"trigger\"");
    }

    @Test
    void theGameDayCalendarStartsOnThisWeeksMondayAndPlacesRunsOnTheirDay() {
        List<GameDaysPage.CalendarDay> days = GameDaysPage.calendar(
                List.of(Map.of("dueAt", "2026-12-03T10:00:00Z", "title", "DDoS drill")),
                Instant.parse("2026-12-02T17:00:00Z"));

        assertThat(days).hasSize(28);
        assertThat(days.get(0).date()).isEqualTo("2026-11-30");
        assertThat(days.get(2).today()).isTrue();
        assertThat(days.get(3).runs()).containsExactly("10:00 DDoS drill");
        assertThat(days.stream().filter(d -> !d.runs().isEmpty())).hasSize(1);
    }
}
