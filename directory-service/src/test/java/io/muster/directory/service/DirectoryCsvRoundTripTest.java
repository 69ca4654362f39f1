package io.muster.directory.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.contracts.ChannelType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CSV export read back by the CSV import gives the same people and channels, over generated directories whose
 * text holds what CSV and spreadsheets make hard: commas, quotes, semicolons, line breaks, a leading = + - @ or
 * apostrophe, and letters beyond ASCII. The seed is printed; repeat a run with {@code -Dcsv.seed=<seed>}.
 */
class DirectoryCsvRoundTripTest {

    private static final int DIRECTORIES = Integer.getInteger("csv.directories", 300);
    private static final List<String> PIECES = List.of("a", "Z", "7", " ", ",", "\"", "\"\"", ";", "'", "=", "+",
            "-", "@", "\t", "\n", "\r\n", "é", "ß", "Ł", "漢字", "Ωμέγα", "🙂", "עברית", "\u00a0", "=SUM(A1:A9)",
            "@cmd", "+1+1", "-2+3+cmd|' /C calc'!A0", "''", "\\", "#", "x");
    private static final List<String> LEADS = List.of("", "", "=", "+", "-", "@", "'", "''", "'=", "\"", "#", "-1",
            "+44", "é", "🙂");
    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Asia/Tokyo", "UTC");
    private static final List<String> ROLES = List.of("incident-commander", "security-analyst", "technical-lead");

    @Test
    void anExportReadBackByTheImportGivesTheSamePeopleAndChannels() {
        long seed = Long.getLong("csv.seed", System.nanoTime());
        System.out.printf("CSV round trip: seed %d (repeat with -Dcsv.seed=%d)%n", seed, seed);
        Random random = new Random(seed);
        int people = 0;
        for (int d = 0; d < DIRECTORIES; d++) {
            List<DirectoryImport.Person> directory = directory(random);
            String csv = DirectoryExporter.csv(new DirectoryImport(directory, List.of(), List.of(), List.of(),
                    List.of()));

            DirectoryCsv.Parsed parsed = DirectoryCsv.parse(csv);

            assertThat(parsed.errors()).as("seed %d, directory %d:%n%s", seed, d, csv).isEmpty();
            assertThat(parsed.data().people()).as("seed %d, directory %d:%n%s", seed, d, csv)
                    .containsExactlyElementsOf(directory.stream().map(DirectoryCsvRoundTripTest::asCsvCarriesIt)
                            .toList());
            people += directory.size();
        }
        assertThat(people).isGreaterThan(DIRECTORIES);
    }

