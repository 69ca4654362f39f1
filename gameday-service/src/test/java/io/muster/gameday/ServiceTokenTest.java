package io.muster.gameday;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.muster.contracts.Severity;
import io.muster.gameday.service.EscalationClient;
import io.muster.gameday.service.EscalationClient.DrillFaults;
import io.muster.gameday.service.EscalationClient.DrillIncident;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * gameday-service calls escalation as its own identity with a token of the client-credentials grant: the token is
 * reused while it holds, and a call after it expired takes a new one from the token endpoint (EscalationStub, whose
 * tokens live {@value EscalationStub#TOKEN_LIFETIME_SECONDS} s).
 */
@QuarkusTest
class ServiceTokenTest {

    @Inject
    EscalationClient escalation;

    @Test
    void aCallAfterTheServiceTokenExpiredTakesANewOneFromTheTokenEndpoint() throws Exception {
        // Whatever token an earlier test left has expired by now, so the first call takes a fresh one.
        Thread.sleep((EscalationStub.TOKEN_LIFETIME_SECONDS + 1) * 1_000L);
        int grantsBefore = grants();
        String first = raise();
        assertThat(grants()).as("the first call takes a token").isEqualTo(grantsBefore + 1);
        int grantsAfterFirst = grantsBefore + 1;
        String second = raise();
        assertThat(second).as("a call while the token holds reuses it").isEqualTo(first);
        assertThat(grants()).isEqualTo(grantsAfterFirst);

        Thread.sleep((EscalationStub.TOKEN_LIFETIME_SECONDS + 1) * 1_000L);
        String third = raise();

        assertThat(grants()).as("one more client-credentials grant").isEqualTo(grantsAfterFirst + 1);
        assertThat(third).isNotEqualTo(first).isEqualTo("Bearer " + lastIssuedToken());
        EscalationStub.server().verify(postRequestedFor(urlEqualTo(EscalationStub.TOKEN_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "grant_type=client_credentials")));
    }

    /** Raises a drill and returns the Authorization header escalation received with it. */
    private String raise() {
        String dedupKey = "service-token-" + UUID.randomUUID();
        escalation.raise(new DrillIncident("[DRILL] token", "service token renewal", Severity.LOW, "ransomware",
                dedupKey, true, List.of(), new DrillFaults(List.of(), List.of(), List.of())));
        return EscalationStub.server().findAll(postRequestedFor(urlEqualTo("/api/v1/incidents"))).stream()
                .filter(r -> r.getBodyAsString().contains(dedupKey)).findFirst().orElseThrow()
                .getHeader("Authorization");
    }

    private static int grants() {
        return EscalationStub.server().findAll(postRequestedFor(urlEqualTo(EscalationStub.TOKEN_PATH))).size();
    }

    private static String lastIssuedToken() throws Exception {
        ServeEvent last = EscalationStub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(EscalationStub.TOKEN_PATH))
                .max(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate())).orElseThrow();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(last.getResponse().getBodyAsString())
                .path("access_token").asText();
    }
}
