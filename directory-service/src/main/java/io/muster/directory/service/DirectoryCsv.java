package io.muster.directory.service;

import io.muster.contracts.ChannelType;
import io.muster.platform.problem.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People and channels as CSV, one person per line under a header line. Lists (roles, skills, certifications) are
 * separated by semicolons; each of the email, sms, voice and webhook columns holds at most one address, tried in
 * that order. Fields may be double-quoted (RFC 4180), but not span lines.
 */
public final class DirectoryCsv {

    static final List<String> COLUMNS = List.of("ref", "displayName", "department", "timeZone", "roles", "skills",
            "certifications", "escalationLevel", "availability", "managerRef", "backupRef", "lastReviewedAt", "active",
            "email", "sms", "voice", "webhook", "channelsVerified");
    private static final List<String> CHANNEL_COLUMNS = List.of("email", "sms", "voice", "webhook");
    private static final int MAX_ROWS = 2000;
    private static final Pattern CHANNEL_PATH = Pattern.compile("^people\\[(\\d+)]\\.channels\\[(\\d+)](?:\\.(.*))?$");
    private static final Pattern PERSON_PATH = Pattern.compile("^people\\[(\\d+)](?:\\.(.*))?$");

    /** The parsed document, what could not be parsed, and how to name a field by its CSV line and column. */
    public record Parsed(DirectoryImport data, List<Problem.FieldError> errors, UnaryOperator<String> fieldNames) {
    }

    private DirectoryCsv() {
    }

    public static Parsed parse(String text) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            errors.add(new Problem.FieldError("line 1", "a header line naming the columns is required"));
            return new Parsed(new DirectoryImport(List.of(), null, null, null, null), errors, UnaryOperator.identity());
        }
        List<String> header = Arrays.stream(split(lines[0])).map(String::strip).toList();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new Problem.FieldError("line 1: " + column, "unknown column; known are " + COLUMNS));
            }
        }
        for (String required : List.of("ref", "displayName", "timeZone", "escalationLevel")) {
            if (!header.contains(required)) {
                errors.add(new Problem.FieldError("line 1: " + required, "this column is required"));
            }
        }
        List<DirectoryImport.Person> people = new ArrayList<>();
        List<Integer> lineOfPerson = new ArrayList<>();
        Map<Integer, List<String>> channelColumnsOfPerson = new HashMap<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            int lineNumber = n + 1;
            if (people.size() == MAX_ROWS) {
                errors.add(new Problem.FieldError("line " + lineNumber, "at most " + MAX_ROWS + " people per import"));
                break;
            }
            String[] cells = split(lines[n]);
            if (cells.length != header.size()) {
                errors.add(new Problem.FieldError("line " + lineNumber,
                        "has " + cells.length + " fields, the header has " + header.size()));
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.length; c++) {
                String value = cells[c].strip();
                row.put(header.get(c), value.isEmpty() ? null : value);
            }
            String at = "line " + lineNumber + ": ";
            Integer level = null;
            if (row.get("escalationLevel") != null) {
                try {
                    level = Integer.valueOf(row.get("escalationLevel"));
                } catch (NumberFormatException e) {
                    errors.add(new Problem.FieldError(at + "escalationLevel", "must be a whole number from 1 to 4"));
                    level = 1;
                }
            }
            Boolean active = parseBoolean(row.get("active"), at + "active", errors);
            boolean verified = Boolean.TRUE.equals(parseBoolean(row.get("channelsVerified"), at + "channelsVerified",
                    errors));
            Instant reviewed = null;
            if (row.get("lastReviewedAt") != null) {
                try {
                    reviewed = Instant.parse(row.get("lastReviewedAt"));
                } catch (DateTimeParseException e) {
                    errors.add(new Problem.FieldError(at + "lastReviewedAt",
                            "must be an ISO-8601 instant such as 2026-05-01T09:00:00Z"));
                }
            }
            List<DirectoryImport.Channel> channels = new ArrayList<>();
            List<String> channelColumns = new ArrayList<>();
            for (int c = 0; c < CHANNEL_COLUMNS.size(); c++) {
                String column = CHANNEL_COLUMNS.get(c);
                if (row.get(column) != null) {
                    channels.add(new DirectoryImport.Channel(ChannelType.valueOf(column.toUpperCase()),
                            row.get(column), c + 1, verified));
                    channelColumns.add(column);
                }
            }
            channelColumnsOfPerson.put(people.size(), channelColumns);
            lineOfPerson.add(lineNumber);
            people.add(new DirectoryImport.Person(row.get("ref"), row.get("displayName"), row.get("department"),
                    row.get("managerRef"), row.get("timeZone"), list(row.get("skills")),
                    list(row.get("certifications")), list(row.get("roles")), level, row.get("backupRef"),
                    row.get("availability"), reviewed, null, active, channels));
        }
        UnaryOperator<String> names = path -> {
            Matcher channel = CHANNEL_PATH.matcher(path);
            if (channel.matches()) {
                int person = Integer.parseInt(channel.group(1));
                List<String> columns = channelColumnsOfPerson.getOrDefault(person, List.of());
                int index = Integer.parseInt(channel.group(2));
                return "line " + lineOfPerson.get(person) + ": "
                        + (index < columns.size() ? columns.get(index) : "channels");
            }
            Matcher person = PERSON_PATH.matcher(path);
            if (person.matches()) {
                int index = Integer.parseInt(person.group(1));
                return "line " + lineOfPerson.get(index) + (person.group(2) == null ? "" : ": " + person.group(2));
            }
            return path;
        };
        return new Parsed(new DirectoryImport(people, null, null, null, null), errors, names);
    }

    private static Boolean parseBoolean(String value, String field, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(new Problem.FieldError(field, "must be true or false"));
        return null;
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Splits one CSV line, honouring double quotes and doubled quotes inside them. */
    static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
