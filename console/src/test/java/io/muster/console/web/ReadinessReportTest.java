package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.muster.console.web.DirectoryViews.Finding;
import io.muster.console.web.ReadinessReport.Subject;

class ReadinessReportTest {

    private static final Finding ANA_ONE_CHANNEL = finding("PERSON_SINGLE_CHANNEL", "HIGH", "person", "p1", "Ana");
    private static final Finding ANA_UNREVIEWED = finding("PERSON_REVIEW_OVERDUE", "LOW", "person", "p1", "Ana");
    private static final Finding ROLE_EMPTY = finding("ROLE_NO_MEMBERS", "CRITICAL", "role", "forensics", null);
    private static final Finding BEN_UNREVIEWED = finding("PERSON_REVIEW_OVERDUE", "LOW", "person", "p2", "Ben");

    @Test
    void subjectsWithTheWorstFindingComeFirstAndEachListsItsFindingsWorstFirst() {
        List<Subject> subjects = ReadinessReport.bySubject(
                List.of(BEN_UNREVIEWED, ANA_UNREVIEWED, ROLE_EMPTY, ANA_ONE_CHANNEL));
        assertThat(subjects).extracting(Subject::name).containsExactly("forensics", "Ana", "Ben");
        assertThat(subjects).extracting(Subject::worst).containsExactly("CRITICAL", "HIGH", "LOW");
        assertThat(subjects.get(1).findings()).containsExactly(ANA_ONE_CHANNEL, ANA_UNREVIEWED);
    }

    @Test
    void everySeverityIsCountedWorstFirstWithZeroesShown() {
        assertThat(ReadinessReport.counts(List.of(ANA_UNREVIEWED, BEN_UNREVIEWED, ROLE_EMPTY)))
                .containsExactly(entry("CRITICAL", 1L), entry("HIGH", 0L), entry("MEDIUM", 0L), entry("LOW", 2L));
        assertThat(ReadinessReport.bySubject(List.of())).isEmpty();
    }

    private static java.util.Map.Entry<String, Long> entry(String k, Long v) {
        return java.util.Map.entry(k, v);
    }

    private static Finding finding(String code, String severity, String type, String id, String name) {
        return new Finding(code, severity, type, id, name, code.toLowerCase(), null);
    }
}
