package io.muster.escalation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.contracts.Severity;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IntegrationKey;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Receives Prometheus Alertmanager webhook notifications (payload version 4). One incident per alert group: the
 * group key (scoped to the integration key) is the dedup key, so repeated notifications of a firing group add to
 * its incident, and a resolved notification resolves it.
 */
@ApplicationScoped
public class AlertmanagerWebhook {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Severity> SEVERITIES = Map.of(
            "critical", Severity.CRITICAL, "page", Severity.CRITICAL, "high", Severity.HIGH, "error", Severity.HIGH,
            "major", Severity.HIGH, "warning", Severity.MEDIUM, "medium", Severity.MEDIUM, "minor", Severity.LOW,
            "info", Severity.LOW, "low", Severity.LOW);

    @Inject
    IntegrationKeys keys;

    @Inject
    IncidentDesk desk;

    @Inject
    IncidentChanges changes;

    @Inject
    IncidentQueries queries;

    /** What was done with a notification. */
    public record Outcome(String action, Incident incident) {
    }

    public Outcome receive(String integrationKey, String body) {
        IntegrationKey integration = keys.find(integrationKey).orElseThrow(() -> Refusal.titled(
                Refusal.Kind.UNAUTHORIZED, "unknown-integration-key", "Unauthorized",
                "the integration key in the URL is not known", "integrationKey", "not known"));
        JsonNode notification;
        try {
            notification = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            notification = null;
        }
        if (notification == null || !notification.isObject()) {
            throw Refusal.invalid("body", "not a valid Alertmanager webhook payload (JSON object)");
        }
        if (!"4".equals(notification.path("version").asText())) {
            throw Refusal.invalid("version", "only webhook payload version 4 is understood");
        }
        String groupKey = notification.path("groupKey").asText("");
        if (groupKey.isBlank() || groupKey.length() > 10_000) {
            throw Refusal.invalid("groupKey", "must be present and at most 10000 characters");
        }
        String status = notification.path("status").asText("");
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw Refusal.invalid("status", "must be firing or resolved");
        }
        if (!notification.path("alerts").isArray()) {
            throw Refusal.invalid("alerts", "must be a list");
        }
        String dedupKey = "alertmanager-" + sha256(integration.key + "\n" + groupKey);
        Caller actor = Caller.of(integration);
        if (status.equals("resolved")) {
            Optional<Incident> open = openIncident(dedupKey);
            if (open.isEmpty()) {
                return new Outcome("ignored", null);
            }
            return new Outcome("resolved", changes.resolve(open.get().id, actor));
        }
        JsonNode labels = notification.path("commonLabels");
        JsonNode annotations = notification.path("commonAnnotations");
        String title = firstText(annotations.path("summary"), notification.path("groupLabels").path("alertname"),
                labels.path("alertname"));
        if (title == null) {
            title = "Alertmanager alert group " + notification.path("receiver").asText("");
        }
        String summary = firstText(annotations.path("description"));
        StringBuilder details = new StringBuilder(summary == null ? "" : summary + "\n");
        for (JsonNode alert : notification.path("alerts")) {
            details.append("- ").append(alert.path("status").asText()).append(' ')
                    .append(alert.path("labels").toString()).append(' ')
                    .append(alert.path("generatorURL").asText("")).append('\n');
        }
        Severity severity = SEVERITIES.getOrDefault(labels.path("severity").asText("").toLowerCase(Locale.ROOT),
                Severity.HIGH);
        String source = firstText(notification.path("externalURL"));
        RaiseIncident request = new RaiseIncident(clip(title.strip(), 200),
                clip(details.toString().strip(), 10_000), severity, integration.incidentType,
                clip(source == null ? "alertmanager" : source, 120), dedupKey, false, false, null, null);
        IncidentDesk.Raised raised = desk.raise(request, actor);
        return new Outcome(raised.opened() ? "opened" : "updated", raised.incident());
    }

    private Optional<Incident> openIncident(String dedupKey) {
        try {
            return Optional.of(queries.openByDedupKey(dedupKey));
        } catch (Refusal e) {
            return Optional.empty();
        }
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node.isTextual() && !node.asText().isBlank()) {
                return node.asText();
            }
        }
        return null;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
