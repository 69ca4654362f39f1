package io.muster.escalation.service;

import io.muster.contracts.plans.PlanDocumentStatus;
import io.muster.escalation.domain.BackupChannel;
import io.muster.escalation.domain.PlanDocumentSettings;
import io.muster.escalation.domain.PlanDocumentVersion;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.muster.platform.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The plan document's use cases: render it live, edit its overview and review schedule, keep its backup channels,
 * publish versions and compare them. Each change is one transaction with its audit entry; a publish and a review
 * change also put the plan's {@link PlanDocumentStatus} in the outbox, so readiness can see an overdue review.
 */
@ApplicationScoped
public class PlanDocuments {

    static final String AUDIT_DOCUMENT = "plan-document";
    static final String AUDIT_VERSION = "plan-document-version";
    static final String AUDIT_CHANNEL = "backup-channel";
    /** The furthest ahead a review may be set: the interval's own limit. */
    static final int MAX_REVIEW_DAYS_AHEAD = 1095;

    @Inject
    PlanDocumentAssembler assembler;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public enum Format {
        HTML, MARKDOWN
    }

    /** The plan as it stands now, for a caller who sees contact details in full or masked. */
    @Transactional
    public String render(Format format, boolean fullContacts) {
        PlanDocumentSettings settings = PlanDocumentSettings.current();
        PlanDocumentVersion latest = PlanDocumentVersion.latest();
        PlanDocumentAssembler.Status status = latest == null
                ? new PlanDocumentAssembler.Status(null, null, null, settings.reviewDueOn, false)
                : new PlanDocumentAssembler.Status(latest.version, latest.approvedBy, latest.publishedAt,
                        settings.reviewDueOn, false);
        PlanDocumentModel.Document doc = assembler.assemble(fullContacts, status, clock.instant());
        return format == Format.HTML ? PlanDocumentRenderer.html(doc) : PlanDocumentRenderer.markdown(doc);
    }

    @Transactional
    public PlanDocumentSettings overview() {
        return PlanDocumentSettings.current();
    }

    @Transactional
    public PlanDocumentSettings defineOverview(String text, String actor) {
        PlanDocumentSettings settings = PlanDocumentSettings.locked();
        PlanOverviewState before = PlanOverviewState.of(settings);
        settings.overview = text.strip();
        settings.updatedAt = clock.instant();
        settings.updatedBy = actor;
        audit.record(AUDIT_DOCUMENT, PlanDocumentStatus.KEY, "overview-updated", actor, before,
                PlanOverviewState.of(settings));
        return settings;
    }

    @Transactional
    public PlanReviewState review() {
        return review(PlanDocumentSettings.current(), PlanDocumentVersion.latest());
    }

    @Transactional
    public PlanReviewState defineReview(PlanReviewFields request, String actor) {
        if (request.reviewIntervalDays() == null && request.reviewDueOn() == null) {
            throw Refusal.invalid("reviewDueOn", "give reviewDueOn, reviewIntervalDays or both");
        }
        LocalDate today = today();
        if (request.reviewDueOn() != null && (request.reviewDueOn().isBefore(today)
                || request.reviewDueOn().isAfter(today.plusDays(MAX_REVIEW_DAYS_AHEAD)))) {
            throw Refusal.invalid("reviewDueOn",
                    "must be between today (" + today + ") and " + MAX_REVIEW_DAYS_AHEAD + " days ahead");
        }
        PlanDocumentSettings settings = PlanDocumentSettings.locked();
        PlanDocumentVersion latest = PlanDocumentVersion.latest();
        PlanReviewState before = review(settings, latest);
        if (request.reviewIntervalDays() != null) {
            settings.reviewIntervalDays = request.reviewIntervalDays();
        }
        if (request.reviewDueOn() != null) {
            settings.reviewDueOn = request.reviewDueOn();
        }
        settings.updatedAt = clock.instant();
        settings.updatedBy = actor;
        PlanReviewState after = review(settings, latest);
        audit.record(AUDIT_DOCUMENT, PlanDocumentStatus.KEY, "review-changed", actor, before, after);
        outbox.publish(status(settings, latest));
        return after;
    }

