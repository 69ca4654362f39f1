package io.muster.console.web;

/** How long a deadline clock has left, in words a responder reads at a glance. */
final class TimeLeft {

    private TimeLeft() {
    }

    /**
     * "2 d 3 h left", "3 h 20 min left", "12 min left", "under a minute left"; past the deadline "overdue by 1 h 5 min".
     * Seconds are dropped: a clock counted in hours does not need them.
     */
    static String describe(long secondsLeft) {
        if (secondsLeft >= 0 && secondsLeft < 60) {
            return "under a minute left";
        }
        String span = span(Math.abs(secondsLeft));
        return secondsLeft < 0 ? "overdue by " + span : span + " left";
    }

    private static String span(long seconds) {
        long minutes = seconds / 60;
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return hours > 0 ? days + " d " + hours + " h" : days + " d";
        }
        if (hours > 0) {
            return mins > 0 ? hours + " h " + mins + " min" : hours + " h";
        }
        return Math.max(mins, 1) + " min";
    }
}
