package io.muster.contracts.directory;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.time.Instant;
import java.util.List;

/**
 * The directory's readiness findings as last computed (what is stale or missing, worst first), published whenever
 * they change so that the incident response plan document can list them as open gaps without asking the directory.
 */
public record ReadinessSnapshot(Instant generatedAt, List<Finding> findings) implements EventPayload {

    public static final String TYPE = "ReadinessSnapshot";
    public static final String KEY = "readiness";

    public ReadinessSnapshot {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * @param code        stable kind of finding, e.g. {@code PERSON_UNREACHABLE}
     * @param severity    CRITICAL, HIGH, MEDIUM or LOW
     * @param subjectType person, role, rotation, external-resource, action-item or plan
     */
    public record Finding(String code, String severity, String subjectType, String subjectId, String subjectName,
            String message, String remedy) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.DIRECTORY;
    }

    @Override
    public String key() {
        return KEY;
    }
}
