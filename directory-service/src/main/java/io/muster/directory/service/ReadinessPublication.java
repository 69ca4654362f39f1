package io.muster.directory.service;

import io.muster.contracts.directory.ReadinessSnapshot;
import io.muster.directory.domain.ReadinessReport;
import io.muster.directory.domain.ReadinessReport.Finding;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Publishes the readiness findings as a {@link ReadinessSnapshot} (key {@code readiness}) on the directory topic
 * through the outbox, only when they differ from the ones last published: the fingerprint of the last published
 * findings is kept in one row that is locked while the findings are computed and compared, so two replicas (or a
 * recheck racing a change) never publish the same findings twice.
 */
@ApplicationScoped
public class ReadinessPublication {

    /** Findings a snapshot lists at most, worst first. */
    public static final int MAX_PUBLISHED_FINDINGS = 300;
    /** The code of the finding that stands for those left out. */
    public static final String MORE_FINDINGS = "MORE_FINDINGS";

    @Inject
    ReadinessCheck check;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** The report just computed and whether it was published (false: the same findings were published before). */
    public record Outcome(ReadinessReport report, boolean published) {
    }

    @Transactional
    public Outcome publishIfChanged() {
        Object last = entityManager.createNativeQuery(
                "SELECT fingerprint FROM readiness_publication WHERE id = 1 FOR UPDATE").getSingleResult();
        ReadinessReport report = check.report();
        String fingerprint = fingerprint(report.findings());
        if (fingerprint.equals(last)) {
            return new Outcome(report, false);
        }
        outbox.publish(snapshotOf(report));
        entityManager.createNativeQuery(
                "UPDATE readiness_publication SET fingerprint = ?1, published_at = ?2 WHERE id = 1")
                .setParameter(1, fingerprint).setParameter(2, clock.instant()).executeUpdate();
        return new Outcome(report, true);
    }

    /**
     * The snapshot of a report: its worst {@link #MAX_PUBLISHED_FINDINGS} findings, and when there are more, one
     * last finding ({@link #MORE_FINDINGS}) saying how many more the report holds, so that a large organisation's
     * findings never make a record the broker refuses.
     */
    static ReadinessSnapshot snapshotOf(ReadinessReport report) {
        List<Finding> findings = report.findings();
        List<ReadinessSnapshot.Finding> published = new java.util.ArrayList<>(findings.stream()
                .limit(MAX_PUBLISHED_FINDINGS)
                .map(f -> new ReadinessSnapshot.Finding(f.code(), f.severity().name(), f.subjectType(),
                        f.subjectId(), f.subjectName(), f.message(), f.remedy()))
                .toList());
        if (findings.size() > MAX_PUBLISHED_FINDINGS) {
            published.add(new ReadinessSnapshot.Finding(MORE_FINDINGS, ReadinessReport.Severity.LOW.name(),
                    "directory", "readiness", "Readiness report",
                    (findings.size() - MAX_PUBLISHED_FINDINGS) + " more findings are not listed here",
                    "Read the full report: GET /api/v1/readiness on directory-service."));
        }
        return new ReadinessSnapshot(report.generatedAt(), published);
    }

    /**
     * What makes two sets of findings the same: every field of every finding, in any order, except a rotation gap's
     * message, which names the first uncovered instant from now and so changes with every computation.
     */
    static String fingerprint(List<Finding> findings) {
        List<String> lines = findings.stream().map(f -> String.join("\u001f", f.code(), f.severity().name(),
                f.subjectType(), String.valueOf(f.subjectId()), String.valueOf(f.subjectName()),
                ReadinessCheck.ROTATION_GAP.equals(f.code()) ? "" : String.valueOf(f.message()),
                String.valueOf(f.remedy()))).sorted().toList();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
