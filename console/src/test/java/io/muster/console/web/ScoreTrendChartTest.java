package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScoreTrendChartTest {

    @Test
    void barsAreProportionalToTheScoreOutOf100() {
        String svg = ScoreTrendChart.svg("Scores <DDoS>", List.of(new ScoreTrendChart.Point("2026-10-06", 100),
                new ScoreTrendChart.Point("2026-11-03", 50), new ScoreTrendChart.Point("2026-12-01", null)));

        // 600 px / 3 runs = 200 px slots, 196 px bars; 140 px of height is 100 points, baseline at y = 159.
        assertThat(svg).contains("<rect x=\"0\" y=\"19\" width=\"196\" height=\"140\" fill=\"#1f7a3a\">"
                + "<title>2026-10-06: 100 of 100</title></rect>");
        assertThat(svg).contains("<rect x=\"200\" y=\"89\" width=\"196\" height=\"70\" fill=\"#8a6d00\">");
        assertThat(svg).contains("<rect x=\"400\" y=\"159\" width=\"196\" height=\"0\" fill=\"#a4161a\">"
                + "<title>2026-12-01: no score</title></rect>");
        assertThat(svg).contains("aria-label=\"Scores &lt;DDoS&gt;\"").doesNotContain("style=");
    }

    @Test
    void noRunsIsAnEmptyChartWithItsBaseline() {
        assertThat(ScoreTrendChart.svg("none", List.of())).contains("<line").doesNotContain("<rect");
    }
}
