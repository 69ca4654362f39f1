package io.muster.console.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.muster.console.web.DirectoryViews.Finding;

/**
 * The directory's readiness findings arranged for reading: by subject (a person, a role, a rotation, an external
 * resource), the subjects with the worst finding first, and within a subject its findings worst first.
 */
final class ReadinessReport {

    /** The directory's finding severities, worst first. */
    static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    private ReadinessReport() {
    }

    public record Subject(String type, String id, String name, String worst, List<Finding> findings) {
    }

    static List<Subject> bySubject(List<Finding> findings) {
        Map<String, List<Finding>> grouped = new LinkedHashMap<>();
        for (Finding f : findings) {
            grouped.computeIfAbsent(f.subjectType() + "\u0000" + f.subjectId(), k -> new ArrayList<>()).add(f);
        }
        List<Subject> subjects = new ArrayList<>();
        for (List<Finding> group : grouped.values()) {
            List<Finding> sorted = group.stream().sorted(Comparator.comparingInt((Finding f) -> rank(f.severity()))
                    .thenComparing(f -> Objects.toString(f.code(), ""))).toList();
            Finding first = sorted.get(0);
            String name = first.subjectName() == null || first.subjectName().isBlank() ? first.subjectId()
                    : first.subjectName();
            subjects.add(new Subject(first.subjectType(), first.subjectId(), name, first.severity(), sorted));
        }
        subjects.sort(Comparator.comparingInt((Subject s) -> rank(s.worst()))
                .thenComparing(s -> Objects.toString(s.type(), ""))
                .thenComparing(s -> Objects.toString(s.name(), ""), String.CASE_INSENSITIVE_ORDER));
        return subjects;
    }

    /** Counts per severity, worst first, every severity present (0 when none). */
    static Map<String, Long> counts(List<Finding> findings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> counts.put(s, 0L));
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }

    private static int rank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? SEVERITIES.size() : i;
    }
}
