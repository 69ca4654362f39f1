package io.muster.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.muster.platform.health.BrokerReadiness;
import io.muster.platform.messaging.DeadLetterReadiness;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", BrokerReadiness.NAME,
                        DeadLetterReadiness.NAME));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAndOpenApiArePublished() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("muster_outbox_published_total"))
                .body(containsString("jvm_memory_used_bytes"));
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/roles"));
    }
}
