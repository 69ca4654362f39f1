package io.muster.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed requests against every documented operation, sent with a token that may call it: each
 * must get a 4xx problem+json answer, never a 5xx, and no database may change.
 */
class BadInputIT {

    static final String INJECTION = "'; DROP TABLE incident; -- <script>alert(1)</script> ${jndi:ldap://x/a}";

    @BeforeAll
    static void up() throws Exception {
        Suite.up();
    }

    record BadRequest(Suite.Operation op, String what, String method, String path, String contentType, String body) {
    }

    static String permittedRole(Suite.Operation op) {
        var allowed = AccessMatrixIT.allowedRoles(op);
        for (String role : AccessMatrixIT.ROLES) {
            if (AccessMatrixIT.IMPLIES.get(role).stream().anyMatch(allowed::contains)) {
                return role;
            }
        }
        return null;
    }

    /** The request body schema's properties, resolving a $ref into components. */
    static JsonNode properties(JsonNode openApi, Suite.Operation op) {
        JsonNode schema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            schema = openApi.path("components").path("schemas").path(name);
        }
        return schema.path("properties");
    }

    static List<BadRequest> corpus() throws Exception {
        List<BadRequest> corpus = new ArrayList<>();
        for (Suite.Operation op : Suite.operations()) {
            if (permittedRole(op) == null) {
                continue;
            }
            String path = op.concretePath();
            if (List.of("POST", "PUT", "PATCH").contains(op.method())) {
                String m = op.method();
                corpus.add(new BadRequest(op, "broken JSON", m, path, "application/json", "{\"title\": "));
                corpus.add(new BadRequest(op, "array instead of object", m, path, "application/json", "[1,2]"));
                corpus.add(new BadRequest(op, "bare string", m, path, "application/json", "\"hello\""));
                corpus.add(new BadRequest(op, "empty object", m, path, "application/json", "{}"));
                corpus.add(new BadRequest(op, "JSON null", m, path, "application/json", "null"));
                corpus.add(new BadRequest(op, "bare number", m, path, "application/json", "42"));
                corpus.add(new BadRequest(op, "nesting bomb", m, path, "application/json",
                        "[".repeat(5_000) + "]".repeat(5_000)));
                corpus.add(new BadRequest(op, "empty body", m, path, "application/json", ""));
                corpus.add(new BadRequest(op, "wrong content type", m, path, "text/plain", "title=x"));
                corpus.add(new BadRequest(op, "unknown field", m, path, "application/json",
                        "{\"noSuchField\":\"" + INJECTION.replace("\"", "") + "\"}"));
                JsonNode openApi = Suite.openApi(op.service());
                JsonNode props = properties(openApi, op);
                Iterator<Map.Entry<String, JsonNode>> fields = props.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String type = field.getValue().path("type").asText("object");
                    ObjectNode wrongType = Suite.JSON.createObjectNode();
                    if (type.equals("string")) {
                        wrongType.putArray(field.getKey()).add(1);
                        ObjectNode oversized = Suite.JSON.createObjectNode();
                        oversized.put(field.getKey(), INJECTION + "x".repeat(20_000));
                        corpus.add(new BadRequest(op, "oversized " + field.getKey(), m, path, "application/json",
                                oversized.toString()));
                    } else {
                        wrongType.put(field.getKey(), INJECTION);
                    }
                    corpus.add(new BadRequest(op, "wrong type for " + field.getKey(), m, path, "application/json",
                            wrongType.toString()));
                }
            } else if (op.method().equals("GET")) {
                if (op.path().contains("{")) {
                    corpus.add(new BadRequest(op, "malformed path parameter", "GET",
                            op.path().replaceAll("\\{[^}]+}", "%27%20OR%201%3D1--"), null, null));
                }
                // Only an operation that declares a limit can be given a bad one; any other ignores the parameter.
                if (op.spec().toString().contains("\"limit\"")) {
                    corpus.add(new BadRequest(op, "negative limit", "GET", path + "?limit=-5", null, null));
                    corpus.add(new BadRequest(op, "non-numeric limit", "GET", path + "?limit=lots", null, null));
                }
            }
        }
        return corpus;
    }

    @Test
    void everyMalformedRequestGetsAProblemAndChangesNothing() throws Exception {
        Map<String, String> before = Suite.settledDatabaseSnapshot();
        List<BadRequest> corpus = corpus();
        List<String> wrong = new ArrayList<>();
        int fiveHundreds = 0;
        int tried = 0;
        for (BadRequest bad : corpus) {
            HttpResponse<String> r = Suite.call(bad.method(), Suite.url(bad.op().service(), bad.path()),
                    Suite.token(permittedRole(bad.op())), bad.contentType(), bad.body());
            tried++;
            if (r.statusCode() >= 500) {
                fiveHundreds++;
            }
            boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !problem) {
                wrong.add(bad.op() + " [" + bad.what() + "]: " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        Map<String, String> after = Suite.databaseSnapshot();
        System.out.printf("bad input: %d malformed requests tried, %d answered 5xx, %d not a 4xx problem%n", tried,
                fiveHundreds, wrong.size());
        Summary.record("bad input", String.format("%d malformed requests tried, %d answered 5xx, %d not a 4xx problem, "
                + "databases %s", tried, fiveHundreds, wrong.size(), after.equals(before) ? "unchanged" : "CHANGED"));
        assertThat(tried).isGreaterThanOrEqualTo(100);
        assertThat(wrong).isEmpty();
        assertThat(after).as("databases unchanged by bad requests").isEqualTo(before);
    }
}
