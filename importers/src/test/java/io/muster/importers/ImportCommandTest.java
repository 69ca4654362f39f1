package io.muster.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.importers.aws.IncidentManagerStandInAccess;
import io.muster.importers.grafana.GrafanaOnCallStandIn;
import io.muster.importers.opsgenie.OpsgenieStandIn;
import io.muster.importers.pagerduty.PagerDutyStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImportCommandTest {

    static AutoCloseable standIn;
    static String endpoint;

    @BeforeAll
    static void start() {
        // The SDK's default credential chain reads these system properties first.
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
        var s = IncidentManagerStandInAccess.start("/aws/organisation.json");
        standIn = s;
        endpoint = IncidentManagerStandInAccess.endpoint(s);
    }

    @AfterAll
    static void stop() throws Exception {
        standIn.close();
    }

    @Test
    void aDryRunPrintsWhatWouldBeCreatedAndWhatCannotBe() {
        Result r = run("aws", "--dry-run", "--region", "us-east-1", "--endpoint", endpoint);
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("Import from AWS Incident Manager would create:")
                .contains("4 roles: secops-primary, secops-secondary, comms-lead, legal-on-call")
                // Five voice channels are left out (the directory refuses VOICE until Muster places calls).
                .contains("20 people with 39 channels (35 verified by the source; codes are sent for the other 4)")
                .contains("rotation SecOps primary weekly: role secops-primary, hands off every week from 2025-10-27T09:00"
                        + " America/New_York, 5 members")
                .contains("policy Security escalation: roles secops-primary (5 min) then roles secops-secondary,"
                        + " comms-lead (10 min) then people ciso-dana-reyes (severity's ack target)")
                .contains("security-incident: incident type security-incident at CRITICAL, policy Security escalation")
                .contains("rotation Comms business hours: role comms-lead, hands off every 2 days from")
                .contains("Not carried over (9):")
                .contains("contact amara-okafor: channel mobile voice is a voice channel: Muster places no voice calls"
                        + " yet, so it is left out")
                .contains("rotation Legal monthly: it hands off monthly");
    }

    @Test
    void jsonIsTheDirectoryDocumentAndThePolicies() throws Exception {
        Result r = run("aws", "--dry-run", "--json", "--region", "us-east-1", "--endpoint", endpoint);
        assertThat(r.code).as(r.err).isZero();
        JsonNode plan = new ObjectMapper().readTree(r.out);
        assertThat(plan.path("directory").path("people")).hasSize(20);
        assertThat(plan.path("directory").path("rotations").get(0).path("handoffStart").asText())
                .isEqualTo("2025-10-27T09:00:00");
        assertThat(plan.path("policies").get(0).path("stages").get(0).path("timeoutSeconds").asInt()).isEqualTo(300);
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        assertThat(run("victorops", "--dry-run")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("name the system to import from: aws, pagerduty")
                    .contains("usage: muster import");
        });
        assertThat(run(Map.of(), "pagerduty", "--dry-run").err).contains("set PAGERDUTY_TOKEN");
        assertThat(run(Map.of("PAGERDUTY_TOKEN", "t"), "pagerduty", "--dry-run", "--region", "eu-west-1").err)
                .contains("--region is for aws only");
        assertThat(run("aws", "--dry-run", "--time-zone", "Mars/Olympus").err).contains("--time-zone");
        assertThat(run("aws", "--dry-run", "--endpoint", "ftp://x").err).contains("--endpoint");
        assertThat(run("aws", "--dry-run", "--region").err).contains("--region needs a value");
        assertThat(run("aws", "--dry-run", "--colour").err).contains("unknown argument --colour");
        assertThat(run("aws").err).contains("give --dry-run");
    }

    @Test
    void aPagerDutyDryRunReadsWithTheTokenFromTheEnvironment() {
        try (PagerDutyStandIn pd = new PagerDutyStandIn("/pagerduty/account.json")) {
            Result r = run(Map.of("PAGERDUTY_TOKEN", PagerDutyStandIn.TOKEN), "pagerduty", "--dry-run", "--endpoint",
                    pd.endpoint().toString());
            assertThat(r.code).as(r.err).isZero();
            assertThat(r.out).contains("Import from PagerDuty would create:")
                    .contains("2 roles: secops-primary, secops-secondary")
                    .contains("8 response plans");
            Result refused = run(Map.of("PAGERDUTY_TOKEN", "wrong"), "pagerduty", "--dry-run", "--endpoint",
                    pd.endpoint().toString());
            assertThat(refused.code).isEqualTo(1);
            assertThat(refused.err).contains("could not read PagerDuty").contains("refused the token (401)");
        }
    }

    @Test
    void aGrafanaOnCallDryRunNeedsTheTokenFromTheEnvironmentAndTheInstancesUrl() {
        assertThat(run(Map.of(), "grafana-oncall", "--dry-run", "--endpoint", "http://127.0.0.1:9").err)
                .contains("set GRAFANA_ONCALL_TOKEN");
        assertThat(run(Map.of("GRAFANA_ONCALL_TOKEN", "t"), "grafana-oncall", "--dry-run")).satisfies(r -> {
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("grafana-oncall needs --endpoint");
        });
        try (GrafanaOnCallStandIn oncall = new GrafanaOnCallStandIn("/grafana/organisation.json")) {
            Result r = run(Map.of("GRAFANA_ONCALL_TOKEN", GrafanaOnCallStandIn.TOKEN), "grafana-oncall", "--dry-run",
                    "--endpoint", oncall.endpoint().toString());
            assertThat(r.code).as(r.err).isZero();
            assertThat(r.out).contains("Import from Grafana OnCall would create:")
                    .contains("4 roles: platform-primary, platform-secondary, sre-follow-the-sun, database-on-call")
                    .contains("8 response plans");
            Result refused = run(Map.of("GRAFANA_ONCALL_TOKEN", "wrong"), "grafana-oncall", "--dry-run",
                    "--endpoint", oncall.endpoint().toString());
            assertThat(refused.code).isEqualTo(1);
            assertThat(refused.err).contains("could not read Grafana OnCall").contains("refused the token (401)");
        }
    }

    @Test
    void anOpsgenieDryRunReadsWithTheKeyFromTheEnvironment() {
        assertThat(run(Map.of(), "opsgenie", "--dry-run").err).contains("set OPSGENIE_API_KEY");
        assertThat(run(Map.of("OPSGENIE_API_KEY", "k"), "opsgenie", "--dry-run", "--region", "eu-west-1").err)
                .contains("--region is for aws only");
        try (OpsgenieStandIn og = new OpsgenieStandIn("/opsgenie/account.json")) {
            Result r = run(Map.of("OPSGENIE_API_KEY", OpsgenieStandIn.KEY), "opsgenie", "--dry-run", "--endpoint",
                    og.endpoint().toString());
            assertThat(r.code).as(r.err).isZero();
            assertThat(r.out).contains("Import from Opsgenie would create:")
                    .contains("3 roles: payments-primary, payments-secondary, data-on-call")
                    .contains("8 response plans");
            Result refused = run(Map.of("OPSGENIE_API_KEY", "wrong"), "opsgenie", "--dry-run", "--endpoint",
                    og.endpoint().toString());
            assertThat(refused.code).isEqualTo(1);
            assertThat(refused.err).contains("could not read Opsgenie").contains("refused the API key (401)");
        }
    }

    @Test
    void anUnreachableProviderIsNamedNotNull() {
        Result r = run(Map.of("PAGERDUTY_TOKEN", "t"), "pagerduty", "--dry-run", "--endpoint", "http://127.0.0.1:9");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("could not read PagerDuty: GET /users failed: nothing answers at 127.0.0.1:9")
                .doesNotContain("null");
    }

    @Test
    void anUnreachableSourceIsAnErrorNotAnEmptyPlan() {
        Result r = run("aws", "--dry-run", "--region", "us-east-1", "--endpoint", "http://127.0.0.1:9");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("could not read Incident Manager");
        assertThat(r.out).isEmpty();
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImportCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
