package io.muster.escalation.service;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence, grouped into unified-diff hunks with {@code context} lines
 * around each change. Pure. The LCS table is (n+1) x (m+1) ints; plan documents are a few thousand lines at most and
 * the table covers only the changed middle and is bounded ({@link #MAX_CELLS}).
 */
public final class LineDiff {

    /** The LCS table's bound (16 MB of ints): beyond it the diff is refused rather than exhausting memory. */
    public static final long MAX_CELLS = 4_000_000L;

    public enum Kind {
        SAME(' '), REMOVED('-'), ADDED('+');

        final char mark;

        Kind(char mark) {
            this.mark = mark;
        }
    }

    /** One line of the diff: {@code fromLine}/{@code toLine} are 1-based, 0 when the line is absent on that side. */
    public record Line(Kind kind, int fromLine, int toLine, String text) {
        public String unified() {
            return kind.mark + text;
        }
    }

    /** A unified-diff hunk: {@code @@ -fromStart,fromCount +toStart,toCount @@} (a count of 1 left out, as diff(1) does). */
    public record Hunk(int fromStart, int fromCount, int toStart, int toCount, List<Line> lines) {
        public String header() {
            return "@@ -" + range(fromStart, fromCount) + " +" + range(toStart, toCount) + " @@";
        }

        private static String range(int start, int count) {
            return count == 1 ? String.valueOf(start) : start + "," + count;
        }
    }

    public record Result(int added, int removed, List<Hunk> hunks) {
        /** The hunks as unified-diff text under the given file labels. */
        public String unified(String fromLabel, String toLabel) {
            StringBuilder out = new StringBuilder();
            out.append("--- ").append(fromLabel).append('\n').append("+++ ").append(toLabel).append('\n');
            for (Hunk hunk : hunks) {
                out.append(hunk.header()).append('\n');
                hunk.lines().forEach(l -> out.append(l.unified()).append('\n'));
            }
            return out.toString();
        }
    }

    private LineDiff() {
    }

    public static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    public static Result diff(String from, String to, int context) {
        return diff(lines(from), lines(to), context);
    }

    public static Result diff(List<String> a, List<String> b, int context) {
        List<Line> script = script(a, b);
        int added = (int) script.stream().filter(l -> l.kind() == Kind.ADDED).count();
        int removed = (int) script.stream().filter(l -> l.kind() == Kind.REMOVED).count();
        return new Result(added, removed, hunks(script, context));
    }

    /**
     * Every line of both texts in order, each marked same, removed or added. The common head and tail are matched
     * directly, so the LCS table covers only the changed middle (small when one version edits the last).
     */
    static List<Line> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        int n = a.size() - head - tail;
        int m = b.size() - head - tail;
        if ((long) n * m > MAX_CELLS) {
            throw new TooLargeException(n, m);
        }
        List<Line> out = new ArrayList<>(a.size() + m);
        for (int k = 0; k < head; k++) {
            out.add(new Line(Kind.SAME, k + 1, k + 1, a.get(k)));
        }
        // common[i][j] = length of the LCS of the middles' suffixes from i and j
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(head + i).equals(b.get(head + j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(head + i).equals(b.get(head + j))) {
                out.add(new Line(Kind.SAME, head + i + 1, head + j + 1, a.get(head + i)));
                i++;
                j++;
            } else if (j < m && (i == n || common[i][j + 1] > common[i + 1][j])) {
                out.add(new Line(Kind.ADDED, 0, head + j + 1, b.get(head + j)));
                j++;
            } else {
                // At a tie the removal comes first, as diff(1) shows a changed line: old above new.
                out.add(new Line(Kind.REMOVED, head + i + 1, 0, a.get(head + i)));
                i++;
            }
        }
        for (int k = 0; k < tail; k++) {
            int from = a.size() - tail + k;
            int to = b.size() - tail + k;
            out.add(new Line(Kind.SAME, from + 1, to + 1, a.get(from)));
        }
        return out;
    }

    /** The changed middles of the two texts are too large to compare line by line within the memory bound. */
    public static final class TooLargeException extends IllegalArgumentException {
        TooLargeException(int n, int m) {
            super("the versions differ in " + n + " and " + m + " lines, more than can be compared");
        }
    }

    static List<Hunk> hunks(List<Line> script, int context) {
        List<Hunk> hunks = new ArrayList<>();
        int k = 0;
        while (k < script.size()) {
            if (script.get(k).kind() == Kind.SAME) {
                k++;
                continue;
            }
            int start = Math.max(0, k - context);
            // Extend over changes whose gap of unchanged lines is at most 2 x context.
            int lastChange = k;
            int p = k;
            while (p < script.size()) {
                if (script.get(p).kind() != Kind.SAME) {
                    lastChange = p;
                } else if (p - lastChange > 2 * context) {
                    break;
                }
                p++;
            }
            int end = Math.min(script.size(), lastChange + context + 1);
            hunks.add(hunk(script.subList(start, end), script, start));
            k = end;
        }
        return hunks;
    }

    private static Hunk hunk(List<Line> lines, List<Line> script, int start) {
        int fromCount = (int) lines.stream().filter(l -> l.kind() != Kind.ADDED).count();
        int toCount = (int) lines.stream().filter(l -> l.kind() != Kind.REMOVED).count();
        // The line number before the hunk on each side, as unified diff counts: a hunk with no lines on a side
        // starts at the line after which it applies.
        int fromBefore = 0;
        int toBefore = 0;
        for (int q = 0; q < start; q++) {
            Line l = script.get(q);
            if (l.kind() != Kind.ADDED) {
                fromBefore = l.fromLine();
            }
            if (l.kind() != Kind.REMOVED) {
                toBefore = l.toLine();
            }
        }
        int fromStart = fromCount == 0 ? fromBefore : fromBefore + 1;
        int toStart = toCount == 0 ? toBefore : toBefore + 1;
        return new Hunk(fromStart, fromCount, toStart, toCount, List.copyOf(lines));
    }
}
