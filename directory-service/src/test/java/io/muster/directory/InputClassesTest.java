package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.muster.platform.input.RequestBodyScreen;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes of bad input the platform refuses on every operation of every service, whatever the field: each is
 * a 400 problem naming the field or parameter, and nothing is written. Shown here on the directory's operations.
 */
@QuarkusTest
class InputClassesTest {

    private static final String PERSON = "\"displayName\":\"Input Classes\",\"timeZone\":\"UTC\",\"escalationLevel\":2";

    @Inject
    AgroalDataSource dataSource;

    static Stream<Arguments> refused() {
        String thousandAndOneSkills = IntStream.range(0, 1_001).mapToObj(i -> "\"s" + i + "\"")
                .collect(Collectors.joining(","));
        return Stream.of(
                // text the database cannot store, in a body field, a nested field, an array item and a key
                body("{\"displayName\":\"a\\u0000b\",\"timeZone\":\"UTC\",\"escalationLevel\":2}", "displayName"),
                body("{" + PERSON + ",\"skills\":[\"ok\",\"x\\u0000\"]}", "skills[1]"),
                body("{\"displayName\":\"half a \\ud83d pair\",\"timeZone\":\"UTC\",\"escalationLevel\":2}",
                        "displayName"),
                body("{" + PERSON + ",\"skills\":[\"\\udc00\"]}", "skills[0]"),
                body("{" + PERSON + ",\"avail\\u0000ability\":\"x\"}", "avail\\u0000ability"),
                // a key given twice
                body("{" + PERSON + ",\"displayName\":\"Someone Else\"}", "displayName"),
                // numbers no column of the field can hold, and fractions for integers
                body("{\"displayName\":\"A\",\"timeZone\":\"UTC\",\"escalationLevel\":2147483648}", "escalationLevel"),
                body("{\"displayName\":\"A\",\"timeZone\":\"UTC\",\"escalationLevel\":9223372036854775808}",
                        "escalationLevel"),
                body("{\"displayName\":\"A\",\"timeZone\":\"UTC\",\"escalationLevel\":1e308}", "escalationLevel"),
                body("{\"displayName\":\"A\",\"timeZone\":\"UTC\",\"escalationLevel\":2.5}", "escalationLevel"),
                // UUIDs in any but the canonical form
                body("{" + PERSON + ",\"backupContactId\":\"1-2-3-4-5\"}", "backupContactId"),
                body("{" + PERSON + ",\"backupContactId\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}", "backupContactId"),
                // arrays longer than any request needs, and nesting no request has
                body("{" + PERSON + ",\"skills\":[" + thousandAndOneSkills + "]}", "skills"),
                body("{" + PERSON + ",\"skills\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", "body"));
    }

    private static Arguments body(String json, String field) {
        return Arguments.of(json, field);
    }

    @ParameterizedTest
    @MethodSource("refused")
    void aBodyOfEachBadClassIsRefusedNamingTheFieldAndWritesNothing(String json, String field) throws Exception {
        String before = fingerprint();
        // The request is kept for printing should the check fail, but not pretty-printed: RestAssured's JSON
        // prettifier takes half a minute over the 10,000-deep body.
        given().config(RestAssured.config().logConfig(RestAssured.config().getLogConfig().enablePrettyPrinting(false)))
                .header("Authorization", ADMIN).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/people")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertThat(fingerprint()).as("nothing written").isEqualTo(before);
    }

    @Test
    void queryAndPathParametersTheDatabaseCannotStoreAreRefusedNamingTheParameter() {
        given().header("Authorization", ADMIN).urlEncodingEnabled(false)
                .when().get("/api/v1/people?name=Ada%00Lovelace")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        given().header("Authorization", ADMIN).urlEncodingEnabled(false)
                .when().get("/api/v1/audit?entityType=person&entityId=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("entityId"));
        given().header("Authorization", ADMIN).urlEncodingEnabled(false)
                .when().get("/api/v1/people/00000000-0000-4000-8000-%00")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("id"));
    }

    @Test
    void nonCanonicalUuidParametersAreRefusedNamingTheParameter() {
        given().header("Authorization", ADMIN).queryParam("teamId", "1-2-3-4-5")
                .when().get("/api/v1/rotations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("teamId"));
        given().header("Authorization", ADMIN)
                .when().get("/api/v1/people/1-2-3-4-5")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("id"));
        // The canonical form, upper case included, is still an id: this one names nobody.
        given().header("Authorization", ADMIN)
                .when().get("/api/v1/people/0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anImportMayListMorePeopleThanTheDefaultArrayLimit() {
        int people = RequestBodyScreen.DEFAULT_ARRAY_LIMIT + 1;
        // The last person is invalid, so validation (not the array limit) answers, and nothing is imported.
        String listed = IntStream.range(0, people)
                .mapToObj(i -> "{\"ref\":\"p" + i + "\",\"displayName\":\"Imported " + i
                        + "\",\"timeZone\":\"UTC\",\"escalationLevel\":" + (i == people - 1 ? 9 : 1) + "}")
                .collect(Collectors.joining(","));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).queryParam("dryRun", true)
                .body("{\"people\":[" + listed + "]}")
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("people[" + (people - 1) + "].escalationLevel"));
        String tooMany = IntStream.range(0, 2_001).mapToObj(i -> "{}").collect(Collectors.joining(","));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).queryParam("dryRun", true)
                .body("{\"people\":[" + tooMany + "]}")
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("people"));
    }

    private String fingerprint() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM person) || '|' || "
                        + "(SELECT coalesce(max(updated_at)::text, '') FROM person) || '|' || "
                        + "(SELECT count(*) FROM audit_entry)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
