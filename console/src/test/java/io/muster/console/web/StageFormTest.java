package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StageFormTest {

    @Test
    void rowsBecomeStagesAndWhatTheEditorDoesNotShowIsKept() {
        List<Map<String, Object>> existing = List.of(
                Map.of("roles", List.of("incident-commander"), "teams", List.of(), "contacts", List.of(),
                        "levels", List.of(), "timeoutSeconds", 300),
                Map.of("roles", List.of(), "teams", List.of("7d1c0000-0000-0000-0000-000000000001"),
                        "contacts", List.of(), "levels", List.of(2)));

        StageForm.Parsed parsed = StageForm.parse(
                List.of("incident-commander, Security-Analyst,incident-commander", "", "legal-counsel"),
                List.of("120", "", ""), existing);

        assertThat(parsed.problem()).isNull();
        assertThat(parsed.stages()).hasSize(3);
        assertThat(parsed.stages().get(0)).containsEntry("roles", List.of("incident-commander", "security-analyst"))
                .containsEntry("timeoutSeconds", 120);
        // The second stage has no roles in the editor but pages a team at level 2: kept, with those targets.
        assertThat(parsed.stages().get(1)).containsEntry("roles", List.of())
                .containsEntry("teams", List.of("7d1c0000-0000-0000-0000-000000000001"))
                .containsEntry("levels", List.of(2)).containsEntry("timeoutSeconds", null);
        assertThat(parsed.stages().get(2)).containsEntry("roles", List.of("legal-counsel"))
                .containsEntry("teams", List.of());
    }

    @Test
    void anEmptyRowWithNothingElseRemovesTheStage() {
        StageForm.Parsed parsed = StageForm.parse(List.of("", "incident-commander"), List.of("60", ""), List.of());
        assertThat(parsed.stages()).extracting(s -> s.get("roles")).containsExactly(List.of("incident-commander"));
    }

    @Test
    void badInputNamesTheRowAndTheField() {
        assertThat(StageForm.parse(List.of("incident commander"), List.of(""), List.of()).problem())
                .startsWith("Stage 1 roles:");
        assertThat(StageForm.parse(List.of("a", "b"), List.of("", "0"), List.of()).problem())
                .startsWith("Stage 2 timeoutSeconds:");
        assertThat(StageForm.parse(List.of("a"), List.of("86401"), List.of()).problem())
                .startsWith("Stage 1 timeoutSeconds:");
        assertThat(StageForm.parse(List.of("", " "), List.of(), List.of()).problem()).startsWith("stages:");
    }
}
