package io.muster.escalation.api;

import io.muster.escalation.domain.BackupChannel;
import io.muster.escalation.domain.BackupChannelKind;
import io.muster.escalation.domain.PlanDocumentSettings;
import io.muster.escalation.domain.PlanDocumentVersion;
import io.muster.escalation.service.BackupChannelFields;
import io.muster.escalation.service.LineDiff;
import io.muster.escalation.service.PlanReviewFields;
import io.muster.escalation.service.PlanReviewState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the plan document: overview, review, backup channels, versions and their diff. */
public final class PlanDocumentRecords {

    private PlanDocumentRecords() {
    }

    public record OverviewRequest(@NotNull @Size(max = 20_000) String text) {
    }

    public record OverviewResponse(String text, Instant updatedAt, String updatedBy) {
        public static OverviewResponse of(PlanDocumentSettings s) {
            return new OverviewResponse(s.overview, s.updatedAt, s.updatedBy);
        }
    }

    /**
     * At least one of the two: {@code reviewIntervalDays} sets the next review date at each publish;
     * {@code reviewDueOn} sets the current one now.
     */
    public record ReviewRequest(@Min(1) @Max(1095) Integer reviewIntervalDays, LocalDate reviewDueOn) {

        public PlanReviewFields toFields() {
            return new PlanReviewFields(reviewIntervalDays, reviewDueOn);
        }
    }

    public record ReviewResponse(int reviewIntervalDays, LocalDate reviewDueOn, boolean overdue,
            Integer publishedVersion, String approvedBy, Instant publishedAt) {

        public static ReviewResponse of(PlanReviewState r) {
            return new ReviewResponse(r.reviewIntervalDays(), r.reviewDueOn(), r.overdue(), r.publishedVersion(),
                    r.approvedBy(), r.publishedAt());
        }
    }

    public record BackupChannelRequest(
            @NotBlank @Size(max = 120) String name,
            @NotNull BackupChannelKind kind,
            @NotBlank @Size(max = 2000) String howToJoin,
            @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                    message = "must be a role key: lower-case words joined by dashes") String ownerRole) {

        public BackupChannelFields toFields() {
            return new BackupChannelFields(name, kind, howToJoin, ownerRole);
        }
    }

    /** {@code howToJoin} is masked for viewers: a bridge number and PIN are contact details. */
    public record BackupChannelResponse(UUID id, String name, BackupChannelKind kind, String howToJoin,
            String ownerRole, Instant lastTestedAt, String lastTestedBy, Instant updatedAt) {

        public static final String MASKED = "***";

        public static BackupChannelResponse of(BackupChannel c, boolean fullContacts) {
            return new BackupChannelResponse(c.id, c.name, c.kind, fullContacts ? c.howToJoin : MASKED, c.ownerRole,
                    c.lastTestedAt, c.lastTestedBy, c.updatedAt);
        }
    }

    /**
     * What changed and why, in the approver's words: required, so that the version list reads as a change log (and a
     * body that says nothing, such as {@code {}}, publishes nothing).
     */
    public record PublishRequest(@NotBlank @Size(max = 2000) String note) {
    }

    public record VersionResponse(int version, String approvedBy, Instant publishedAt, String note,
            LocalDate reviewDueOn) {
        public static VersionResponse of(PlanDocumentVersion v) {
            return new VersionResponse(v.version, v.approvedBy, v.publishedAt, v.note, v.reviewDueOn);
        }
    }

    /** A hunk of the comparison: unified-diff header numbers and its lines, each starting with ' ', '-' or '+'. */
    public record Hunk(int fromStart, int fromCount, int toStart, int toCount, List<String> lines) {
    }

    /** {@code unified} is the whole comparison as unified-diff text; {@code hunks} the same as JSON. */
    public record Comparison(int from, int to, int added, int removed, List<Hunk> hunks, String unified) {
        public static Comparison of(int from, int to, LineDiff.Result diff) {
            return new Comparison(from, to, diff.added(), diff.removed(), diff.hunks().stream()
                    .map(h -> new Hunk(h.fromStart(), h.fromCount(), h.toStart(), h.toCount(),
                            h.lines().stream().map(LineDiff.Line::unified).toList()))
                    .toList(), diff.unified("plan-document v" + from + ".md", "plan-document v" + to + ".md"));
        }
    }
}
