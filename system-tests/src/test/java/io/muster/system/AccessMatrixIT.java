package io.muster.system;

import static io.muster.standin.LocalEndpoints.DIRECTORY;
import static io.muster.standin.LocalEndpoints.ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation every service documents, called with no token, an expired token, a token from another issuer,
 * a token for another audience, and a token for each role; the expected answer comes from the roles the
 * operation's OpenAPI security requirement lists, so an endpoint added later is covered without editing this test.
 */
class AccessMatrixIT {

    static final List<String> ROLES = List.of("muster-admin", "muster-responder", "muster-viewer",
            "muster-integration", "muster-gameday");
    /** Roles each role also holds (the services map admin to responder and viewer, responder to viewer). */
    static final Map<String, Set<String>> IMPLIES = Map.of(
            "muster-admin", Set.of("muster-admin", "muster-responder", "muster-viewer"),
            "muster-responder", Set.of("muster-responder", "muster-viewer"),
            "muster-viewer", Set.of("muster-viewer"),
            "muster-integration", Set.of("muster-integration"),
            "muster-gameday", Set.of("muster-gameday"));
    /**
     * Operations meant to be called without a bearer token, each authenticated another way: monitoring systems
     * by integration key (PagerDuty and Alertmanager clients cannot send our tokens), responders by the signed
     * single-use ack link, Amazon SNS by its message signature. Anything else without a security requirement
     * fails the test.
     */
    static final Set<String> PUBLIC = Set.of(
            "escalation-service POST /v2/enqueue",
            "escalation-service POST /api/v1/integrations/alertmanager/{integrationKey}",
            "notification-service GET /ack/{token}",
            "notification-service POST /ack/{token}",
            "notification-service POST /api/v1/sns/inbound");

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
    }

    static Set<String> allowedRoles(Suite.Operation op) {
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : op.spec().path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
        }
        return roles;
    }

    /** One request of the matrix: an operation called with one credential, and what its answer must be. */
    private record Cell(Suite.Operation op, String credential, Callable<String> token, Expected expected) {

        /** The cell's mistake, or null when the operation answered as it must. */
        String check() throws Exception {
            String url = Suite.url(op.service(), op.concretePath());
            String body = List.of("POST", "PUT", "PATCH").contains(op.method()) ? "{}" : null;
            int status = Suite.call(op.method(), url, token.call(), body == null ? null : "application/json", body)
                    .statusCode();
            boolean right = switch (expected) {
                case REFUSED_4XX -> status >= 400 && status < 500;
                case UNAUTHENTICATED -> status == 401;
                case FORBIDDEN -> status == 403;
                case LET_THROUGH -> status != 401 && status != 403 && status < 500;
            };
            return right ? null : op + " " + credential + ": " + status + " (expected " + expected.says + ")";
        }
    }

    private enum Expected {
        REFUSED_4XX("a 4xx"), UNAUTHENTICATED("401"), FORBIDDEN("403"), LET_THROUGH("to be let through");

        final String says;

        Expected(String says) {
            this.says = says;
        }
    }

    @Test
    void everyOperationAnswersEachCredentialAsItsRolesSay() throws Exception {
        List<Suite.Operation> operations = Suite.operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(8);
        List<String> wrong = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("expired", Suite.expiredToken("muster-admin"));
        refused.put("wrong issuer", Suite.wrongIssuerToken("muster-admin"));
        refused.put("wrong audience", Suite.wrongAudienceToken("muster-admin"));
        refused.put("bad signature", Suite.badSignatureToken("muster-admin"));
        for (String role : ROLES) {
            Suite.token(role); // makes each role's user once, before the cells ask for its token at the same time
        }
        List<Cell> cells = new ArrayList<>();
        for (Suite.Operation op : operations) {
            Set<String> allowed = allowedRoles(op);
            if (allowed.isEmpty()) {
                if (!PUBLIC.contains(op.toString())) {
                    wrong.add(op + " has no security requirement and is not a known public endpoint");
                } else {
                    // Without its own credential (a valid key, link or signature) a public endpoint must refuse.
                    cells.add(new Cell(op, "without its credential", () -> null, Expected.REFUSED_4XX));
                }
                continue;
            }
            refused.forEach((credential, token) -> cells.add(new Cell(op, "with " + credential, () -> token,
                    Expected.UNAUTHENTICATED)));
            for (String role : ROLES) {
                // Fetched per cell: the suite's Keycloak client holds each role's token and renews it before expiry.
                cells.add(new Cell(op, "as " + role, () -> Suite.token(role),
                        IMPLIES.get(role).stream().anyMatch(allowed::contains) ? Expected.LET_THROUGH
                                : Expected.FORBIDDEN));
            }
        }
        // No cell depends on another (the ids in the paths name nothing), so they run four at a time.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Cell cell : cells) {
                answers.add(pool.submit(cell::check));
            }
            for (Future<String> answer : answers) {
                String mistake = answer.get(2, TimeUnit.MINUTES);
                if (mistake != null) {
                    wrong.add(mistake);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("access matrix: %d operations, %d cells checked, %d wrong%n", operations.size(),
                cells.size(), wrong.size());
        Summary.record("access matrix", String.format("%d operations, %d cells checked, %d wrong",
                operations.size(), cells.size(), wrong.size()));
        assertThat(wrong).isEmpty();
    }

    /**
     * Beyond roles: a person acknowledges an incident they were paged for (matched by the login the directory
     * publishes) and is recorded as that person, a person with no part in it is refused, an admin may; a calling
     * system takes only the incidents it raised; the game-day service raises drills only.
     */
    @Test
    void acknowledgementsBelongToPeopleAndToTheCallersThatRaisedTheIncident() throws Exception {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String admin = Suite.token("muster-admin");
        String person = """
                {"displayName":"%s","timeZone":"Europe/London","escalationLevel":4,"login":"%s"}""";
        String strangerLogin = "stranger-" + run;
        String stranger = Muster.ok("POST", DIRECTORY + "/api/v1/people", admin,
                person.formatted("Matrix Stranger " + run, strangerLogin)).path("id").asText();
        String pagedLogin = "paged-" + run;
        String pagedName = "Matrix Paged " + run;
        String paged = Muster.ok("POST", DIRECTORY + "/api/v1/people", admin,
                person.formatted(pagedName, pagedLogin)).path("id").asText();
        String type = "matrix-" + run;
        Muster.planFor(type, "LOW", "[{\"contacts\":[\"" + paged + "\"],\"timeoutSeconds\":600}]");
        Muster.await("the paged person in escalation's replica", java.time.Duration.ofSeconds(60), () -> Muster.ok(
                "GET", ESCALATION + "/api/v1/response-team?incidentType=" + type + "&severity=LOW",
                Suite.token("muster-viewer"), null).toString().contains(pagedName));

        String siemA = Suite.token("muster-integration", "siem-a-" + run);
        String siemB = Suite.token("muster-integration", "siem-b-" + run);
        String raise = """
                {"title":"Matrix %s","severity":"LOW","incidentType":"%s"%s}""";
        List<String> wrong = new ArrayList<>();
        List<String> raised = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            raised.add(expect(wrong, "integration raises", 201, "POST", "/api/v1/incidents", siemA,
                    raise.formatted(i, type, "")).path("id").asText());
        }
        String ack = "/api/v1/incidents/%s/acknowledge";
        expect(wrong, "a person with no part in it acknowledges", 403, "POST", ack.formatted(raised.get(0)),
                Suite.token("muster-responder", strangerLogin), null);
        expect(wrong, "a responder who is no person acknowledges", 403, "POST", ack.formatted(raised.get(0)),
                Suite.token("muster-responder"), null);
        expect(wrong, "another integration acknowledges", 403, "POST", ack.formatted(raised.get(0)), siemB, null);
        expect(wrong, "another integration resolves", 403, "POST",
                "/api/v1/incidents/" + raised.get(0) + "/resolve", siemB, null);
        JsonNode taken = expect(wrong, "the paged person acknowledges", 200, "POST", ack.formatted(raised.get(0)),
                Suite.token("muster-responder", pagedLogin), null);
        if (!paged.equals(taken.path("acknowledgedContactId").asText())) {
            wrong.add("the paged person's acknowledgement records " + taken.path("acknowledgedContactId")
                    + ", not " + paged);
        }
        expect(wrong, "an admin acknowledges", 200, "POST", ack.formatted(raised.get(1)), admin, null);
        expect(wrong, "the raising integration acknowledges", 200, "POST", ack.formatted(raised.get(2)), siemA, null);
        String gameday = Suite.token("muster-gameday");
        expect(wrong, "game day raises a real incident", 403, "POST", "/api/v1/incidents", gameday,
                raise.formatted("real", type, ""));
        raised.add(expect(wrong, "game day raises a drill", 201, "POST", "/api/v1/incidents", gameday,
                raise.formatted("drill", type, ",\"drill\":true,\"silent\":true")).path("id").asText());
        for (String id : raised) {
            if (!id.isEmpty()) {
                Muster.resolve(id);
            }
        }
        // The tests after this one count the demo organisation's people.
        for (String id : List.of(paged, stranger)) {
            Suite.call("DELETE", DIRECTORY + "/api/v1/people/" + id, admin, null, null);
        }
        Summary.record("acknowledgement rights", String.format("%d checks wrong", wrong.size()));
        assertThat(wrong).isEmpty();
    }

    /** Calls escalation-service; notes a different status in {@code wrong} and returns the body (empty when none). */
    private static JsonNode expect(List<String> wrong, String what, int status, String method, String path,
            String token, String body) throws Exception {
        HttpResponse<String> r = Suite.call(method, Suite.url("escalation-service", path), token, "application/json",
                body == null ? "{}" : body);
        if (r.statusCode() != status) {
            wrong.add(what + ": " + r.statusCode() + " (expected " + status + ") " + r.body());
        } else if (status == 403 && !r.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
            wrong.add(what + ": 403 without a problem document");
        }
        return r.body().isBlank() ? Suite.JSON.createObjectNode() : Suite.JSON.readTree(r.body());
    }
}