    @Test
    void aFormulaIsDefusedForSpreadsheetsAndAPhoneNumberIsLeftAsItIs() {
        assertThat(DirectoryCsv.defused("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(DirectoryCsv.defused("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(DirectoryCsv.defused("@SUM(1)")).isEqualTo("'@SUM(1)");
        assertThat(DirectoryCsv.defused("+447700900123")).isEqualTo("+447700900123");
        assertThat(DirectoryCsv.defused("-1")).isEqualTo("-1");
        // An apostrophe of its own is kept as it is, unless the import would take it for the defusing one.
        assertThat(DirectoryCsv.defused("'t Hooft")).isEqualTo("'t Hooft");
        assertThat(DirectoryCsv.defused("'=x")).isEqualTo("''=x");
        assertThat(DirectoryCsv.undefused("'t Hooft")).isEqualTo("'t Hooft");
        assertThat(DirectoryCsv.undefused("'+447700900123")).isEqualTo("+447700900123");

        String csv = DirectoryExporter.csv(new DirectoryImport(List.of(person("p1", "=1+2", List.of("-x", "a;b"),
                List.of(new DirectoryImport.Channel(ChannelType.SMS, "+447700900123", 1, true)))), List.of(),
                List.of(), List.of(), List.of()));
        assertThat(csv.lines().toList().get(1))
                .isEqualTo("p1,'=1+2,,UTC,,\"'-x;\"\"a;b\"\"\",,1,,,,,true,,+447700900123,,,true");
    }

    @Test
    void aCellThatSpansLinesIsReadAsOneAndProblemsNameTheLineTheRecordStartsOn() {
        DirectoryCsv.Parsed parsed = DirectoryCsv.parse("""
                ref,displayName,timeZone,escalationLevel
                a,"Two
                lines",UTC,1
                b,Bee,UTC,high
                """);
        assertThat(parsed.data().people()).extracting(DirectoryImport.Person::displayName)
                .containsExactly("Two\nlines", "Bee");
        assertThat(parsed.errors()).extracting(e -> e.field()).containsExactly("line 4: escalationLevel");

        DirectoryCsv.Parsed unclosed = DirectoryCsv.parse("ref,displayName,timeZone,escalationLevel\n"
                + "a,Ay,UTC,1\n" + "b,\"Bee,UTC,1\n");
        assertThat(unclosed.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("line 3");
            assertThat(e.message()).startsWith("is not valid CSV").contains("a quote inside it is written twice");
        });
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreRead() {
        DirectoryCsv.Parsed parsed = DirectoryCsv.parse("\uFEFFref,displayName,timeZone,escalationLevel,skills\r\n"
                + "a,Ay,UTC,2,forensics; aws\r\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.data().people()).singleElement().satisfies(p -> {
            assertThat(p.displayName()).isEqualTo("Ay");
            assertThat(p.skills()).containsExactly("forensics", "aws");
        });
    }

    /** What the CSV carries of a person: one channel per type in column order, verified all together or not. */
    private static DirectoryImport.Person asCsvCarriesIt(DirectoryImport.Person p) {
        List<ChannelType> columns = List.of(ChannelType.EMAIL, ChannelType.SMS, ChannelType.VOICE,
                ChannelType.WEBHOOK);
        List<DirectoryImport.Channel> channels = new ArrayList<>();
        boolean verified = !p.channels().isEmpty()
                && p.channels().stream().allMatch(c -> Boolean.TRUE.equals(c.verified()));
        for (int c = 0; c < columns.size(); c++) {
            ChannelType type = columns.get(c);
            int preference = c + 1;
            p.channels().stream().filter(ch -> ch.type() == type).findFirst().ifPresent(ch -> channels.add(
                    new DirectoryImport.Channel(type, ch.address(), preference, verified)));
        }
        return new DirectoryImport.Person(p.ref(), p.displayName(), p.department(), p.managerRef(), p.timeZone(),
                p.skills(), p.certifications(), p.roles(), p.escalationLevel(), p.backupRef(), p.availability(),
                p.lastReviewedAt(), null, p.active(), channels);
    }

    private static List<DirectoryImport.Person> directory(Random random) {
        int size = 1 + random.nextInt(8);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            refs.add(random.nextInt(5) == 0 ? "-" + i + "x" : UUID.randomUUID().toString());
        }
        List<DirectoryImport.Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String self = refs.get(i);
            List<String> others = refs.stream().filter(r -> !r.equals(self)).toList();
            boolean verified = random.nextBoolean();
            List<DirectoryImport.Channel> channels = new ArrayList<>();
            if (random.nextBoolean()) {
                channels.add(new DirectoryImport.Channel(ChannelType.EMAIL,
                        LEADS.get(random.nextInt(3)).replace("'", "") + "o'brien+ir=" + i + "@example.com", 1,
                        verified));
            }
            if (random.nextBoolean()) {
                channels.add(new DirectoryImport.Channel(ChannelType.SMS,
                        "+4477009" + String.format("%05d", random.nextInt(100_000)), 2, verified));
            }
            if (random.nextBoolean()) {
                channels.add(new DirectoryImport.Channel(ChannelType.WEBHOOK,
                        "https://hooks.example.com/m,u;s=t'er/" + i, 3, verified));
            }
            people.add(new DirectoryImport.Person(self, text(random, 120), random.nextBoolean() ? null
                    : text(random, 120), others.isEmpty() || random.nextBoolean() ? null
                    : others.get(random.nextInt(others.size())), ZONES.get(random.nextInt(ZONES.size())),
                    items(random, 80), items(random, 120),
                    ROLES.subList(0, random.nextInt(ROLES.size() + 1)), 1 + random.nextInt(4),
                    others.isEmpty() || random.nextBoolean() ? null : others.get(random.nextInt(others.size())),
                    random.nextBoolean() ? null : text(random, 200),
                    random.nextBoolean() ? null : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50_000_000),
                            random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0),
                    null, random.nextBoolean(), channels));
        }
        return people;
    }

    /** Text as the directory keeps it: not blank, no surrounding white space, at most {@code max} characters. */
    private static String text(Random random, int max) {
        while (true) {
            StringBuilder out = new StringBuilder(LEADS.get(random.nextInt(LEADS.size())));
            int pieces = random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                out.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = out.toString().strip();
            if (!text.isEmpty() && text.length() <= max) {
                return text;
            }
        }
    }

    /** A list as the directory keeps it: distinct items of text. */
    private static List<String> items(Random random, int max) {
        Set<String> items = new LinkedHashSet<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            items.add(text(random, max));
        }
        return List.copyOf(items);
    }

    private static DirectoryImport.Person person(String ref, String name, List<String> skills,
            List<DirectoryImport.Channel> channels) {
        return new DirectoryImport.Person(ref, name, null, null, "UTC", skills, List.of(), List.of(), 1, null, null,
                null, null, true, channels);
    }
}
