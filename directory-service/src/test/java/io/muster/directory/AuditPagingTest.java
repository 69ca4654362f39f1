package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit log read page by page from a cursor (the id of the last entry read), as the console merges four logs. */
@QuarkusTest
class AuditPagingTest {

    @Test
    void beforeIdGoesOnFromTheLastEntryReadWithNoneSkippedOrRepeated() {
        String actor = uniqueName("paging-admin").replace(' ', '-');
        String token = "Bearer " + Tokens.token(actor, Roles.ADMIN);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, given().header("Authorization", token).contentType(ContentType.JSON)
                    .body("{\"name\":\"" + uniqueName("Paged team " + i) + "\"}").when().post("/api/v1/teams")
                    .then().statusCode(201).extract().path("id"));
        }
        List<String> read = new ArrayList<>();
        Long before = null;
        for (int page = 0; page < 3; page++) {
            var request = given().header("Authorization", ADMIN).queryParam("actor", actor).queryParam("size", 2);
            if (before != null) {
                request.queryParam("beforeId", before);
            }
            List<Number> ids = request.when().get("/api/v1/audit").then().statusCode(200).extract().path("id");
            List<String> entities = request.when().get("/api/v1/audit").then().extract().path("entityId");
            read.addAll(entities);
            if (!ids.isEmpty()) {
                before = ids.get(ids.size() - 1).longValue();
            }
        }
        assertThat(read).as("newest first, each once").containsExactlyElementsOf(made);

        given().header("Authorization", ADMIN).queryParam("beforeId", 0).when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field",
                        contains("beforeId"));
        given().header("Authorization", ADMIN).queryParam("beforeId", "latest").when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
