package io.muster.gameday.api;

import io.muster.contracts.pages.DeliveryStatus;
import io.muster.gameday.domain.Observation;
import io.muster.gameday.domain.Scorecard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Draws a run's timeline as inline SVG: one lane per role, marks for pages sent per channel, failures and acks,
 * dashed lines across every lane for escalations and dotted lines for the targets. Every text that came from
 * outside is escaped; everything else is numbers.
 */
final class TimelineChart {

    private static final int WIDTH = 960;
    private static final int LABEL = 170;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int LANE = 36;
    private static final int AXIS = 34;

    /** The lane of pages that named a person rather than a role. */
    static final String NAMED_DIRECTLY = "named directly";
    /** The lane of delivery and ack events whose page request has not been seen, so its role is not known. */
    static final String REQUEST_NOT_SEEN = "page request not seen";

    private TimelineChart() {
    }

    static String svg(Scorecard card, List<String> requiredRoles, Long runLengthSeconds) {
        Set<String> lanes = new LinkedHashSet<>(requiredRoles);
        card.roles().forEach(r -> lanes.add(r.roleKey()));
        Set<UUID> requested = new HashSet<>();
        card.timeline().stream().filter(t -> Observation.PAGE_REQUESTED.equals(t.type()) && t.pageId() != null)
                .forEach(t -> requested.add(t.pageId()));
        card.timeline().stream().filter(t -> t.type().startsWith("Page"))
                .map(t -> laneOf(t, requested)).forEach(lanes::add);
        List<String> laneList = new ArrayList<>(lanes);
        long span = Math.max(60, card.times().targetAllRoles());
        if (runLengthSeconds != null) {
            span = Math.max(span, runLengthSeconds);
        }
        for (Scorecard.TimelineEntry t : card.timeline()) {
            span = Math.max(span, t.at());
        }
        int height = TOP + laneList.size() * LANE + AXIS;
        double plot = WIDTH - LABEL - RIGHT;
        final long total = span;
        java.util.function.LongFunction<Double> x = s -> LABEL + plot * Math.max(0, s) / total;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"Timeline of pages and acks per role\">");
        svg.append("<style>text{font:11px sans-serif}.lane{fill:#f4f6f8}.sms{fill:#1f6feb}.email{fill:#2da44e}"
                + ".voice{fill:#8250df}.webhook{fill:#6e7781}.fail{stroke:#cf222e;stroke-width:2}"
                + ".ack{fill:#1a7f37}.ignored{fill:none;stroke:#bf8700;stroke-width:2}.supp{fill:none;stroke:#6e7781}"
                + ".inject{fill:#8250df;stroke:#8250df}.inject-all{stroke:#8250df;stroke-dasharray:2 2}"
                + ".esc{stroke:#9a6700;stroke-dasharray:5 3}.target{stroke:#57606a;stroke-dasharray:1 3}</style>");
        for (int i = 0; i < laneList.size(); i++) {
            int y = TOP + i * LANE;
            svg.append("<rect class=\"lane\" x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt(plot)).append("\" height=\"").append(LANE - 6).append("\"/>");
            svg.append("<text x=\"4\" y=\"").append(y + LANE / 2 + 4).append("\">").append(escape(laneList.get(i)))
                    .append("</text>");
        }
        int bottom = TOP + laneList.size() * LANE;
        // Axis with about six ticks on whole minutes.
        long step = Math.max(60, ((total / 6) / 60 + 1) * 60);
        for (long s = 0; s <= total; s += step) {
            double tx = x.apply(s);
            svg.append("<line x1=\"").append(fmt(tx)).append("\" y1=\"").append(bottom).append("\" x2=\"")
                    .append(fmt(tx)).append("\" y2=\"").append(bottom + 5).append("\" stroke=\"#57606a\"/>");
            svg.append("<text x=\"").append(fmt(tx - 8)).append("\" y=\"").append(bottom + 18).append("\">")
                    .append(s / 60).append(" min</text>");
        }
        target(svg, x.apply(card.times().targetFirstAck()), bottom, "first-ack target");
        target(svg, x.apply(card.times().targetAllRoles()), bottom, "all-roles target");
        for (Scorecard.EscalationTaken e : card.escalations()) {
            if (e.at() == null) {
                continue;
            }
            double ex = x.apply(e.at());
            svg.append("<line class=\"esc\" x1=\"").append(fmt(ex)).append("\" y1=\"").append(TOP - 4)
                    .append("\" x2=\"").append(fmt(ex)).append("\" y2=\"").append(bottom).append("\"><title>")
                    .append(escape("escalated to stage " + e.toStage() + (e.reason() == null ? "" : ": " + e.reason())))
                    .append("</title></line>");
            svg.append("<text x=\"").append(fmt(ex + 3)).append("\" y=\"").append(TOP - 8).append("\">stage ")
                    .append(e.fromStage()).append(" \u2192 ").append(e.toStage()).append("</text>");
        }
        Set<String> injectsDrawn = new HashSet<>();
        for (Scorecard.TimelineEntry t : card.timeline()) {
            if (Observation.INJECT_DELIVERY.equals(t.type())) {
                // One mark per inject and lane, however many people it went to.
                if (injectsDrawn.add(t.at() + "/" + t.roleKey() + "/" + t.detail())) {
                    inject(svg, t, laneList, x.apply(t.at()), bottom);
                }
                continue;
            }
            if (!t.type().startsWith("Page")) {
                continue;
            }
            int index = laneList.indexOf(laneOf(t, requested));
            double mx = x.apply(t.at());
            int cy = TOP + index * LANE + LANE / 2;
            String tip = escape(describe(t));
            if (Observation.PAGE_STATUS.equals(t.type())) {
                DeliveryStatus status = t.status() == null ? null : DeliveryStatus.valueOf(t.status());
                if (status == DeliveryStatus.SENT || status == DeliveryStatus.DELIVERED) {
                    String channel = t.channel() == null ? "webhook" : t.channel().toLowerCase(Locale.ROOT);
                    int offset = switch (channel) {
                        case "sms" -> -10;
                        case "email" -> -3;
                        case "voice" -> 4;
                        default -> 11;
                    };
                    svg.append("<rect class=\"").append(channel).append("\" x=\"").append(fmt(mx - 3)).append("\" y=\"")
                            .append(cy + offset - 3).append("\" width=\"6\" height=\"6\"><title>").append(tip)
                            .append("</title></rect>");
                } else if (status == DeliveryStatus.FAILED || status == DeliveryStatus.ALL_CHANNELS_FAILED) {
                    svg.append("<g class=\"fail\"><title>").append(tip).append("</title><line x1=\"")
                            .append(fmt(mx - 5)).append("\" y1=\"").append(cy - 5).append("\" x2=\"")
                            .append(fmt(mx + 5)).append("\" y2=\"").append(cy + 5).append("\"/><line x1=\"")
                            .append(fmt(mx - 5))
                            .append("\" y1=\"").append(cy + 5).append("\" x2=\"").append(fmt(mx + 5)).append("\" y2=\"")
                            .append(cy - 5).append("\"/></g>");
                } else if (status == DeliveryStatus.SUPPRESSED) {
                    svg.append("<circle class=\"supp\" cx=\"").append(fmt(mx)).append("\" cy=\"").append(cy)
                            .append("\" r=\"5\"><title>").append(tip).append("</title></circle>");
                }
            } else if (Observation.PAGE_ACKNOWLEDGED.equals(t.type())) {
                svg.append("<path class=\"").append(t.note() == null ? "ack" : "ignored").append("\" d=\"M")
                        .append(fmt(mx)).append(' ').append(cy - 9).append(" L").append(fmt(mx + 7)).append(' ')
                        .append(cy + 5).append(" L").append(fmt(mx - 7)).append(' ').append(cy + 5)
                        .append(" Z\"><title>").append(tip).append("</title></path>");
            } else if (Observation.PAGE_REQUESTED.equals(t.type())) {
                svg.append("<line x1=\"").append(fmt(mx)).append("\" y1=\"").append(cy - 12).append("\" x2=\"")
                        .append(fmt(mx)).append("\" y2=\"").append(cy + 12).append("\" stroke=\"#8c959f\"><title>")
                        .append(tip).append("</title></line>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** An inject: a diamond in its role's lane, or a line across every lane when it went to everyone paged. */
    private static void inject(StringBuilder svg, Scorecard.TimelineEntry t, List<String> lanes, double ix,
            int bottom) {
        String tip = escape("+" + t.at() + " s inject to " + (t.roleKey() == null ? "everyone paged" : t.roleKey())
                + (t.detail() == null ? "" : ": " + t.detail()));
        int index = t.roleKey() == null ? -1 : lanes.indexOf(t.roleKey());
        if (index < 0) {
            svg.append("<line class=\"inject-all\" x1=\"").append(fmt(ix)).append("\" y1=\"").append(TOP)
                    .append("\" x2=\"").append(fmt(ix)).append("\" y2=\"").append(bottom).append("\"><title>")
                    .append(tip).append("</title></line>");
            return;
        }
        int cy = TOP + index * LANE + LANE / 2;
        svg.append("<path class=\"inject\" d=\"M").append(fmt(ix)).append(' ').append(cy - 6).append(" L")
                .append(fmt(ix + 6)).append(' ').append(cy).append(" L").append(fmt(ix)).append(' ').append(cy + 6)
                .append(" L").append(fmt(ix - 6)).append(' ').append(cy).append(" Z\"><title>").append(tip)
                .append("</title></path>");
    }

    /** A page event's lane: the role it was requested for, else why there is none. */
    private static String laneOf(Scorecard.TimelineEntry t, Set<UUID> requested) {
        if (t.roleKey() != null) {
            return t.roleKey();
        }
        return t.pageId() != null && requested.contains(t.pageId()) ? NAMED_DIRECTLY : REQUEST_NOT_SEEN;
    }

    private static void target(StringBuilder svg, double tx, int bottom, String label) {
        svg.append("<line class=\"target\" x1=\"").append(fmt(tx)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(fmt(tx)).append("\" y2=\"").append(bottom).append("\"><title>").append(label)
                .append("</title></line>");
    }

    private static String describe(Scorecard.TimelineEntry t) {
        StringBuilder text = new StringBuilder("+").append(t.at()).append(" s ").append(t.type());
        if (t.channel() != null) {
            text.append(' ').append(t.channel());
        }
        if (t.status() != null) {
            text.append(' ').append(t.status());
        }
        if (t.attempt() != null && t.attempt() > 0) {
            text.append(" attempt ").append(t.attempt());
        }
        if (t.contactId() != null) {
            text.append(" contact ").append(RunReportView.who(t.contactId(), t.displayName()));
        }
        if (t.detail() != null) {
            text.append(": ").append(t.detail());
        }
        if (t.note() != null) {
            text.append(" (").append(t.note()).append(')');
        }
        return text.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
