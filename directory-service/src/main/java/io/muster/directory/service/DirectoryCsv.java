package io.muster.directory.service;

import io.muster.contracts.ChannelType;
import io.muster.platform.domain.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * People and channels as CSV (RFC 4180, read and written by Commons CSV), one person per record under a header
 * record; cells may be quoted and span lines. Lists (roles, skills, certifications) are separated by semicolons, an
 * item that holds a semicolon or starts with a quote being quoted the same way. Each of the email, sms, voice and
 * webhook columns holds at most one address, tried in that order. A cell a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return, and not a plain number such as a phone number) is written
 * after an apostrophe, which the import takes off again; so an import of an export gives the same people and
 * channels (see {@link DirectoryExporter#csv}).
 */
public final class DirectoryCsv {

    static final List<String> COLUMNS = List.of("ref", "displayName", "department", "timeZone", "roles", "skills",
            "certifications", "escalationLevel", "availability", "managerRef", "backupRef", "lastReviewedAt", "active",
            "email", "sms", "voice", "webhook", "channelsVerified");
    private static final List<String> CHANNEL_COLUMNS = List.of("email", "sms", "voice", "webhook");
    private static final int MAX_ROWS = 2000;
    private static final Pattern CHANNEL_PATH = Pattern.compile("^people\\[(\\d+)]\\.channels\\[(\\d+)](?:\\.(.*))?$");
    private static final Pattern PERSON_PATH = Pattern.compile("^people\\[(\\d+)](?:\\.(.*))?$");
    /** Records end in a line feed as the export always wrote them; CRLF and LF are both read. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setIgnoreEmptyLines(false)
            .get();
    /** A list inside one cell: the same quoting, with semicolons between the items. */
    private static final CSVFormat LIST = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("")
            .get();
    /** What a spreadsheet takes as the start of a formula (OWASP's CSV injection list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A plain number (a phone number in E.164 among them): a spreadsheet reads it as a value, not a formula. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");

    /** The parsed document, what could not be parsed, and how to name a field by its CSV line and column. */
    public record Parsed(DirectoryImport data, List<Refusal.FieldError> errors, UnaryOperator<String> fieldNames) {
    }

    private DirectoryCsv() {
    }

    public static Parsed parse(String text) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        // Spreadsheets saving "CSV UTF-8" put a byte order mark before the header.
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (csv.lines().findFirst().orElse("").isBlank()) {
            errors.add(new Refusal.FieldError("line 1", "a header line naming the columns is required"));
            return new Parsed(new DirectoryImport(List.of(), null, null, null, null), errors, UnaryOperator.identity());
        }
        List<Record> records = new ArrayList<>();
        readRecords(csv, records, errors);
        List<String> header = records.isEmpty() ? List.of()
                : records.get(0).cells().stream().map(String::strip).toList();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new Refusal.FieldError("line 1: " + column, "unknown column; known are " + COLUMNS));
            }
        }
        for (String required : List.of("ref", "displayName", "timeZone", "escalationLevel")) {
            if (!header.contains(required)) {
                errors.add(new Refusal.FieldError("line 1: " + required, "this column is required"));
            }
        }
        List<DirectoryImport.Person> people = new ArrayList<>();
        List<Integer> lineOfPerson = new ArrayList<>();
        Map<Integer, List<String>> channelColumnsOfPerson = new HashMap<>();
        for (Record record : records.subList(Math.min(1, records.size()), records.size())) {
            List<String> cells = record.cells();
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            int lineNumber = record.line();
            if (people.size() == MAX_ROWS) {
                errors.add(new Refusal.FieldError("line " + lineNumber, "at most " + MAX_ROWS + " people per import"));
                break;
            }
            if (cells.size() != header.size()) {
                errors.add(new Refusal.FieldError("line " + lineNumber,
                        "has " + cells.size() + " fields, the header has " + header.size()));
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String value = undefused(cells.get(c).strip());
                row.put(header.get(c), value.isEmpty() ? null : value);
            }
            String at = "line " + lineNumber + ": ";
            Integer level = null;
            if (row.get("escalationLevel") != null) {
                try {
                    level = Integer.valueOf(row.get("escalationLevel"));
                } catch (NumberFormatException e) {
                    errors.add(new Refusal.FieldError(at + "escalationLevel", "must be a whole number from 1 to 4"));
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
                    errors.add(new Refusal.FieldError(at + "lastReviewedAt",
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

    private static Boolean parseBoolean(String value, String field, List<Refusal.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(new Refusal.FieldError(field, "must be true or false"));
        return null;
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        List<String> items;
        try (CSVParser parser = CSVParser.parse(cell, LIST)) {
            items = parser.stream().findFirst().map(CSVRecord::toList).orElse(List.of());
        } catch (IOException | UncheckedIOException e) {
            // Not quoted as the export quotes (an unclosed quote): read as plain semicolon-separated items.
            items = Arrays.asList(cell.split(";"));
        }
        return items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** One record with the line it starts on. */
    private record Record(int line, List<String> cells) {
    }

    /** Every record of the document; where it stops being CSV, what was read before and an error for the rest. */
    private static void readRecords(String csv, List<Record> records, List<Refusal.FieldError> errors) {
        int[] lineFeeds = lineFeeds(csv);
        long nextLine = 1;
        try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (it.hasNext()) {
                CSVRecord record = it.next();
                records.add(new Record(lineAt(lineFeeds, record.getCharacterPosition()), record.toList()));
                nextLine = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | UncheckedIOException e) {
            String reason = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause().getMessage()
                    : e.getMessage();
            errors.add(new Refusal.FieldError("line " + nextLine, "is not valid CSV (" + reason
                    + "); a quoted cell must end with a quote, and a quote inside it is written twice"));
        }
    }

    /** The offsets of the line feeds in {@code text}, in order. */
    private static int[] lineFeeds(String text) {
        return IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
    }

    /** The 1-based line that the character at {@code position} is on. */
    private static int lineAt(int[] lineFeeds, long position) {
        int index = Arrays.binarySearch(lineFeeds, (int) position);
        return (index >= 0 ? index : -index - 1) + 1;
    }

    /** One record in the export's format, ending in its record separator. */
    static String record(List<String> cells) {
        return FORMAT.format(cells.stream().map(DirectoryCsv::defused).toArray()) + "\n";
    }

    /** A list cell: the items between semicolons, quoted where an item needs it. */
    static String listCell(List<String> items) {
        return items.isEmpty() ? "" : LIST.format(items.toArray());
    }

    /**
     * The cell with an apostrophe in front when a spreadsheet would run it as a formula, or when it starts with an
     * apostrophe the import would otherwise take off.
     */
    static String defused(String value) {
        boolean formula = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0
                && !PLAIN_NUMBER.matcher(value).matches();
        boolean apostrophe = value.startsWith("'") && startsDefused(value.substring(1));
        return formula || apostrophe ? "'" + value : value;
    }

    /** The cell as it was before {@link #defused}. */
    static String undefused(String cell) {
        return cell.startsWith("'") && startsDefused(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean startsDefused(String rest) {
        return !rest.isEmpty() && (FORMULA_STARTS.indexOf(rest.charAt(0)) >= 0 || rest.charAt(0) == '\'');
    }
}
