package io.muster.local;

import static io.muster.local.LocalRun.say;
import static io.muster.standin.LocalEndpoints.ESCALATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Loads the demo organisation's plan document ({@code deploy/local/demo/plan-document.json}: the team overview and
 * the backup channels) into escalation-service and publishes version 1 when no version exists. Idempotent: an
 * overview already written, channels already there (by name) and an existing version are left as they are.
 * Usage: {@code SeedPlanDocument <state dir> <plan-document.json>}.
 */
public final class SeedPlanDocument {

    private static final String API = ESCALATION + "/api/v1/plan-document";

    private SeedPlanDocument() {
    }

    public static void main(String[] args) throws Exception {
        LocalRun run = new LocalRun(Path.of(args[0]));
        JsonNode demo = new ObjectMapper().readTree(Files.readString(Path.of(args[1])));
        String admin = run.token("muster-admin");
        ObjectMapper json = new ObjectMapper();

        if (run.send("GET", API + "/overview", admin, null, 200).path("text").asText().isBlank()) {
            ObjectNode body = json.createObjectNode().put("text", demo.path("overview").asText());
            run.send("PUT", API + "/overview", admin, json.writeValueAsString(body), 200);
        }
        Set<String> have = new HashSet<>();
        run.send("GET", API + "/backup-channels", admin, null, 200).forEach(c -> have.add(c.path("name").asText()));
        int added = 0;
        for (JsonNode channel : demo.path("backupChannels")) {
            if (!have.contains(channel.path("name").asText())) {
                run.send("POST", API + "/backup-channels", admin, json.writeValueAsString(channel), 201);
                added++;
            }
        }
        if (run.send("GET", API + "/versions", admin, null, 200).isEmpty()) {
            // Version 1 should show the demo organisation: wait until escalation's replica of the directory has it.
            for (int i = 0; i < 60 && run.text(API + "?format=markdown", admin)
                    .contains("The directory has published no incident-response roles yet"); i++) {
                Thread.sleep(500);
            }
            ObjectNode note = json.createObjectNode().put("note", "The demo organisation's first plan.");
            JsonNode version = run.send("POST", API + "/versions", admin, json.writeValueAsString(note), 201);
            say("plan document: overview and %d backup channel(s) loaded, version %s published", added,
                    version.path("version").asText());
        } else {
            say("plan document: %d backup channel(s) added, versions already published", added);
        }
    }
}
