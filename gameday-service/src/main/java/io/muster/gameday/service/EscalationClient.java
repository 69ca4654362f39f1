package io.muster.gameday.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.contracts.Severity;
import io.muster.gameday.config.GamedayConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Raises and resolves drill incidents through escalation-service's REST API, as the service identity with role
 * muster-gameday. Raising is idempotent through the dedup key (one per run), so a retry after a crash opens no
 * second incident.
 */
@ApplicationScoped
public class EscalationClient {

    /** Escalation did not take the request; the message says why. */
    public static class EscalationUnavailableException extends RuntimeException {
        public EscalationUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * {@code requiredRoles}: the game day's roles, each engaged by escalation (in addition to its response plan's)
     * and escalated on its own until someone paged for it acknowledges.
     */
    public record DrillIncident(String title, String summary, Severity severity, String incidentType,
            String dedupKey, boolean silent, List<String> requiredRoles, DrillFaults faults) {
    }

    /** Faults escalation applies to this drill: acks it ignores, and channels notification treats as down. */
    public record DrillFaults(List<UUID> unavailableContacts, List<String> unavailableRoles,
            List<String> downChannels) {

        boolean any() {
            return !unavailableContacts.isEmpty() || !unavailableRoles.isEmpty() || !downChannels.isEmpty();
        }
    }

    @Inject
    GamedayConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    OidcClient oidcClient;

    private volatile Tokens tokens;

    private final HttpClient http = HttpClient.newBuilder().build();

    public UUID raise(DrillIncident incident) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", incident.title());
        body.put("summary", incident.summary());
        body.put("severity", incident.severity().name());
        body.put("incidentType", incident.incidentType());
        body.put("source", "gameday");
        body.put("dedupKey", incident.dedupKey());
        body.put("drill", true);
        // Escalation by role: the drill pages the roles the game day rehearses even where no response plan names them.
        body.put("requiredRoles", incident.requiredRoles());
        if (incident.silent()) {
            // Tabletop runs: escalation records the pages but notification sends nothing.
            body.put("silent", true);
        }
        if (incident.faults() != null && incident.faults().any()) {
            Map<String, Object> faults = new LinkedHashMap<>();
            faults.put("unavailableContacts", incident.faults().unavailableContacts());
            faults.put("unavailableRoles", incident.faults().unavailableRoles());
            faults.put("downChannels", incident.faults().downChannels());
            body.put("drillFaults", faults);
        }
        HttpResponse<String> response = post(config.escalation().raisePath(), body);
        try {
            JsonNode id = json.readTree(response.body()).get("id");
            if (id == null || !id.isTextual()) {
                throw new EscalationUnavailableException("escalation answered without an incident id", null);
            }
            return UUID.fromString(id.asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new EscalationUnavailableException("escalation answered with an unreadable body", e);
        }
    }

    public void resolve(UUID incidentId) {
        post(config.escalation().resolvePath().replace("{id}", incidentId.toString()), Map.of());
    }

    private HttpResponse<String> post(String path, Map<String, Object> body) {
        URI uri = URI.create(config.escalation().url().toString().replaceAll("/+$", "") + path);
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(config.escalation().timeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + accessToken())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new EscalationUnavailableException(
                        "escalation answered " + response.statusCode() + " to POST " + path, null);
            }
            return response;
        } catch (IOException e) {
            throw new EscalationUnavailableException("escalation unreachable at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EscalationUnavailableException("interrupted calling escalation", e);
        }
    }

    /**
     * The service identity's access token from the client-credentials grant, kept while it holds and taken again once
     * it has expired (or is within {@code quarkus.oidc-client.refresh-token-time-skew} of it). Client-credentials
     * grants come without a refresh token, so renewing is asking again.
     */
    private String accessToken() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            synchronized (this) {
                current = tokens;
                if (current == null || current.isAccessTokenExpired()
                        || current.isAccessTokenWithinRefreshInterval()) {
                    try {
                        current = oidcClient.getTokens().await().atMost(config.escalation().timeout());
                    } catch (RuntimeException e) {
                        throw new EscalationUnavailableException(
                                "no service token from the OIDC client: " + e.getMessage(), e);
                    }
                    tokens = current;
                }
            }
        }
        return current.getAccessToken();
    }
}
