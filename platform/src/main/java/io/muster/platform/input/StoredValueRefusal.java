package io.muster.platform.input;

import io.muster.platform.problem.Problem;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence behind validation at the edge: when PostgreSQL itself refuses a value of a request (a
 * column's CHECK, a text or number it cannot hold, a date outside its calendar), the transaction has rolled back
 * and nothing was written, so the caller gets a 400 naming the column's field rather than an internal error.
 */
public final class StoredValueRefusal {

    private static final Pattern CHECK = Pattern.compile("relation \"(\\w+)\" violates check constraint \"(\\w+)\"");

    private StoredValueRefusal() {
    }

    /** The problem for a failure caused by the database refusing a value, or null for any other failure. */
    public static Problem of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("23514")) {
                    String field = fieldOfCheck(String.valueOf(sql.getMessage()));
                    return problem(field, "is outside the range the field allows");
                }
                // Class 22, data exceptions: too long, out of range, untranslatable character, bad date-time.
                if (state.startsWith("22")) {
                    return problem("request", "holds a value the database cannot store");
                }
                return null;
            }
        }
        return null;
    }

    private static Problem problem(String field, String message) {
        return Problem.of("invalid-request", "Invalid request", 400, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** {@code person_escalation_level_check} on {@code person} is the column {@code escalation_level}. */
    static String fieldOfCheck(String message) {
        Matcher m = CHECK.matcher(message);
        if (!m.find()) {
            return "request";
        }
        String table = m.group(1);
        String constraint = m.group(2);
        if (!constraint.startsWith(table + "_") || !constraint.endsWith("_check")) {
            return "request";
        }
        String column = constraint.substring(table.length() + 1, constraint.length() - "_check".length());
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }
}
