package io.muster.console.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** The console as an unsigned visitor meets it: every page behind sign-in, and the web-hygiene headers. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsoleSecurityTest {

    @Test
    void anUnsignedVisitorIsSentToTheIdentityProvidersLoginPage() {
        for (String page : new String[] { "/incidents", "/directory", "/game-days", "/" }) {
            Response r = given().redirects().follow(false).when().get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            String location = r.header("Location");
            assertThat(location).as(page).contains("/realms/quarkus").contains("client_id=muster-console")
                    .contains("response_type=code").contains("scope=openid+profile+email&");
            // The state cookie that ties the IdP's answer to this browser: HTTP-only and secure.
            assertThat(r.headers().getValues("Set-Cookie")).as(page)
                    .anySatisfy(c -> assertThat(c).startsWith("q_auth").containsIgnoringCase("HttpOnly").contains("Secure"));
        }
    }

    @Test
    void aFormPostedWithoutASessionIsNotCarriedOut() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("title", "forged").when().post("/incidents").then().statusCode(302)
                .header("Location", containsString("response_type=code"));
    }

    @Test
    void everyResponseCarriesTheContentSecurityPolicyAndRefusesFraming() {
        for (String path : new String[] { "/signed-out", "/static/console.css", "/incidents" }) {
            Response r = given().redirects().follow(false).when().get(path);
            assertThat(r.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'none'").contains("script-src 'self'").contains("form-action 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
        }
        given().when().get("/signed-out").then().statusCode(200).header("Cache-Control", equalTo("no-store"))
                .body(containsString("Signed out"));
    }

    @Test
    void healthAndMetricsNeedNoSignIn() {
        given().when().get("/q/health/live").then().statusCode(200);
        // Prometheus scrapes without a session (the NetworkPolicy admits only the monitoring namespace).
        given().redirects().follow(false).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
