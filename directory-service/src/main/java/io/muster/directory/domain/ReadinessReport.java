package io.muster.directory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What is stale or missing in the directory, worst first, each with what to do about it. */
public record ReadinessReport(Instant generatedAt, Map<String, Long> countsBySeverity, List<Finding> findings) {

    public enum Severity {
        CRITICAL, HIGH, MEDIUM, LOW
    }

    /**
     * @param code        stable kind of finding, e.g. {@code PERSON_UNREACHABLE}
     * @param subjectType person, role, rotation or external-resource
     * @param subjectId   the id (or key) of what the finding is about
     */
    public record Finding(String code, Severity severity, String subjectType, String subjectId, String subjectName,
            String message, String remedy) {
    }
}
