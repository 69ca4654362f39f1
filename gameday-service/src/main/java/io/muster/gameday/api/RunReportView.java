package io.muster.gameday.api;

import io.muster.gameday.domain.ParticipantMail;
import io.muster.gameday.domain.ScenarioInject;
import io.muster.gameday.domain.Scorecard;
import io.muster.gameday.service.ReviewBook;
import io.muster.gameday.service.RunReports;
import io.quarkus.qute.RawString;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the printable run report shows, already formatted; the template only lays it out. */
public record RunReportView(
        String title,
        String scenario,
        String mode,
        String status,
        String startedAt,
        String endedAt,
        String endReason,
        String score,
        List<Row> times,
        List<Row> scoreParts,
        List<Row> counts,
        List<RoleRow> roles,
        List<PersonRow> people,
        List<String> escalations,
        List<String> failures,
        List<String> unreachable,
        List<String> faults,
        List<String> notices,
        List<String> injects,
        RawString timeline,
        List<String> wentWell,
        List<String> didNotGoWell,
        List<String> rootCauses,
        List<String> actionItems) {

    public record Row(String label, String value, String target, String verdict) {
    }

    public record RoleRow(String role, String outcome, String firstPaged, String acked, String ackedBy,
            String method, String verdict) {
    }

    /** {@code contactId} stays in the page (as a tooltip) so a person can be looked up even when renamed. */
    public record PersonRow(String contactId, String contact, String roles, String firstPaged, String channels,
            String acked, String method, String note) {
    }

    /** {@code lessons} may be null: none recorded yet. */
    static RunReportView of(RunReports.RunCard run, ReviewBook.Full lessons) {
        Scorecard card = run.scorecard();
        Scorecard.Times t = card.times();
        Scorecard.Readiness r = card.readiness();
        Long length = run.startedAt() == null || run.endedAt() == null ? null
                : Duration.between(run.startedAt(), run.endedAt()).toSeconds();
        List<Row> times = List.of(
                new Row("First page requested", secs(t.firstPageRequested()), "", ""),
                new Row("First page sent", secs(t.firstPageSent()), "", ""),
                new Row("First acknowledgement", secs(t.firstAck()), secs((long) t.targetFirstAck()),
                        verdict(t.firstAckMet())),
                new Row("Every required role acknowledged", secs(t.allRolesAcked()),
                        secs((long) t.targetAllRoles()), verdict(t.allRolesMet())));
        List<Row> parts = List.of(
                new Row("Required roles acknowledged within target (x50)", pct(r.rolesAckedWithinTarget()), "", ""),
                new Row("First acknowledgement against target (x20)", pct(r.firstAck()), "", ""),
                new Row("Channel delivery success, injected faults excluded (x20)", pct(r.delivery()), "", ""),
                new Row("Required roles paged at all (x10)", pct(r.coverage()), "", ""),
                new Row("Penalty for unreachable people (5 each, at most 25)", "-" + r.unreachablePenalty(), "", ""));
        Scorecard.Counts c = card.counts();
        List<Row> counts = List.of(
                new Row("Pages requested", String.valueOf(c.pagesRequested()), "", ""),
                new Row("Pages sent", String.valueOf(c.pagesSent()), "", ""),
                new Row("Pages suppressed (silent drill)", String.valueOf(c.pagesSuppressed()), "", ""),
                new Row("Channel attempts", String.valueOf(c.channelAttempts()), "", ""),
                new Row("Channel failures", String.valueOf(c.channelFailures()), "", ""),
                new Row("Acknowledgements counted / ignored", c.acksAccepted() + " / " + c.acksIgnored(), "", ""));
        List<RoleRow> roles = card.roles().stream().map(role -> new RoleRow(role.roleKey()
                + (role.required() ? "" : " (not required)"), role.outcome(), secs(role.firstPaged()),
                secs(role.acked()), who(role.ackedBy(), role.ackedByName()), orDash(role.ackMethod()),
                verdict(role.withinTarget())))
                .toList();
        List<PersonRow> people = card.people().stream().map(p -> new PersonRow(id(p.contactId()),
                who(p.contactId(), p.displayName()), pagedFor(p), secs(p.firstPaged()),
                p.suppressed() && p.channels().isEmpty() ? "suppressed (silent)" : p.channels().stream()
                        .map(ch -> ch.channel() + " " + ch.outcome() + (ch.attempts() > 1 ? " x" + ch.attempts() : "")
                                + (ch.downByFault() ? " (down: drill fault)" : ""))
                        .collect(Collectors.joining(", ")),
                secs(p.acked()), orDash(p.ackMethod()), p.ackNote() == null ? "" : p.ackNote())).toList();
        List<String> escalations = card.escalations().stream().map(e -> secs(e.at()) + ": "
                + (e.roleKey() == null ? "stage " : e.roleKey() + "'s own path, step ") + e.fromStage()
                + " \u2192 " + e.toStage() + (e.reason() == null ? "" : " (" + e.reason() + ")")).toList();
        List<String> failures = card.channelFailures().stream().map(f -> secs(f.at()) + ": " + f.channel()
                + " attempt " + f.attempt() + " to " + who(f.contactId(), f.displayName())
                + (f.detail() == null ? "" : " \u2014 " + f.detail()) + (f.downByFault() ? " (drill fault)" : ""))
                .toList();
        List<String> unreachable = card.unreachable().stream().map(u -> who(u.contactId(), u.displayName()) + ": "
                + u.reason()
                + (u.drillFault() ? " (made unavailable by the drill)" : "")).toList();
        List<String> faults = new java.util.ArrayList<>();
        run.faults().unavailablePeople().forEach(p -> faults.add(who(p.contactId(), p.displayName())
                + " unavailable"));
        run.faults().unavailableRoles().forEach(role -> faults.add("role " + role + " unavailable"));
        run.faults().downChannels().forEach(ch -> faults.add(ch + " down"));
        List<String> notices = run.notices().stream().map(n -> who(n.contactId(), n.displayName()) + ": "
                + outcome(n.outcome()) + (n.sentAt() == null ? "" : " at " + n.sentAt())).toList();
        List<String> injects = card.injects().stream().map(i -> secs(i.at()) + ": to "
                + (ScenarioInject.EVERYONE.equals(i.audience()) ? "everyone paged" : i.audience()) + ", "
                + who(i.contactId(), i.displayName()) + ": " + outcome(i.outcome())
                + (i.message() == null ? "" : " \u2014 " + i.message())).toList();
        return new RunReportView(run.title(), run.scenarioName(), run.mode(), run.status(),
                run.startedAt() == null ? "not started" : run.startedAt().toString(),
                run.endedAt() == null ? "\u2014" : run.endedAt().toString(), orDash(run.endReason()),
                run.readinessScore() == null ? "\u2014" : run.readinessScore() + " / 100", times, parts, counts, roles,
                people, escalations, failures, unreachable, faults, notices, injects,
                new RawString(TimelineChart.svg(card, run.roles(), length)),
                lessons == null ? List.of() : List.copyOf(lessons.review().wentWell),
                lessons == null ? List.of() : List.copyOf(lessons.review().didNotGoWell),
                lessons == null ? List.of() : List.copyOf(lessons.review().rootCauses),
                lessons == null ? List.of() : lessons.items().stream().map(i -> (i.item().done() ? "[done] "
                        : i.overdue() ? "[overdue] " : "[open] ") + i.item().title + " \u2014 " + ownerOf(i)
                        + ", due " + i.item().dueDate).toList());
    }

    /** The directory person by name (with the note, if any), else the note, else "unassigned". */
    private static String ownerOf(ReviewBook.Item i) {
        String note = i.item().owner;
        if (i.item().ownerContactId == null) {
            return note == null ? "unassigned" : note;
        }
        return who(i.item().ownerContactId, i.ownerName()) + (note == null ? "" : " (" + note + ")");
    }

    private static String secs(Long seconds) {
        if (seconds == null) {
            return "\u2014";
        }
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s (" + seconds + " s)";
    }

    /** A participant mail's state as the report says it. */
    private static String outcome(String state) {
        ParticipantMail.State known = Arrays.stream(ParticipantMail.State.values())
                .filter(s -> s.name().equals(state)).findFirst().orElse(null);
        if (known == null) {
            return state;
        }
        return switch (known) {
            case SENT -> "emailed";
            case PENDING -> "not sent yet";
            case FAILED -> "email failed";
            case SUPPRESSED -> "not sent (silent drill)";
            case NO_ADDRESS -> "not sent: no verified email address";
        };
    }

    private static String pct(double share) {
        return Math.round(share * 100) + " %";
    }

    private static String verdict(Boolean met) {
        return met == null ? "" : met ? "met" : "missed";
    }

    private static String orDash(String text) {
        return text == null ? "\u2014" : text;
    }

    /** A person by name; by id only when the directory does not (or no longer) list them. */
    static String who(UUID id, String displayName) {
        if (displayName != null) {
            return displayName;
        }
        return id == null ? "\u2014" : id + " (not in the directory)";
    }

    /**
     * The roles a person was paged for. A page without a role named the person directly (a contact target); a
     * person seen only through delivery or ack events had a page whose request has not arrived (yet).
     */
    private static String pagedFor(Scorecard.PersonResult p) {
        if (!p.roles().isEmpty()) {
            return String.join(", ", p.roles());
        }
        return p.firstPaged() != null ? TimelineChart.NAMED_DIRECTLY : TimelineChart.REQUEST_NOT_SEEN;
    }

    private static String id(UUID id) {
        return id == null ? "\u2014" : id.toString();
    }
}
