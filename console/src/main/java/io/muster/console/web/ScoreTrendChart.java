package io.muster.console.web;

import java.util.List;

/**
 * Readiness scores over time as an inline SVG bar chart: one bar per run, oldest on the left, height in proportion to
 * the score out of 100, each bar titled with its date and score for screen readers and hover. Built here rather
 * than in a script, so it works under the console's CSP (attributes, not style).
 */
final class ScoreTrendChart {

    /** One run's score; {@code score} null for a run that ended without one (drawn as an empty slot). */
    record Point(String label, Integer score) {
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    static final int BAR_GAP = 4;

    private ScoreTrendChart() {
    }

    static String svg(String title, List<Point> points) {
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"trend\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" height=\"").append(HEIGHT).append("\" aria-label=\"").append(esc(title))
                .append("\"><title>").append(esc(title)).append("</title>");
        s.append("<line x1=\"0\" y1=\"").append(HEIGHT - 1).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(HEIGHT - 1).append("\" stroke=\"#5b6470\"/>");
        if (!points.isEmpty()) {
            int slot = WIDTH / points.size();
            int bar = Math.max(1, slot - BAR_GAP);
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                int score = p.score() == null ? 0 : Math.max(0, Math.min(100, p.score()));
                int height = (HEIGHT - 20) * score / 100;
                int x = i * slot;
                int y = HEIGHT - 1 - height;
                String fill = score >= 80 ? "#1f7a3a" : score >= 50 ? "#8a6d00" : "#a4161a";
                s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(bar)
                        .append("\" height=\"").append(height).append("\" fill=\"").append(fill).append("\"><title>")
                        .append(esc(p.label())).append(": ")
                        .append(p.score() == null ? "no score" : p.score() + " of 100").append("</title></rect>");
                if (p.score() != null) {
                    s.append("<text x=\"").append(x + bar / 2).append("\" y=\"").append(Math.max(12, y - 4))
                            .append("\" text-anchor=\"middle\" font-size=\"11\">").append(p.score()).append("</text>");
                }
            }
        }
        return s.append("</svg>").toString();
    }

    private static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
