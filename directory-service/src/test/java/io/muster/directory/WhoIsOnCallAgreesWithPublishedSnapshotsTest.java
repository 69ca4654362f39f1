package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.ResponderSelection.Candidate;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated directories, built and then changed through the directory's own API, on which who-is-on-call must answer
 * exactly as {@link ResponderSelection} does over the snapshots the directory published to Kafka, read back the way
 * escalation's replica reads them. Escalation pages by that rule from those snapshots, so this equality is what keeps
 * the directory's answer and the pages in agreement, including after changes that must republish other snapshots
 * (a deleted backup, a holder's new level, a deleted team).
 *
 * <p>Each directory has rotations of hour, day and week shifts whose hand-offs cross a daylight-saving change in
 * Europe/London or America/New_York, overrides, inactive people, backups, unverified channels, people with a single
 * verified channel, and roles without rotation. The seed is printed; repeat a run with {@code -Dagreement.seed=<seed>}.
 */
@QuarkusTest
class WhoIsOnCallAgreesWithPublishedSnapshotsTest {

    private static final int DIRECTORIES = Integer.getInteger("agreement.directories", 10);
    private static final int INSTANTS = Integer.getInteger("agreement.instants", 20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEWER = Tokens.bearer(Roles.VIEWER);

    /** The 2026 daylight-saving changes, in UTC: spring forward, fall back. */
    private static final Map<String, List<Instant>> DST_CHANGES = Map.of(
            "Europe/London", List.of(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z")),
            "America/New_York", List.of(Instant.parse("2026-03-08T07:00:00Z"),
                    Instant.parse("2026-11-01T06:00:00Z")));
    private static final List<String> ZONES = List.of("Europe/London", "America/New_York");
    private static final List<String> NAMES = List.of("amara", "Ben", "chloé", "Dev", "elena", "Farid", "grace",
            "Hugo", "inês", "Jonas", "kate", "Liam");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whoIsOnCallAnswersAsTheRuleDoesOverThePublishedSnapshots() throws Exception {
        long seed = Long.getLong("agreement.seed", System.nanoTime());
        System.out.printf("who-is-on-call agreement: seed %d (repeat with -Dagreement.seed=%d)%n", seed, seed);
        Random random = new Random(seed);
        int compared = 0;
        try (PublishedDirectoryReplica replica = new PublishedDirectoryReplica()) {
            for (int d = 0; d < DIRECTORIES; d++) {
                String where = "seed " + seed + ", directory " + d;
                try {
                    // Fixed width, so that no directory's tag is a prefix of another's (people are found by it).
                    Generated directory = new Generated(random, String.format("ag%05xd%03d", seed & 0xfffffL, d));
                    directory.create();
                    compared += compare(directory, replica, random, where + ", as created");
                    directory.change();
                    compared += compare(directory, replica, random, where + ", after changes");
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(where + ": " + e.getMessage(), e);
                }
            }
        }
        System.out.printf("who-is-on-call agreement: %d answers compared (seed %d)%n", compared, seed);
        assertThat(compared).isGreaterThan(DIRECTORIES * INSTANTS);
    }

    /** Asks who-is-on-call at many instants and holds each answer against the rule over the replica. */
    private int compare(Generated directory, PublishedDirectoryReplica replica, Random random, String where)
            throws Exception {
        awaitOutboxDrained();
        replica.catchUp();
        List<Instant> instants = directory.instants(random, replica);
        try {
            return compareAt(directory, replica, instants, where);
        } catch (AssertionError firstLook) {
            // The published view is eventually consistent: read the topic to its end once more and ask again. A real
            // disagreement fails the second time too; one that was only a late event does not.
            awaitOutboxDrained();
            replica.catchUp();
            return compareAt(directory, replica, instants, where + " (asked again after catching up)");
        }
    }

    private int compareAt(Generated directory, PublishedDirectoryReplica replica, List<Instant> instants,
            String where) throws Exception {
        int compared = 0;
        // Once at "now", which the service takes from its clock and reports back.
        JsonNode now = ask("role", directory.roleKeys.get(0), null);
        Instant serviceNow = Instant.parse(now.path("at").asText());
        assertAnswersForRole(now, directory.roleKeys.get(0), serviceNow, replica, where);
        compared++;
        for (Instant at : instants) {
            for (String role : directory.roleKeys) {
                assertAnswersForRole(ask("role", role, at), role, at, replica, where);
                compared++;
            }
            for (UUID team : directory.liveTeams()) {
                List<String> expected = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (RotationSnapshot rotation : replica.rotationsOfTeam(team)) {
                    ResponderSelection.answeringFor(rotation, at, replica)
                            .filter(c -> seen.add(c.contactId() + " " + c.roleKey()))
                            .ifPresent(c -> expected.add(line(c, replica)));
                }
                assertThat(lines(ask("team", team.toString(), at).path("responders")))
                        .as("responders for team %s at %s (%s)", team, at, where).isEqualTo(expected);
                compared++;
            }
        }
        return compared;
    }

    private static void assertAnswersForRole(JsonNode answer, String role, Instant at,
            PublishedDirectoryReplica replica, String where) {
        assertThat(lines(answer.path("responders")))
                .as("responders for role %s at %s (%s)", role, at, where)
                .isEqualTo(ResponderSelection.answering(role, at, replica).stream().map(c -> line(c, replica))
                        .toList());
        assertThat(lines(answer.path("candidates")))
                .as("candidates for role %s at %s (%s)", role, at, where)
                .isEqualTo(ResponderSelection.candidates(role, at, replica).stream().map(c -> line(c, replica))
                        .toList());
    }

    private static JsonNode ask(String param, String value, Instant at) throws Exception {
        var request = given().header("Authorization", VIEWER).queryParam(param, value);
        if (at != null) {
            request = request.queryParam("at", at.toString());
        }
        return JSON.readTree(request.when().get("/api/v1/who-is-on-call").then().statusCode(200).extract().asString());
    }

    /** One answer as text, so that a difference shows whole: who, for what, from where, why, and reachability. */
    private static String line(Candidate c, PublishedDirectoryReplica replica) {
        return String.join(" | ", String.valueOf(c.contactId()),
                replica.contact(c.contactId()).map(ContactSnapshot::displayName).orElse("null"), c.roleKey(),
                String.valueOf(c.rotationId()), c.reason().name(), String.valueOf(c.reachable()),
                String.valueOf(c.unreachable()));
    }

    private static List<String> lines(JsonNode responders) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : responders) {
            out.add(String.join(" | ", r.path("contactId").asText(), text(r.path("displayName")),
                    r.path("roleKey").asText(), text(r.path("rotationId")), r.path("reason").asText(),
                    String.valueOf(r.path("reachable").asBoolean()), text(r.path("unreachable"))));
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "null" : node.asText();
    }

    /** Waits until the outbox relay has handed every committed event to the broker (it deletes rows once acked). */
    private void awaitOutboxDrained() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox was not drained in 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** A person as the generator knows them, to send whole replacements. */
    private static final class Person {
        final String ref;
        final String name;
        UUID id;
        int level;
        final List<String> roles;
        boolean active;
        Person backup;
        boolean deleted;

        Person(String ref, String name, int level, List<String> roles, boolean active) {
            this.ref = ref;
            this.name = name;
            this.level = level;
            this.roles = roles;
            this.active = active;
        }

        String json() {
            ObjectNode body = JSON.createObjectNode().put("displayName", name).put("timeZone", "Europe/London")
                    .put("escalationLevel", level).put("active", active);
            roles.forEach(body.putArray("roles")::add);
            if (backup != null) {
                body.put("backupContactId", backup.id.toString());
            }
            return body.toString();
        }
    }

    /** One random directory under a unique tag, and the random changes made to it. */
    private static final class Generated {
        final Random random;
        final String tag;
        final List<String> roleKeys = new ArrayList<>();
        final List<Person> people = new ArrayList<>();
        final List<String> teamNames = new ArrayList<>();
        final Set<UUID> teams = new LinkedHashSet<>();
        final List<UUID> rotations = new ArrayList<>();

        Generated(Random random, String tag) {
            this.random = random;
            this.tag = tag;
        }

        List<UUID> liveTeams() {
            return List.copyOf(teams);
        }

        List<Person> live() {
            return people.stream().filter(p -> !p.deleted).toList();
        }

        <T> T any(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        String zone() {
            return random.nextInt(5) == 0 ? "UTC" : any(ZONES);
        }

        /** A daylight-saving change of the zone (of London for UTC, which has none, so instants still cluster). */
        Instant dstChange(String zone) {
            return any(DST_CHANGES.getOrDefault(zone, DST_CHANGES.get("Europe/London")));
        }

        void create() {
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                String key = tag + "-r" + i;
                roleKeys.add(key);
                given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                        .body(roleJson(key, null).put("key", key).toString())
                        .when().post("/api/v1/roles").then().statusCode(201);
            }
            ObjectNode document = JSON.createObjectNode();
            ArrayNode peopleJson = document.putArray("people");
            for (int i = 0, n = 4 + random.nextInt(7); i < n; i++) {
                List<String> roles = roleKeys.stream().filter(r -> random.nextInt(10) < 6).toList();
                Person person = new Person("p" + i, tag + " " + NAMES.get(random.nextInt(NAMES.size())) + " " + i,
                        1 + random.nextInt(4), roles, random.nextInt(5) > 0);
                people.add(person);
                ObjectNode p = peopleJson.addObject().put("ref", person.ref).put("displayName", person.name)
                        .put("timeZone", any(ZONES)).put("escalationLevel", person.level).put("active", person.active);
                roles.forEach(p.putArray("roles")::add);
                channels(p.putArray("channels"), i);
            }
            for (Person person : people) {
                if (random.nextInt(10) < 4) {
                    Person backup = any(people);
                    if (backup != person) {
                        person.backup = backup;
                        ((ObjectNode) peopleJson.get(people.indexOf(person))).put("backupRef", backup.ref);
                    }
                }
            }
            ArrayNode teamsJson = document.putArray("teams");
            for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                String name = tag + " team " + i;
                teamNames.add(name);
                ArrayNode members = teamsJson.addObject().put("name", name).putArray("memberRefs");
                people.stream().filter(p -> random.nextBoolean()).forEach(p -> members.add(p.ref));
            }
            ArrayNode rotationsJson = document.putArray("rotations");
            int rotationCount = 0;
            for (String role : roleKeys) {
                // Some roles have no rotation at all and are answered by their roster.
                for (int i = 0, n = random.nextInt(3); i < n; i++) {
                    rotation(rotationsJson.addObject().put("name", tag + " rota " + rotationCount++)
                            .put("team", any(teamNames)).put("roleKey", role), people.stream().map(p -> p.ref),
                            "memberRefs");
                }
            }
            ArrayNode rolesJson = document.putArray("roles");
            for (String role : roleKeys) {
                List<Person> active = people.stream().filter(p -> p.active).toList();
                if (!active.isEmpty() && random.nextBoolean()) {
                    rolesJson.addObject().put("key", role).put("escalationContactRef", any(active).ref);
                }
            }
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(document.toString())
                    .when().post("/api/v1/import").then().statusCode(200);

            JsonNode found = read(given().header("Authorization", ADMIN).queryParam("name", tag)
                    .queryParam("size", 200).when().get("/api/v1/people").then().statusCode(200).extract().asString());
            for (JsonNode item : found.path("items")) {
                people.stream().filter(p -> p.name.equals(item.path("displayName").asText())).findFirst()
                        .orElseThrow().id = UUID.fromString(item.path("id").asText());
            }
            for (JsonNode team : read(given().header("Authorization", ADMIN).when().get("/api/v1/teams").then()
                    .statusCode(200).extract().asString())) {
                if (teamNames.contains(team.path("name").asText())) {
                    teams.add(UUID.fromString(team.path("id").asText()));
                }
            }
            for (String role : roleKeys) {
                for (JsonNode rotation : read(given().header("Authorization", ADMIN).queryParam("role", role)
                        .when().get("/api/v1/rotations").then().statusCode(200).extract().asString())) {
                    rotations.add(UUID.fromString(rotation.path("id").asText()));
                }
            }
            // One more rotation and the overrides through their own endpoints rather than the import.
            if (random.nextBoolean()) {
                ObjectNode extra = JSON.createObjectNode().put("name", tag + " rota api")
                        .put("teamId", any(List.copyOf(teams)).toString()).put("roleKey", any(roleKeys));
                rotation(extra, live().stream().map(p -> p.id.toString()), "members");
                JsonNode created = read(given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                        .body(extra.toString())
                        .when().post("/api/v1/rotations").then().statusCode(201).extract().asString());
                rotations.add(UUID.fromString(created.path("id").asText()));
            }
            for (UUID rotation : rotations) {
                for (int i = 0, n = random.nextInt(3); i < n; i++) {
                    addOverride(rotation);
                }
            }
        }

        /** A role's replaceable fields, with the escalation contact given (null for none). */
        ObjectNode roleJson(String key, UUID escalationContact) {
            int seed = Math.abs(key.hashCode());
            ObjectNode role = JSON.createObjectNode().put("name", "Generated " + key)
                    .put("defaultEscalationLevel", 1 + seed % 4).put("notificationPriority", 1 + seed % 5);
            if (escalationContact != null) {
                role.put("escalationContactId", escalationContact.toString());
            }
            return role;
        }

        /** Channels of one of the kinds that matter to the rule: none, one or two, verified or not. */
        void channels(ArrayNode channels, int i) {
            String phone = "+4477009" + String.format("%05d", random.nextInt(100_000));
            String email = tag + "-" + i + "@example.com";
            switch (random.nextInt(6)) {
                case 0 -> {
                    // no channel at all
                }
                case 1 -> channels.addObject().put("type", "EMAIL").put("address", email).put("preference", 1)
                        .put("verified", true);
                case 2 -> channels.addObject().put("type", "SMS").put("address", phone).put("preference", 1)
                        .put("verified", false);
                case 3 -> channels.addObject().put("type", "SMS").put("address", phone).put("preference", 1)
                        .put("verified", true);
                case 4 -> {
                    channels.addObject().put("type", "WEBHOOK").put("address", "https://hooks.example.com/" + tag + i)
                            .put("preference", 1).put("verified", true);
                    channels.addObject().put("type", "SMS").put("address", phone).put("preference", 2)
                            .put("verified", false);
                }
                default -> {
                    channels.addObject().put("type", "EMAIL").put("address", email).put("preference", 1)
                            .put("verified", false);
                    channels.addObject().put("type", "SMS").put("address", phone).put("preference", 2)
                            .put("verified", true);
                }
            }
        }

        /** Fills in a rotation's schedule: its first hand-off a few days before a daylight-saving change. */
        void rotation(ObjectNode rotation, Stream<String> candidates, String membersField) {
            String zone = zone();
            ZoneId zoneId = ZoneId.of(zone);
            LocalDate changeDay = dstChange(zone).atZone(zoneId).toLocalDate();
            LocalDateTime start = changeDay.minusDays(random.nextInt(15))
                    .atTime(random.nextInt(24), random.nextBoolean() ? 0 : 30);
            if (random.nextInt(6) == 0) {
                // A hand-off at a wall-clock time that does not exist on the spring-forward day, or happens twice.
                start = changeDay.atTime(zone.equals("America/New_York") ? 2 : 1, 30);
            }
            String unit = any(List.of("HOURS", "DAYS", "WEEKS"));
            int length = switch (unit) {
                case "HOURS" -> 1 + random.nextInt(12);
                case "DAYS" -> 1 + random.nextInt(3);
                default -> 1 + random.nextInt(2);
            };
            List<String> members = new ArrayList<>(candidates.filter(p -> random.nextInt(10) < 4).toList());
            Collections.shuffle(members, random);
            rotation.put("timeZone", zone).put("handoffStart", start.toString()).put("shiftUnit", unit)
                    .put("shiftLength", length);
            members.stream().limit(5).forEach(rotation.putArray(membersField)::add);
        }

        void addOverride(UUID rotation) {
            Instant from = dstChange(any(ZONES)).plus(Duration.ofHours(random.nextInt(145) - 72));
            Instant to = from.plus(Duration.ofHours(1 + random.nextInt(72)));
            ObjectNode body = JSON.createObjectNode().put("contactId", any(live()).id.toString())
                    .put("from", from.toString()).put("to", to.toString());
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body.toString())
                    .when().post("/api/v1/rotations/" + rotation + "/overrides").then().statusCode(201);
        }

        /** Random changes, each of which must reach the published snapshots (some of them indirectly). */
        void change() {
            for (int i = 0, n = 3 + random.nextInt(6); i < n && live().size() > 2; i++) {
                Person person = any(live());
                switch (random.nextInt(9)) {
                    case 0 -> {
                        person.active = !person.active;
                        replace(person);
                    }
                    case 1 -> {
                        person.level = 1 + random.nextInt(4);
                        replace(person);
                    }
                    case 2 -> {
                        Person backup = any(live());
                        person.backup = backup == person ? null : backup;
                        replace(person);
                    }
                    case 3 -> {
                        List<Person> active = live().stream().filter(p -> p.active).toList();
                        UUID contact = active.isEmpty() || random.nextInt(4) == 0 ? null : any(active).id;
                        String role = any(roleKeys);
                        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                                .body(roleJson(role, contact).toString())
                                .when().put("/api/v1/roles/" + role).then().statusCode(200);
                    }
                    case 4 -> {
                        given().header("Authorization", ADMIN).when().delete("/api/v1/people/" + person.id)
                                .then().statusCode(204);
                        person.deleted = true;
                        people.forEach(p -> {
                            if (p.backup == person) {
                                p.backup = null;
                            }
                        });
                    }
                    case 5 -> {
                        if (!rotations.isEmpty()) {
                            addOverride(any(rotations));
                        }
                    }
                    case 6 -> {
                        JsonNode channels = read(given().header("Authorization", ADMIN)
                                .when().get("/api/v1/people/" + person.id + "/channels").then().statusCode(200)
                                .extract().asString());
                        for (JsonNode channel : channels) {
                            if (channel.path("verified").asBoolean()) {
                                given().header("Authorization", ADMIN).when()
                                        .delete("/api/v1/people/" + person.id + "/channels/"
                                                + channel.path("id").asText())
                                        .then().statusCode(200);
                                break;
                            }
                        }
                    }
                    case 7 -> {
                        if (!rotations.isEmpty()) {
                            reshuffle(any(rotations));
                        }
                    }
                    default -> {
                        if (!teams.isEmpty() && (teams.size() > 1 || random.nextInt(3) == 0)) {
                            UUID team = any(List.copyOf(teams));
                            rotations.removeIf(r -> read(given().header("Authorization", ADMIN)
                                    .when().get("/api/v1/rotations/" + r).then().statusCode(200).extract()
                                    .asString()).path("teamId").asText().equals(team.toString()));
                            given().header("Authorization", ADMIN).when().delete("/api/v1/teams/" + team)
                                    .then().statusCode(204);
                            teams.remove(team);
                        }
                    }
                }
            }
        }

        void replace(Person person) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(person.json())
                    .when().put("/api/v1/people/" + person.id).then().statusCode(200);
        }

        /** Replaces a rotation with its members in a new order, one perhaps dropped. */
        void reshuffle(UUID rotation) {
            ObjectNode current = (ObjectNode) read(given().header("Authorization", ADMIN)
                    .when().get("/api/v1/rotations/" + rotation).then().statusCode(200).extract().asString());
            List<String> members = new ArrayList<>();
            current.path("members").forEach(m -> members.add(m.asText()));
            Collections.shuffle(members, random);
            if (!members.isEmpty() && random.nextBoolean()) {
                members.remove(0);
            }
            current.remove(List.of("id", "overrides", "updatedAt"));
            ArrayNode list = current.putArray("members");
            members.forEach(list::add);
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(current.toString())
                    .when().put("/api/v1/rotations/" + rotation).then().statusCode(200);
        }

        /**
         * Instants that matter: around daylight-saving changes, on both sides of hand-offs and override edges of
         * this directory's rotations as published, and scattered over the weeks around them.
         */
        List<Instant> instants(Random random, PublishedDirectoryReplica replica) {
            List<RotationSnapshot> ours = roleKeys.stream().flatMap(r -> replica.rotationsOf(r).stream()).toList();
            List<Instant> instants = new ArrayList<>();
            while (instants.size() < INSTANTS) {
                int kind = ours.isEmpty() ? 0 : random.nextInt(3);
                if (kind == 0) {
                    instants.add(dstChange(any(ZONES)).plusSeconds(random.nextInt(20 * 86_400) - 10 * 86_400L));
                    continue;
                }
                RotationSnapshot rotation = any(ours);
                Instant edge;
                if (kind == 2 && !rotation.overrides().isEmpty()) {
                    RotationSnapshot.Override o = any(rotation.overrides());
                    edge = random.nextBoolean() ? o.from() : o.to();
                } else {
                    edge = handoffNear(rotation);
                }
                instants.add(edge.plusSeconds(random.nextInt(3) - 1));
            }
            return instants;
        }

        /** A hand-off of the rotation within a few days of a daylight-saving change of its zone. */
        Instant handoffNear(RotationSnapshot rotation) {
            ZoneId zone = ZoneId.of(rotation.timeZone());
            Instant first = rotation.handoffStart().atZone(zone).toInstant();
            if (rotation.shiftUnit() == RotationSnapshot.ShiftUnit.HOURS) {
                return first.plus(Duration.ofHours((long) rotation.shiftLength() * random.nextInt(60)));
            }
            int step = rotation.shiftLength() * (rotation.shiftUnit() == RotationSnapshot.ShiftUnit.WEEKS ? 7 : 1);
            LocalDate day = rotation.handoffStart().toLocalDate().plusDays((long) step * random.nextInt(6));
            LocalTime time = rotation.handoffStart().toLocalTime();
            return day.atTime(time).atZone(zone).toInstant();
        }

        private static JsonNode read(String json) {
            try {
                return JSON.readTree(json);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
