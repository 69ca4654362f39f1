package io.muster.escalation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected diff below is the one GNU diff prints for the same two texts (worked out by hand and checked). */
class LineDiffTest {

    @Test
    void aRemovedAndAnAddedLineCloseTogetherShareOneHunk() {
        LineDiff.Result diff = LineDiff.diff("a\nb\nc\nd\n", "a\nc\nd\ne\n", 1);
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.unified("v1", "v2")).isEqualTo("""
                --- v1
                +++ v2
                @@ -1,4 +1,4 @@
                 a
                -b
                 c
                 d
                +e
                """);
    }

    @Test
    void withoutContextEachChangeIsItsOwnHunkNumberedAsDiffDoes() {
        LineDiff.Result diff = LineDiff.diff("a\nb\nc\nd\n", "a\nc\nd\ne\n", 0);
        assertThat(diff.hunks()).extracting(LineDiff.Hunk::header).containsExactly("@@ -2 +1,0 @@", "@@ -4,0 +4 @@");
        assertThat(diff.hunks().get(0).lines()).extracting(LineDiff.Line::unified).containsExactly("-b");
        assertThat(diff.hunks().get(1).lines()).extracting(LineDiff.Line::unified).containsExactly("+e");
    }

    @Test
    void aChangedLineShowsTheOldAboveTheNew() {
        LineDiff.Result diff = LineDiff.diff("x\n", "y\n", 3);
        assertThat(diff.unified("a", "b")).endsWith("@@ -1 +1 @@\n-x\n+y\n");
    }

    @Test
    void changesFarApartAreSeparateHunksWithTheirContext() {
        List<String> a = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            a.add("line " + i);
        }
        List<String> b = new ArrayList<>(a);
        b.set(1, "line two");       // line 2
        b.set(17, "line eighteen"); // line 18
        LineDiff.Result diff = LineDiff.diff(a, b, 2);
        // Line 2 with lines 1 and 3-4 around it; line 18 with 16-17 and 19-20.
        assertThat(diff.hunks()).extracting(LineDiff.Hunk::header)
                .containsExactly("@@ -1,4 +1,4 @@", "@@ -16,5 +16,5 @@");
        assertThat(diff.hunks().get(1).lines()).extracting(LineDiff.Line::unified)
                .containsExactly(" line 16", " line 17", "-line 18", "+line eighteen", " line 19", " line 20");
    }

    @Test
    void identicalTextsHaveNoHunksAndEmptyTextsDiffCleanly() {
        assertThat(LineDiff.diff("same\ntext\n", "same\ntext\n", 3).hunks()).isEmpty();
        LineDiff.Result fromNothing = LineDiff.diff("", "one\ntwo\n", 3);
        assertThat(fromNothing.hunks()).extracting(LineDiff.Hunk::header).containsExactly("@@ -0,0 +1,2 @@");
        assertThat(fromNothing.added()).isEqualTo(2);
    }

    @Test
    void theLongestCommonSubsequenceIsKept() {
        // LCS of ABCBDAB and BDCABA has length 4, so 3 lines go and 2 come.
        LineDiff.Result diff = LineDiff.diff(List.of("A", "B", "C", "B", "D", "A", "B"),
                List.of("B", "D", "C", "A", "B", "A"), 0);
        assertThat(diff.removed()).isEqualTo(3);
        assertThat(diff.added()).isEqualTo(2);
    }

    @Test
    void aComparisonTooLargeForTheTableIsRefusedNotAttempted() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 2_001; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }
        assertThatThrownBy(() -> LineDiff.diff(a, b, 3)).isInstanceOf(LineDiff.TooLargeException.class);
        // The same sizes with a common head and tail compare fine: only the changed middle is tabled.
        List<String> c = new ArrayList<>(a);
        c.set(1_000, "changed");
        assertThat(LineDiff.diff(a, c, 0).hunks()).hasSize(1);
    }
}
