package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Generated directories, imported, exported as CSV and that CSV imported again through the API: the copies have the
 * same fields and channels as the originals, names with commas, quotes, line breaks, a leading = + - @ or apostrophe
 * and letters beyond ASCII included. The seed is printed; repeat a run with {@code -Dcsv.seed=<seed>}.
 */
@QuarkusTest
class CsvRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIRECTORIES = Integer.getInteger("csv.api.directories", 3);
    private static final List<String> LEADS = List.of("", "=", "+", "-", "@", "'", "'=", "\"", "é", "漢");
    private static final List<String> PIECES = List.of("a", " ", ",", "\"", ";", "'", "=", "\n", "\r\n", "ß",
            "Ωμέγα", "🙂", "=SUM(A1)", "-2+3+cmd|' /C calc'!A0", "@x");
    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "UTC");
    private static final List<String> ROLES = List.of("incident-commander", "security-analyst", "technical-lead");
    private static final List<String> COMPARED = List.of("department", "timeZone", "skills", "certifications", "roles",
            "escalationLevel", "availability", "lastReviewedAt", "active");

    @Test
    void aCsvExportImportedAgainGivesTheSamePeopleAndChannels() throws Exception {
        long seed = Long.getLong("csv.seed", System.nanoTime());
        System.out.printf("CSV round trip through the API: seed %d (repeat with -Dcsv.seed=%d)%n", seed, seed);
        Random random = new Random(seed);
        for (int d = 0; d < DIRECTORIES; d++) {
            String tag = "rt" + UUID.randomUUID().toString().substring(0, 8);
            ObjectNode directory = directory(random, tag);
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(JSON.writeValueAsString(directory))
                    .when().post("/api/v1/import").then().statusCode(200);
            Map<String, JsonNode> originals = peopleTagged(tag);
            assertThat(originals).hasSize(directory.path("people").size());

            // As bytes: the CSV is UTF-8 whatever a client would guess for text/csv.
            String csv = new String(given().header("Authorization", ADMIN).accept("text/csv")
                    .when().get("/api/v1/export").then().statusCode(200).extract().asByteArray(),
                    StandardCharsets.UTF_8);
            given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8")
                    .body(onlyTheRowsOf(csv, originals.keySet()).getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/import")
                    .then().statusCode(200).body("people", equalTo(originals.size()));

            Map<String, JsonNode> all = peopleTagged(tag);
            assertThat(all).hasSize(2 * originals.size());
            Map<String, JsonNode> copyByName = new HashMap<>();
            all.values().stream().filter(p -> !originals.containsKey(p.path("ref").asText()))
                    .forEach(p -> copyByName.put(p.path("displayName").asText(), p));
            for (JsonNode original : originals.values()) {
                String name = original.path("displayName").asText();
                JsonNode copy = copyByName.get(name);
                assertThat(copy).as("seed %d: a copy of %s", seed, name).isNotNull();
                for (String field : COMPARED) {
                    assertThat(copy.path(field)).as("seed %d: %s of %s", seed, field, name)
                            .isEqualTo(original.path(field));
                }
                assertThat(channels(copy)).as("seed %d: channels of %s", seed, name)
                        .isEqualTo(channels(original));
                for (String ref : List.of("managerRef", "backupRef")) {
                    JsonNode originalRef = original.path(ref);
                    JsonNode copyRef = copy.path(ref);
                    if (originalRef.isNull() || originalRef.isMissingNode()) {
                        assertThat(copyRef.isNull() || copyRef.isMissingNode()).as("seed %d: %s of %s", seed, ref, name)
                                .isTrue();
                    } else {
                        // The copy refers to the copy of the same person, not to the original.
                        assertThat(originals).doesNotContainKey(copyRef.asText());
                        assertThat(all.get(copyRef.asText()).path("displayName"))
                                .isEqualTo(originals.get(originalRef.asText()).path("displayName"));
                    }
                }
            }
        }
    }

    /** The CSV's header and the records of these people, written again as they were read. */
    private static String onlyTheRowsOf(String csv, Set<String> refs) throws Exception {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
        try (CSVParser parser = CSVParser.parse(csv, format); CSVPrinter printer = new CSVPrinter(out, format)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header || refs.contains(record.get(0))) {
                    printer.printRecord(record.toList());
                }
                header = false;
            }
        }
        return out.toString();
    }

    /** The exported people whose name holds the tag, by their ref (their id). */
    private static Map<String, JsonNode> peopleTagged(String tag) throws Exception {
        JsonNode export = JSON.readTree(given().header("Authorization", ADMIN).accept(ContentType.JSON)
                .when().get("/api/v1/export").then().statusCode(200).extract().asString());
        Map<String, JsonNode> tagged = new HashMap<>();
        for (JsonNode person : export.path("people")) {
            if (person.path("displayName").asText().contains(tag)) {
                tagged.put(person.path("ref").asText(), person);
            }
        }
        return tagged;
    }

    private static Set<String> channels(JsonNode person) {
        Set<String> channels = new HashSet<>();
        for (JsonNode c : person.path("channels")) {
            channels.add(c.path("type").asText() + " " + c.path("address").asText() + " " + c.path("verified"));
        }
        return channels;
    }

    private static ObjectNode directory(Random random, String tag) {
        ObjectNode directory = JSON.createObjectNode();
        ArrayNode people = directory.putArray("people");
        int size = 2 + random.nextInt(5);
        for (int i = 0; i < size; i++) {
            ObjectNode p = people.addObject();
            p.put("ref", "p" + i);
            p.put("displayName", (text(random) + " " + tag + "-" + i + " " + text(random)).strip());
            if (random.nextBoolean()) {
                p.put("department", text(random));
            }
            p.put("timeZone", ZONES.get(random.nextInt(ZONES.size())));
            ArrayNode skills = p.putArray("skills");
            Set<String> seen = new HashSet<>();
            for (int s = random.nextInt(3); s > 0; s--) {
                String skill = text(random);
                if (seen.add(skill)) {
                    skills.add(skill);
                }
            }
            p.putArray("certifications").add("GCIH");
            ArrayNode roles = p.putArray("roles");
            ROLES.subList(0, random.nextInt(ROLES.size() + 1)).forEach(roles::add);
            p.put("escalationLevel", 1 + random.nextInt(4));
            if (random.nextBoolean()) {
                p.put("availability", text(random));
            }
            if (i > 0 && random.nextBoolean()) {
                p.put("managerRef", "p" + random.nextInt(i));
            }
            if (i > 0 && random.nextBoolean()) {
                p.put("backupRef", "p" + random.nextInt(i));
            }
            if (random.nextBoolean()) {
                p.put("lastReviewedAt", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000))
                        .toString());
            }
            p.put("active", random.nextInt(4) > 0);
            boolean verified = random.nextBoolean();
            ArrayNode channels = p.putArray("channels");
            List<ObjectNode> kinds = new ArrayList<>();
            if (random.nextBoolean()) {
                kinds.add(JSON.createObjectNode().put("type", "EMAIL")
                        .put("address", (random.nextBoolean() ? "=" : "") + "o'brien+" + tag + i + "@example.com"));
            }
            if (random.nextBoolean()) {
                kinds.add(JSON.createObjectNode().put("type", "SMS")
                        .put("address", "+4477009" + String.format("%05d", random.nextInt(100_000))));
            }
            if (random.nextBoolean()) {
                kinds.add(JSON.createObjectNode().put("type", "WEBHOOK")
                        .put("address", "https://hooks.example.com/" + tag + "/a,b;c='" + i));
            }
            for (int k = 0; k < kinds.size(); k++) {
                channels.add(kinds.get(k).put("preference", k + 1).put("verified", verified));
            }
        }
        return directory;
    }

    /** A short text with what CSV and spreadsheets make hard, without surrounding white space. */
    private static String text(Random random) {
        while (true) {
            StringBuilder out = new StringBuilder(LEADS.get(random.nextInt(LEADS.size())));
            for (int i = random.nextInt(5); i >= 0; i--) {
                out.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = out.toString().strip();
            if (!text.isEmpty() && text.length() <= 40) {
                return text;
            }
        }
    }
}
