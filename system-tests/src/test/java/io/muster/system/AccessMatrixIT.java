package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    void everyOperationAnswersEachCredentialAsItsRolesSay() throws Exception {
        List<Suite.Operation> operations = Suite.operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(8);
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Suite.Operation op : operations) {
            Set<String> allowed = allowedRoles(op);
            String url = Suite.url(op.service(), op.concretePath());
            String body = List.of("POST", "PUT", "PATCH").contains(op.method()) ? "{}" : null;
            String type = body == null ? null : "application/json";
            if (allowed.isEmpty()) {
                if (!PUBLIC.contains(op.toString())) {
                    wrong.add(op + " has no security requirement and is not a known public endpoint");
                    continue;
                }
                // Without its own credential (a valid key, link or signature) a public endpoint must refuse.
                HttpResponse<String> r = Suite.call(op.method(), url, null, type, body);
                cells++;
                if (r.statusCode() < 400 || r.statusCode() >= 500) {
                    wrong.add(op + " without its credential: " + r.statusCode() + " (expected a 4xx)");
                }
                continue;
            }
            Map<String, String> refused = Map.of(
                    "no token", "",
                    "expired", Suite.expiredToken("muster-admin"),
                    "wrong issuer", Suite.wrongIssuerToken("muster-admin"),
                    "wrong audience", Suite.wrongAudienceToken("muster-admin"));
            for (Map.Entry<String, String> credential : refused.entrySet()) {
                HttpResponse<String> r = Suite.call(op.method(), url,
                        credential.getValue().isEmpty() ? null : credential.getValue(), type, body);
                cells++;
                if (r.statusCode() != 401) {
                    wrong.add(op + " with " + credential.getKey() + ": " + r.statusCode() + " (expected 401)");
                }
            }
            for (String role : ROLES) {
                boolean permitted = IMPLIES.get(role).stream().anyMatch(allowed::contains);
                HttpResponse<String> r = Suite.call(op.method(), url, Suite.token(role), type, body);
                cells++;
                if (permitted && (r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() >= 500)) {
                    wrong.add(op + " as " + role + ": " + r.statusCode() + " (expected to be let through)");
                } else if (!permitted && r.statusCode() != 403) {
                    wrong.add(op + " as " + role + ": " + r.statusCode() + " (expected 403)");
                }
            }
        }
        System.out.printf("access matrix: %d operations, %d cells checked, %d wrong%n", operations.size(), cells,
                wrong.size());
        Summary.record("access matrix", String.format("%d operations, %d cells checked, %d wrong",
                operations.size(), cells, wrong.size()));
        assertThat(wrong).isEmpty();
    }
}
