package io.muster.console.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.console.backend.ServiceText;
import io.muster.console.config.ConsoleConfig;
import io.muster.console.security.SignedInUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Integration keys (escalation-service lets admins only list, issue and revoke them), snippets to point Alertmanager
 * and PagerDuty senders at Muster, and the ingest endpoints' call counts from escalation's metrics. A key's secret is
 * shown once, on the answer to its creation; the list shows its last four characters, and revoking names the key by
 * a fingerprint so the secret never appears in a page again.
 */
@Path("/integrations")
@Produces(MediaType.TEXT_HTML)
public class IntegrationsPage {

    static final String PLACEHOLDER_KEY = "YOUR_INTEGRATION_KEY";
    private static final String KEYS = "/api/v1/integration-keys";

    /** A key as the list shows it: never the secret itself. */
    public record KeyRow(String fingerprint, String lastFour, String name, String incidentType, String createdBy,
            String createdAt) {
    }

    public record Snippets(String alertmanager, String eventsV2) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<KeyRow> keys, Map<String, Object> created, Snippets snippets,
                List<IngestCounts> counts, String countsProblem, Map<String, String> form, String notice,
                String problem);
    }

    @Inject
    ServiceApi api;

    @Inject
    ConsoleConfig config;

    @Inject
    SignedInUser user;

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        return render(null, Map.of(), "revoked".equals(done) ? "The key was revoked." : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("incidentType") String incidentType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", Forms.trimmed(name, 120));
        form.put("incidentType", Forms.trimmed(incidentType, 80));
        ApiResult created = api.post(Backend.ESCALATION, KEYS, form);
        if (!created.ok()) {
            return Response.status(status(created)).entity(render(null, form, null, created.failure())).build();
        }
        // Rendered rather than redirected: this answer is the one place the secret is ever shown.
        return Response.status(201).entity(render(created.object(), Map.of(),
                "The key was created. Copy it now: it will not be shown again.", null)).build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@FormParam("fingerprint") String fingerprint) {
        ApiResult keys = api.get(Backend.ESCALATION, KEYS);
        if (!keys.ok()) {
            return Response.status(status(keys)).entity(render(null, Map.of(), null, keys.failure())).build();
        }
        String key = keys.rows().stream().map(k -> Objects.toString(k.get("integrationKey"), ""))
                .filter(k -> fingerprint(k).equals(fingerprint)).findFirst().orElse(null);
        if (key == null) {
            return Response.status(404).entity(render(null, Map.of(), null, "That key no longer exists.")).build();
        }
        ApiResult revoked = api.delete(Backend.ESCALATION, KEYS + "/" + ServiceApi.segment(key));
        if (!revoked.ok()) {
            return Response.status(status(revoked)).entity(render(null, Map.of(), null, revoked.failure())).build();
        }
        return Response.seeOther(URI.create("/integrations?done=revoked")).build();
    }

    private TemplateInstance render(Map<String, Object> created, Map<String, String> form, String notice,
            String problem) {
        List<KeyRow> rows = new ArrayList<>();
        if (user.isAdmin()) {
            ApiResult keys = api.get(Backend.ESCALATION, KEYS);
            if (!keys.ok() && problem == null) {
                problem = keys.failure();
            }
            for (Map<String, Object> k : keys.rows()) {
                String key = Objects.toString(k.get("integrationKey"), "");
                rows.add(new KeyRow(fingerprint(key), key.length() > 4 ? key.substring(key.length() - 4) : key,
                        Objects.toString(k.get("name"), ""), Objects.toString(k.get("incidentType"), ""),
                        Objects.toString(k.get("createdBy"), ""), Objects.toString(k.get("createdAt"), "")));
            }
        }
        String snippetKey = created == null ? PLACEHOLDER_KEY : Objects.toString(created.get("integrationKey"));
        URI base = config.ingestUrl().orElse(config.escalationUrl());
        Snippets snippets = new Snippets(IntegrationSnippets.alertmanager(base, snippetKey),
                IntegrationSnippets.eventsV2(base, snippetKey));
        ServiceText metrics = api.text(Backend.ESCALATION, "/q/metrics", "text/plain");
        List<IngestCounts> counts = metrics.ok() ? IngestCounts.from(metrics.body()) : List.of();
        return Templates.page(rows, created, snippets, counts, metrics.ok() ? null : metrics.failure(), form, notice,
                problem);
    }

    /** Names a key without revealing it: the first 16 hex digits of its SHA-256. */
    static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static int status(ApiResult result) {
        return result.answered() && result.status() >= 400 && result.status() < 500 ? result.status() : 502;
    }
}
