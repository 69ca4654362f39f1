package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.addChannel;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, oversized, duplicate and dangling requests: each gets a 4xx problem+json naming the field, and the
 * database is exactly as it was before.
 */
@QuarkusTest
class BadInputTest {

    private static final String VALID = """
            "displayName":"Valid Name","timeZone":"Europe/London","escalationLevel":2""";
    private static UUID person;
    private static UUID channel;
    private static String teamName;
    private static String teamId;
    private static String rotationId;
    private static UUID inactive;

    @Inject
    AgroalDataSource dataSource;

    static Stream<Arguments> badRequests() {
        String longText = "x".repeat(121);
        String manySkills = String.join(",", Stream.generate(() -> "\"s\"").limit(51).toList());
        return Stream.of(
                // people
                bad("POST", "/api/v1/people", "{\"timeZone\":\"Europe/London\",\"escalationLevel\":2}", 400,
                        "displayName"),
                bad("POST", "/api/v1/people", "{\"displayName\":\"  \",\"timeZone\":\"UTC\",\"escalationLevel\":2}",
                        400, "displayName"),
                bad("POST", "/api/v1/people", "{\"displayName\":\"" + longText
                        + "\",\"timeZone\":\"UTC\",\"escalationLevel\":2}", 400, "displayName"),
                bad("POST", "/api/v1/people", "{\"displayName\":\"A\",\"timeZone\":\"Mars/Olympus\",\"escalationLevel\":2}",
                        400, "timeZone"),
                bad("POST", "/api/v1/people", "{\"displayName\":\"A\",\"escalationLevel\":2}", 400, "timeZone"),
                bad("POST", "/api/v1/people", "{\"displayName\":\"A\",\"timeZone\":\"UTC\",\"escalationLevel\":0}",
                        400, "escalationLevel"),
                bad("POST", "/api/v1/people", "{\"displayName\":\"A\",\"timeZone\":\"UTC\",\"escalationLevel\":5}",
                        400, "escalationLevel"),
                bad("POST", "/api/v1/people",
                        "{\"displayName\":\"A\",\"timeZone\":\"UTC\",\"escalationLevel\":\"high\"}", 400,
                        "escalationLevel"),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"roles\":[\"chief-wizard\"]}", 400, "roles[0]"),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"roles\":[\"Bad Role\"]}", 400, "roles[0]"),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"skills\":[" + manySkills + "]}", 400, "skills"),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"skills\":[\"\"]}", 400, "skills[0]"),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"managerId\":\"" + UUID.randomUUID() + "\"}", 400,
                        "managerId"),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"backupContactId\":\"not-a-uuid\"}", 400,
                        "backupContactId"),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"colour\":\"red\"}", 400, "colour"),
                // Truncated JSON reaches the platform's generic 400 mapping, which names no field.
                bad("POST", "/api/v1/people", "{" + VALID + ",", 400, null),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"lastReviewedAt\":\"2999-01-01T00:00:00Z\"}", 400,
                        "lastReviewedAt"),
                bad("POST", "/api/v1/people", "{" + VALID + ",\"availability\":\"" + "y".repeat(201) + "\"}", 400,
                        "availability"),
                bad("PUT", "/api/v1/people/{person}", "{" + VALID + ",\"managerId\":\"{person}\"}", 400,
                        "managerId"),
                bad("PUT", "/api/v1/people/" + UUID.randomUUID(), "{" + VALID + "}", 404, null),
                bad("DELETE", "/api/v1/people/" + UUID.randomUUID(), null, 404, null),
                // channels
                channel("SMS", "07700900123", 1, "address"),
                channel("SMS", "+0447700900123", 1, "address"),
                channel("SMS", "+12345", 1, "address"),
                channel("SMS", "+1234567890123456", 1, "address"),
                // Muster places no voice calls, so a VOICE channel is refused even with a valid number.
                bad("POST", "/api/v1/people/{person}/channels",
                        "{\"type\":\"VOICE\",\"address\":\"+447700900123\",\"preference\":1}", 422, "type"),
                channel("SMS", "+44 7700 900123", 1, "address"),
                channel("EMAIL", "not-an-email", 1, "address"),
                channel("EMAIL", "a@b", 1, "address"),
                channel("WEBHOOK", "http://hooks.example.com/muster", 1, "address"),
                channel("WEBHOOK", "https://user:secret@hooks.example.com/muster", 1, "address"),
                channel("WEBHOOK", "https://" + "h".repeat(2048) + ".example.com", 1, "address"),
                channel("FAX", "+447700900123", 1, "type"),
                channel("SMS", "+447700900123", 0, "preference"),
                channel("SMS", "+447700900123", 100, "preference"),
                bad("POST", "/api/v1/people/{person}/channels",
                        "{\"type\":\"EMAIL\",\"address\":\"fixture@example.com\",\"preference\":5}", 409, "address"),
                // verification
                bad("POST", "/api/v1/people/{person}/channels/{channel}/verification/confirm", "{\"code\":\"12345\"}",
                        400, "code"),
                bad("POST", "/api/v1/people/{person}/channels/{channel}/verification/confirm", "{\"code\":\"abcdef\"}",
                        400, "code"),
                bad("POST", "/api/v1/people/{person}/channels/{channel}/verification/confirm", "{}", 400, "code"),
                bad("POST", "/api/v1/people/{person}/channels/" + UUID.randomUUID() + "/verification", null, 404,
                        null),
                // search and audit paging
                bad("GET", "/api/v1/people?size=0", null, 400, "size"),
                bad("GET", "/api/v1/people?size=201", null, 400, "size"),
                bad("GET", "/api/v1/people?page=-1", null, 400, "page"),
                bad("GET", "/api/v1/people?name=" + longText, null, 400, "name"),
                bad("GET", "/api/v1/audit?size=501", null, 400, "size"),
                // teams
                bad("POST", "/api/v1/teams", "{\"name\":\" \"}", 400, "name"),
                bad("POST", "/api/v1/teams", "{\"name\":\"T\",\"memberIds\":[\"" + UUID.randomUUID() + "\"]}", 400,
                        "memberIds[0]"),
                bad("POST", "/api/v1/teams", "{\"name\":\"{team}\"}", 409, "name"),
                // roles' escalation contacts
                bad("POST", "/api/v1/roles", "{\"key\":\"bad-escalation\",\"name\":\"R\",\"defaultEscalationLevel\":1,"
                        + "\"notificationPriority\":1,\"escalationContactId\":\"" + UUID.randomUUID() + "\"}", 400,
                        "escalationContactId"),
                bad("POST", "/api/v1/roles", "{\"key\":\"bad-escalation\",\"name\":\"R\",\"defaultEscalationLevel\":1,"
                        + "\"notificationPriority\":1,\"escalationContactId\":\"boss\"}", 400, "escalationContactId"),
                bad("PUT", "/api/v1/roles/security-analyst", "{\"name\":\"Security analyst\",\"defaultEscalationLevel\":2,"
                        + "\"notificationPriority\":3,\"escalationContactId\":\"{inactive}\"}", 400,
                        "escalationContactId"),
                // rotations, overrides and who-is-on-call
                rotation("\"teamId\":\"" + UUID.randomUUID() + "\"", "teamId"),
                rotation("\"timeZone\":\"Europe/Atlantis\"", "timeZone"),
                rotation("\"shiftLength\":0", "shiftLength"),
                rotation("\"shiftUnit\":\"MONTHS\"", "shiftUnit"),
                rotation("\"handoffStart\":\"tomorrow morning\"", "handoffStart"),
                rotation("\"roleKey\":\"no-such-role\"", "roleKey"),
                rotation("\"members\":[\"{person}\",\"{person}\"]", "members[1]"),
                bad("POST", "/api/v1/rotations/{rotation}/overrides", "{\"contactId\":\"{person}\","
                        + "\"from\":\"2026-06-02T00:00:00Z\",\"to\":\"2026-06-01T00:00:00Z\"}", 400, "to"),
                bad("POST", "/api/v1/rotations/{rotation}/overrides", "{\"contactId\":\"" + UUID.randomUUID()
                        + "\",\"from\":\"2026-06-01T00:00:00Z\",\"to\":\"2026-06-02T00:00:00Z\"}", 400,
                        "contactId"),
                bad("POST", "/api/v1/rotations/" + UUID.randomUUID() + "/overrides", "{\"contactId\":\"{person}\","
                        + "\"from\":\"2026-06-01T00:00:00Z\",\"to\":\"2026-06-02T00:00:00Z\"}", 404, null),
                bad("GET", "/api/v1/who-is-on-call?at=yesterday", null, 400, "at"),
                bad("GET", "/api/v1/who-is-on-call?role=no-such-role", null, 400, "role"),
                bad("GET", "/api/v1/who-is-on-call?team=no-such-team-anywhere", null, 400, "team"),
                // external resources
                external("\"kind\":null", "kind"),
                external("\"kind\":\"PSYCHIC\"", "kind"),
                external("\"primaryContact\":{\"name\":\"Desk\",\"email\":\"desk-at-example\"}",
                        "primaryContact.email"),
                external("\"primaryContact\":{\"name\":\"Desk\",\"phone\":\"020 7946 0000\"}",
                        "primaryContact.phone"),
                external("\"primaryContact\":{\"name\":\"Desk\"}", "primaryContact"),
                external("\"responseSlaMinutes\":0", "responseSlaMinutes"),
                external("\"owningRoleKey\":\"no-such-role\"", "owningRoleKey"),
                // import
                bad("POST", "/api/v1/import", "{\"people\":[{\"ref\":\"x\",\"displayName\":\"X\","
                        + "\"timeZone\":\"UTC\",\"escalationLevel\":\"urgent\"}]}", 400, "people[0].escalationLevel"),
                bad("POST", "/api/v1/import", "{\"people\":[{\"ref\":\"has space\",\"displayName\":\"X\","
                        + "\"timeZone\":\"UTC\",\"escalationLevel\":1}]}", 400, "people[0].ref"),
                bad("POST", "/api/v1/import", "{\"people\":[{\"ref\":\"x\",\"displayName\":\"X\","
                        + "\"timeZone\":\"UTC\",\"escalationLevel\":1}],\"roles\":[{\"key\":\"legal-counsel\","
                        + "\"escalationContactRef\":\"y\"}]}", 400, "roles[0].escalationContactRef"),
                bad("POST", "/api/v1/import", "{\"people\":[{\"ref\":\"x\",\"displayName\":\"X\","
                        + "\"timeZone\":\"UTC\",\"escalationLevel\":1}],\"roles\":[{\"key\":\"\","
                        + "\"escalationContactRef\":\"x\"}]}", 400, "roles[0].key"));
    }

    private static Arguments bad(String method, String path, String body, int status, String field) {
        return Arguments.of(method, path, body, status, field);
    }

    /** A valid rotation with one field replaced. */
    private static Arguments rotation(String replacement, String field) {
        String key = replacement.substring(1, replacement.indexOf('"', 1));
        StringBuilder body = new StringBuilder("{");
        String[][] fields = { { "name", "\"Rota\"" }, { "teamId", "\"{teamId}\"" },
                { "roleKey", "\"incident-commander\"" }, { "timeZone", "\"Europe/London\"" },
                { "handoffStart", "\"2026-06-01T09:00:00\"" }, { "shiftUnit", "\"DAYS\"" }, { "shiftLength", "1" },
                { "members", "[\"{person}\"]" } };
        for (String[] f : fields) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(f[0].equals(key) ? replacement : "\"" + f[0] + "\":" + f[1]);
        }
        return bad("POST", "/api/v1/rotations", body.append('}').toString(), 400, field);
    }

    /** A valid external resource with one field replaced. */
    private static Arguments external(String replacement, String field) {
        String key = replacement.substring(1, replacement.indexOf('"', 1));
        StringBuilder body = new StringBuilder("{");
        String[][] fields = { { "kind", "\"VENDOR\"" }, { "organisation", "\"Acme\"" },
                { "primaryContact", "{\"name\":\"Desk\",\"email\":\"desk@acme.example\"}" },
                { "responseSlaMinutes", "60" }, { "owningRoleKey", "\"legal-counsel\"" } };
        for (String[] f : fields) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(f[0].equals(key) ? replacement : "\"" + f[0] + "\":" + f[1]);
        }
        return bad("POST", "/api/v1/external-resources", body.append('}').toString(), 400, field);
    }

    private static Arguments channel(String type, String address, int preference, String field) {
        return bad("POST", "/api/v1/people/{person}/channels",
                "{\"type\":\"%s\",\"address\":\"%s\",\"preference\":%d}".formatted(type, address, preference), 400,
                field);
    }

    private static synchronized void fixture() {
        if (person == null) {
            person = createPerson(uniqueName("Bad Input Fixture"), "\"security-analyst\"");
            channel = addChannel(person, "EMAIL", "fixture@example.com", 1);
            inactive = createPerson("{\"displayName\":\"%s\",\"timeZone\":\"UTC\",\"escalationLevel\":1,\"active\":false}"
                    .formatted(uniqueName("Bad Input Inactive")));
            teamName = uniqueName("Fixture team");
            teamId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body("{\"name\":\"" + teamName + "\"}").when().post("/api/v1/teams").then().statusCode(201)
                    .extract().path("id");
            rotationId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(("{\"name\":\"Fixture rota\",\"teamId\":\"%s\",\"roleKey\":\"security-analyst\","
                            + "\"timeZone\":\"UTC\",\"handoffStart\":\"2026-01-01T09:00:00\",\"shiftUnit\":\"DAYS\","
                            + "\"shiftLength\":1,\"members\":[\"%s\"]}").formatted(teamId, person))
                    .when().post("/api/v1/rotations").then().statusCode(201).extract().path("id");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @MethodSource("badRequests")
    void isRefusedNamingTheFieldAndChangesNothing(String method, String path, String body, int status,
            String field) throws Exception {
        fixture();
        String resolvedPath = path.replace("{person}", person.toString()).replace("{channel}", channel.toString())
                .replace("{rotation}", rotationId);
        String before = databaseFingerprint();

        RequestSpecification request = given().header("Authorization", ADMIN);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body.replace("{person}", person.toString())
                    .replace("{team}", teamName).replace("{teamId}", teamId)
                    .replace("{inactive}", inactive.toString()));
        }
        ValidatableResponse response = request.when().request(method, resolvedPath).then()
                .statusCode(status)
                .contentType("application/problem+json");
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }

        assertThat(databaseFingerprint()).as("the database is unchanged").isEqualTo(before);
    }

    /** Row counts and latest change times of every table a request could touch. */
    private String databaseFingerprint() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM person), (SELECT max(updated_at) FROM person),
                               (SELECT count(*) FROM contact_channel), (SELECT count(*) FROM channel_verification),
                               (SELECT coalesce(sum(attempts), 0) FROM channel_verification),
                               (SELECT count(*) FROM team), (SELECT count(*) FROM team_member),
                               (SELECT count(*) FROM audit_entry), (SELECT count(*) FROM ir_role),
                               (SELECT max(updated_at) FROM ir_role), (SELECT count(*) FROM rotation),
                               (SELECT max(updated_at) FROM rotation), (SELECT count(*) FROM rotation_override),
                               (SELECT count(*) FROM external_resource)
                        """)) {
            rs.next();
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= 14; i++) {
                out.append(rs.getString(i)).append('|');
            }
            return out.toString();
        }
    }
}
