package io.muster.escalation.api;

import io.muster.escalation.service.AlertmanagerWebhook;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * Prometheus Alertmanager webhook receiver. No bearer token: Alertmanager's webhook config has only a URL, so the
 * integration key in the path is the credential (keep it secret; admins revoke it via /api/v1/integration-keys).
 */
@Path("/api/v1/integrations/alertmanager/{integrationKey}")
public class AlertmanagerResource {

    public record Receipt(String action, UUID incidentId) {
    }

    @Inject
    AlertmanagerWebhook webhook;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Receipt receive(@PathParam("integrationKey") String integrationKey, String body) {
        AlertmanagerWebhook.Outcome outcome = webhook.receive(integrationKey, body);
        return new Receipt(outcome.action(), outcome.incident() == null ? null : outcome.incident().id);
    }
}
