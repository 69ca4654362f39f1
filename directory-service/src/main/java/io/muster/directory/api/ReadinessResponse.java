package io.muster.directory.api;

import io.muster.directory.domain.ReadinessReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What is stale or missing in the directory, worst first, each with what to do about it. */
public record ReadinessResponse(Instant generatedAt, Map<String, Long> countsBySeverity, List<Finding> findings) {

    /**
     * @param code        stable kind of finding, e.g. {@code PERSON_UNREACHABLE}
     * @param subjectType person, role, rotation or external-resource
     * @param subjectId   the id (or key) of what the finding is about
     */
    public record Finding(String code, ReadinessReport.Severity severity, String subjectType, String subjectId,
            String subjectName, String message, String remedy) {
    }

    public static ReadinessResponse of(ReadinessReport report) {
        return new ReadinessResponse(report.generatedAt(), report.countsBySeverity(), report.findings().stream()
                .map(f -> new Finding(f.code(), f.severity(), f.subjectType(), f.subjectId(), f.subjectName(),
                        f.message(), f.remedy()))
                .toList());
    }
}
