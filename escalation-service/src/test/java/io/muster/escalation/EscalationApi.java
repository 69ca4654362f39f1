package io.muster.escalation;

import static io.restassured.RestAssured.given;

import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.TimelineEntry;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;

/** Test shortcuts over the REST API and the service's tables. */
public final class EscalationApi {

    private EscalationApi() {
    }

    /** Creates a policy and a plan for a fresh incident type; returns the type. */
    public static String planWithPolicy(String severity, int repeats, String stagesJson, String extraPlanJson) {
        String type = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String policyId = given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"policy " + type + "\",\"repeats\":" + repeats + ",\"stages\":" + stagesJson + "}")
                .when().post("/api/v1/escalation-policies")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"incidentType\":\"" + type + "\",\"severity\":\"" + severity + "\",\"policyId\":\"" + policyId
                        + "\"" + (extraPlanJson == null ? "" : "," + extraPlanJson) + "}")
                .when().post("/api/v1/response-plans")
                .then().statusCode(201);
        return type;
    }

    public static UUID raise(String type, String severity) {
        String id = given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .body("{\"title\":\"Suspicious login burst\",\"severity\":\"" + severity + "\",\"incidentType\":\""
                        + type + "\",\"dedupKey\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String stage(int timeoutSeconds, UUID... contacts) {
        StringBuilder ids = new StringBuilder();
        for (UUID c : contacts) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(c).append('"');
        }
        return "{\"contacts\":[" + ids + "],\"timeoutSeconds\":" + timeoutSeconds + "}";
    }

    public static List<Engagement> engagements(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> Engagement.<Engagement>list(
                "incidentId = ?1 order by repetition, stage, requestedAt", incidentId));
    }

    /** Who was paged (not notify-only) at a 0-based stage and pass. */
    public static List<UUID> paged(UUID incidentId, int stage, int repetition) {
        return engagements(incidentId).stream()
                .filter(e -> e.stage == stage && e.repetition == repetition && !e.notifyOnly)
                .map(e -> e.contactId).toList();
    }

    public static Incident incident(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(id));
    }

    public static List<String> timelineKinds(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> TimelineEntry.<TimelineEntry>list(
                "incidentId = ?1 order by id", id)).stream().map(e -> e.kind).toList();
    }
}
