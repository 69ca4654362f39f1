package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.addChannel;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.storedChannel;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.muster.directory.DirectoryApi.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Muster places no voice calls yet, so no VOICE channel is made (by hand or by import), and VOICE channels stored
 * before stay readable but make nobody reachable.
 */
@QuarkusTest
class VoiceChannelsTest {

    private static final String UNSUPPORTED = "https://muster.dev/problems/channel-type-not-supported";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void addingAVoiceChannelIsRefusedNamingTheTypeAndNothingIsWritten() {
        UUID person = createPerson(uniqueName("Voice Caller"), "");

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"VOICE\",\"address\":\"+447700900555\",\"preference\":1}")
                .when().post("/api/v1/people/" + person + "/channels")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(UNSUPPORTED))
                .body("errors.field", contains("type"))
                .body("detail", startsWith("VOICE channels are not supported yet"))
                .body("detail", containsString("add the number as an SMS channel"));
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().statusCode(200).body("channels", empty());
        given().header("Authorization", ADMIN).queryParam("entityType", "person")
                .queryParam("entityId", person.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("created"));
    }

    @Test
    void anImportWithAVoiceChannelIsRefusedNamingEachOneAndImportsNobody() {
        String name = uniqueName("Imported Voice");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"people":[
                          {"ref":"a","displayName":"%1$s A","timeZone":"UTC","escalationLevel":2,
                           "channels":[{"type":"EMAIL","address":"a-%2$s@example.com","preference":1},
                                       {"type":"VOICE","address":"+447700900556","preference":2}]},
                          {"ref":"b","displayName":"%1$s B","timeZone":"UTC","escalationLevel":2,
                           "channels":[{"type":"VOICE","address":"+447700900557","preference":1,"verified":true}]}]}
                        """.formatted(name, UUID.randomUUID()))
                .when().post("/api/v1/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(UNSUPPORTED))
                .body("errors.field", contains("people[0].channels[1].type", "people[1].channels[0].type"))
                .body("detail", equalTo("2 channels are of a type Muster does not page on yet; nothing was imported"));
        assertNobodyNamed(name);
    }

    @Test
    void aCsvImportWithAVoiceAddressIsRefusedNamingTheLineAndColumn() {
        String name = uniqueName("Csv Voice");
        given().header("Authorization", ADMIN).contentType("text/csv")
                .body("ref,displayName,timeZone,escalationLevel,email,voice\n"
                        + "a," + name + ",UTC,2,a-" + UUID.randomUUID() + "@example.com,\n"
                        + "b," + name + " B,UTC,2,,+447700900558\n")
                .when().post("/api/v1/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(UNSUPPORTED))
                .body("errors.field", contains("line 3: voice"))
                .body("errors.message", contains(startsWith("VOICE channels are not supported yet")));
        assertNobodyNamed(name);
    }

    @Test
    void aVoiceChannelAmongOtherProblemsIsListedWithThemInOneRefusal() {
        String name = uniqueName("Mixed Voice");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"people":[{"ref":"a","displayName":"%s","timeZone":"Mars/Olympus","escalationLevel":2,
                          "channels":[{"type":"VOICE","address":"+447700900559","preference":1}]}]}
                        """.formatted(name))
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://muster.dev/problems/invalid-import"))
                .body("errors.field", containsInAnyOrder("people[0].timeZone", "people[0].channels[0].type"));
        assertNobodyNamed(name);
    }

    @Test
    void aStoredVoiceChannelStaysReadableMaskedForViewersButMakesNobodyReachable() throws Exception {
        String name = uniqueName("Old Voice");
        UUID person = createPerson(name, "");
        verify(person, addChannel(person, "EMAIL", "old-voice-" + UUID.randomUUID() + "@example.com", 1));
        UUID voice = storedChannel(dataSource, person, "VOICE", "+12065550100", 2, true);

        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().statusCode(200)
                .body("channels.findAll { it.type == 'VOICE' }.address", contains("+12065550100"))
                .body("channels.findAll { it.type == 'VOICE' }.verified", contains(true))
                // Two verified kinds, but VOICE does not page: one failing email provider would leave them unpaged.
                .body("reachable", equalTo(false));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/people/" + person)
                .then().statusCode(200)
                .body("channels.findAll { it.type == 'VOICE' }.address", contains("+12*******00"));
        List<Map<String, Object>> findings = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/readiness")
                .then().statusCode(200).extract().path("findings");
        assertThat(findings).filteredOn(f -> person.toString().equals(f.get("subjectId")))
                .extracting(f -> f.get("code")).contains("PERSON_UNREACHABLE");
        given().header("Authorization", ADMIN).accept(ContentType.JSON).when().get("/api/v1/export")
                .then().statusCode(200)
                .body("people.find { it.displayName == '" + name + "' }.channels.type", contains("EMAIL", "VOICE"));

        // Not verified again either: no code would ever reach it.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .when().post("/api/v1/people/" + person + "/channels/" + voice + "/verification")
                .then().statusCode(409);
        UUID unverified = storedChannel(dataSource, person, "VOICE", "+12065550101", 3, false);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .when().post("/api/v1/people/" + person + "/channels/" + unverified + "/verification")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(UNSUPPORTED))
                .body("errors.field", contains("channelId"));
    }

    @Test
    void aStoredVoiceChannelDoesNotCountAsTheSecondChannelTypeButSmsOnTheSameNumberDoes() throws Exception {
        UUID person = createPerson(uniqueName("Voice Then Sms"), "");
        verify(person, addChannel(person, "EMAIL", "voice-sms-" + UUID.randomUUID() + "@example.com", 1));
        storedChannel(dataSource, person, "VOICE", "+447700900560", 2, true);
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().body("reachable", equalTo(false));

        String sms = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"SMS\",\"address\":\"+447700900560\",\"preference\":3}")
                .when().post("/api/v1/people/" + person + "/channels")
                .then().statusCode(201).extract().path("channels.find { it.type == 'SMS' }.id");
        verify(person, UUID.fromString(sms));
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + person)
                .then().body("reachable", equalTo(true));
    }

    private static void assertNobodyNamed(String name) {
        given().header("Authorization", ADMIN).queryParam("name", name)
                .when().get("/api/v1/people")
                .then().statusCode(200).body("items", empty());
    }
}