    /** Publishes the plan as it stands: the next version number, rendered for an admin, approved by the caller. */
    @Transactional
    public PlanDocumentVersion publish(String note, String actor) {
        // Locking the one settings row serialises publishes, so version numbers never collide.
        PlanDocumentSettings settings = PlanDocumentSettings.locked();
        PlanDocumentVersion latest = PlanDocumentVersion.latest();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PlanDocumentVersion version = new PlanDocumentVersion();
        version.version = latest == null ? 1 : latest.version + 1;
        version.approvedBy = actor;
        version.publishedAt = now;
        version.note = note == null || note.isBlank() ? null : note.strip();
        version.reviewDueOn = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(settings.reviewIntervalDays);
        PlanDocumentModel.Document doc = assembler.assemble(true, new PlanDocumentAssembler.Status(version.version,
                actor, now, version.reviewDueOn, true), now);
        version.markdown = PlanDocumentRenderer.markdown(doc);
        version.html = PlanDocumentRenderer.html(doc);
        version.persist();
        settings.reviewDueOn = version.reviewDueOn;
        settings.updatedAt = now;
        settings.updatedBy = actor;
        audit.record(AUDIT_VERSION, version.version, "published", actor, null, PlanVersionState.of(version));
        outbox.publish(status(settings, version));
        return version;
    }

    @Transactional
    public List<PlanDocumentVersion> versions() {
        return PlanDocumentVersion.listAll(Sort.descending("version"));
    }

    @Transactional
    public PlanDocumentVersion version(int n) {
        PlanDocumentVersion version = PlanDocumentVersion.findById(n);
        if (version == null) {
            throw Refusal.notFound("Plan document version", n);
        }
        return version;
    }

    /** How version {@code to} differs from version {@code from}, line by line with three lines of context. */
    @Transactional
    public LineDiff.Result compare(int from, int to) {
        PlanDocumentVersion a = version(from);
        PlanDocumentVersion b = version(to);
        try {
            return LineDiff.diff(a.markdown, b.markdown, 3);
        } catch (LineDiff.TooLargeException e) {
            throw Refusal.unprocessable("versions-too-different", "to", e.getMessage());
        }
    }

    @Transactional
    public List<BackupChannel> backupChannels() {
        return BackupChannel.listAll(Sort.by("name"));
    }

    @Transactional
    public BackupChannel backupChannel(UUID id) {
        BackupChannel channel = BackupChannel.findById(id);
        if (channel == null) {
            throw Refusal.notFound("Backup channel", id);
        }
        return channel;
    }

    @Transactional
    public BackupChannel createBackupChannel(BackupChannelFields request, String actor) {
        requireFreeName(request.name().strip(), null);
        BackupChannel channel = new BackupChannel();
        channel.id = UUID.randomUUID();
        apply(channel, request);
        channel.persist();
        audit.record(AUDIT_CHANNEL, channel.id, "created", actor, null, BackupChannelState.of(channel));
        return channel;
    }

    @Transactional
    public BackupChannel updateBackupChannel(UUID id, BackupChannelFields request, String actor) {
        BackupChannel channel = backupChannel(id);
        requireFreeName(request.name().strip(), id);
        BackupChannelState before = BackupChannelState.of(channel);
        apply(channel, request);
        audit.record(AUDIT_CHANNEL, id, "updated", actor, before, BackupChannelState.of(channel));
        return channel;
    }

    @Transactional
    public void deleteBackupChannel(UUID id, String actor) {
        BackupChannel channel = backupChannel(id);
        audit.record(AUDIT_CHANNEL, id, "deleted", actor, BackupChannelState.of(channel), null);
        channel.delete();
    }

    /** Records that the channel was tested now by the caller. */
    @Transactional
    public BackupChannel tested(UUID id, String actor) {
        BackupChannel channel = backupChannel(id);
        BackupChannelState before = BackupChannelState.of(channel);
        channel.lastTestedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        channel.lastTestedBy = actor;
        audit.record(AUDIT_CHANNEL, id, "tested", actor, before, BackupChannelState.of(channel));
        return channel;
    }

    private void apply(BackupChannel channel, BackupChannelFields request) {
        channel.name = request.name().strip();
        channel.kind = request.kind();
        channel.howToJoin = request.howToJoin().strip();
        channel.ownerRole = request.ownerRole() == null || request.ownerRole().isBlank() ? null
                : request.ownerRole();
        channel.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireFreeName(String name, UUID self) {
        BackupChannel other = BackupChannel.find("name", name).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw Refusal.conflict("backup-channel-name-taken", "name",
                    "a backup channel named '" + name + "' exists");
        }
    }

    private PlanReviewState review(PlanDocumentSettings settings, PlanDocumentVersion latest) {
        PlanDocumentStatus status = status(settings, latest);
        return new PlanReviewState(settings.reviewIntervalDays, settings.reviewDueOn,
                status.reviewOverdueOn(today()), status.publishedVersion(), status.approvedBy(),
                status.publishedAt());
    }

    private static PlanDocumentStatus status(PlanDocumentSettings settings, PlanDocumentVersion latest) {
        return latest == null ? new PlanDocumentStatus(null, null, null, settings.reviewDueOn)
                : new PlanDocumentStatus(latest.version, latest.publishedAt, latest.approvedBy, settings.reviewDueOn);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
