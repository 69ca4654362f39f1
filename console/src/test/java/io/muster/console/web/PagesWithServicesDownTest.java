package io.muster.console.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * Every page of this area renders when no service answers: the service is named, the rest of the page is there, and
 * controls follow the signed-in role. (Called with a bearer token, as the local run's console is; the services' URLs
 * point at a port where nothing listens.)
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(PagesWithServicesDownTest.ServicesDown.class)
class PagesWithServicesDownTest {

    public static class ServicesDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.application-type", "hybrid",
                    "muster.console.directory-url", "http://127.0.0.1:9",
                    "muster.console.escalation-url", "http://127.0.0.1:9",
                    "muster.console.notification-url", "http://127.0.0.1:9",
                    "muster.console.gameday-url", "http://127.0.0.1:9",
                    "muster.console.call-timeout", "2s");
        }
    }

    @Test
    void theRaiseFormRendersForAResponderAndTellsThatEscalationIsNotAnswering() {
        String html = page("muster-responder", "/incidents/new", 200);
        assertThat(html).contains("id=\"raise-form\"").contains("name=\"csrf\"")
                .contains("escalation-service is not answering")
                // No known types without escalation: the type is typed in.
                .contains("<input id=\"raise-type\"");
        assertThat(page("muster-viewer", "/incidents/new", 200)).doesNotContain("raise-form")
                .contains("Your role may not raise incidents");
    }

    @Test
    void anIncidentThatCannotBeReadIsA503WithTheServiceNamedAndABadIdIsA404() {
        assertThat(page("muster-admin", "/incidents/7d7a3a8e-8b1e-4a57-9d1e-3b0c7a8f2c11", 503))
                .contains("escalation-service is not answering").doesNotContain("ack-button");
        assertThat(page("muster-admin", "/incidents/not-an-id", 404)).contains("No incident has this id.");
    }

    @Test
    void directoryAndReadinessNameTheDirectoryAndStillRender() {
        assertThat(page("muster-viewer", "/directory", 200)).contains("directory-service is not answering")
                .contains("<h2 id=\"teams-h\">Teams</h2>").contains("No one matches.");
        assertThat(page("muster-viewer", "/readiness", 503)).contains("directory-service is not answering")
                .contains("<h1>Readiness</h1>");
    }

    @Test
    void aTestPagesStatusNamesNotificationWhenItIsDownAndKeepsAskingUntilItAnswers() {
        String html = page("muster-admin", "/directory?test=3f0c9a52-6f0e-4c55-9a7b-1f5b8f2e6d10", 200);
        assertThat(html).contains("id=\"channel-test\" data-refresh=\"3\"")
                .contains("data-status=\"UNKNOWN\"")
                .contains("Cannot tell where the test page stands: notification-service is not answering");
        // Anything but a test id is not looked up at all (it would otherwise be put into notification's path).
        assertThat(page("muster-admin", "/directory?test=..%2F..%2Fapi", 200)).doesNotContain("channel-test");
    }

    @Test
    void theAuditLogNamesEachServiceThatIsDownAndIsForAdminsOnly() {
        String html = page("muster-admin", "/audit", 200);
        for (String service : List.of("directory-service", "escalation-service", "notification-service",
                "gameday-service")) {
            assertThat(html).contains(service + ": " + service + " is not answering");
        }
        assertThat(html).contains("href=\"/audit\" aria-current=\"page\"");
        assertThat(page("muster-admin", "/audit?since=yesterday", 400)).contains("since must be an ISO-8601 instant");
        String viewer = page("muster-responder", "/audit", 403);
        assertThat(viewer).contains("Only admins read the audit log").doesNotContain("audit-filters")
                .doesNotContain("href=\"/audit\"");
    }

    private static String page(String role, String path, int status) {
        Response r = given().auth().oauth2(token(role)).redirects().follow(false).when().get(path);
        assertThat(r.statusCode()).as(path + " as " + role).isEqualTo(status);
        return r.asString();
    }

    private static String token(String role) {
        return Jwt.preferredUserName("alice").claim("realm_access", Map.of("roles", List.of(role)))
                .issuer("https://server.example.com").audience("https://service.example.com")
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
