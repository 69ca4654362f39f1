package io.muster.importers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.muster.importers.aws.IncidentManagerReader;
import io.muster.importers.grafana.GrafanaOnCallApi;
import io.muster.importers.grafana.GrafanaOnCallReader;
import io.muster.importers.mapping.MusterPlan;
import io.muster.importers.mapping.OrganisationMapping;
import io.muster.importers.http.ProviderHttp;
import io.muster.importers.mapping.PlanReport;
import io.muster.importers.opsgenie.OpsgenieApi;
import io.muster.importers.opsgenie.OpsgenieReader;
import io.muster.importers.pagerduty.PagerDutyApi;
import io.muster.importers.pagerduty.PagerDutyReader;
import io.muster.importers.source.SourceOrganisation;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssmcontacts.SsmContactsClient;
import software.amazon.awssdk.services.ssmcontacts.SsmContactsClientBuilder;
import software.amazon.awssdk.services.ssmincidents.SsmIncidentsClient;
import software.amazon.awssdk.services.ssmincidents.SsmIncidentsClientBuilder;

/**
 * {@code muster import aws|pagerduty|grafana-oncall|opsgenie --dry-run [...]}: reads the source and prints what an import
 * would create in Muster and what it cannot carry over, without writing anything anywhere. AWS credentials come from the SDK's
 * default chain (environment, profile, SSO, instance role); the reader only needs {@code ssm-contacts:List*},
 * {@code ssm-contacts:GetContact} and {@code ssm-incidents:List*}/{@code Get*}. PagerDuty's read-only API key comes
 * from the environment ({@code PAGERDUTY_TOKEN}), never the command line, where shell history and process lists
 * would keep it. Grafana OnCall's API token likewise comes from {@code GRAFANA_ONCALL_TOKEN}; its API URL is the
 * team's own instance, so {@code --endpoint} is required for it. Opsgenie's API key comes from
 * {@code OPSGENIE_API_KEY}.
 */
public final class ImportCommand {

    static final String USAGE = """
            usage: muster import aws --dry-run [--region REGION] [--time-zone ZONE] [--endpoint URL] [--json]
                   PAGERDUTY_TOKEN=... muster import pagerduty --dry-run [--time-zone ZONE] [--endpoint URL] [--json]
                   GRAFANA_ONCALL_TOKEN=... muster import grafana-oncall --dry-run --endpoint URL
                       [--time-zone ZONE] [--json]
                   OPSGENIE_API_KEY=... muster import opsgenie --dry-run [--time-zone ZONE] [--endpoint URL] [--json]
              --dry-run      print what would be created and what cannot be carried over (nothing is written)
              --region       the Incident Manager region (default: the SDK's, from AWS_REGION or the profile)
              --time-zone    for people the source keeps no time zone for and who are in no rotation; default UTC
              --endpoint     another endpoint for the source's API (a VPC endpoint, PagerDuty's or Opsgenie's EU API,
                             a stand-in);
                             for grafana-oncall, the instance's OnCall API URL (required)
              --json         print the plan as JSON: the directory import document and the policies and plans
            Only the dry run exists so far: applying the plan to a running Muster is not built yet.""";
    static final URI PAGERDUTY_API = URI.create("https://api.pagerduty.com");
    static final URI OPSGENIE_API = URI.create("https://api.opsgenie.com");

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the process exit code: 0 done, 2 bad arguments, 1 the source could not be read */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
            if (options.provider.equals("pagerduty") && env.getOrDefault("PAGERDUTY_TOKEN", "").isBlank()) {
                throw new IllegalArgumentException("set PAGERDUTY_TOKEN to a read-only PagerDuty API key");
            }
            if (options.provider.equals("grafana-oncall")
                    && env.getOrDefault("GRAFANA_ONCALL_TOKEN", "").isBlank()) {
                throw new IllegalArgumentException("set GRAFANA_ONCALL_TOKEN to a Grafana OnCall API token");
            }
            if (options.provider.equals("opsgenie") && env.getOrDefault("OPSGENIE_API_KEY", "").isBlank()) {
                throw new IllegalArgumentException("set OPSGENIE_API_KEY to an Opsgenie API key with read access");
            }
        } catch (IllegalArgumentException e) {
            err.println("muster import: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SourceOrganisation source;
        if (options.provider.equals("pagerduty")) {
            try {
                source = new PagerDutyReader(new PagerDutyApi(options.endpoint.orElse(PAGERDUTY_API),
                        env.get("PAGERDUTY_TOKEN").strip()), Clock.systemUTC()).read();
            } catch (ProviderHttp.ApiException e) {
                err.println("muster import: could not read PagerDuty: " + e.getMessage());
                return 1;
            }
        } else if (options.provider.equals("grafana-oncall")) {
            try {
                source = new GrafanaOnCallReader(new GrafanaOnCallApi(options.endpoint.orElseThrow(),
                        env.get("GRAFANA_ONCALL_TOKEN").strip()), Clock.systemUTC()).read();
            } catch (ProviderHttp.ApiException e) {
                err.println("muster import: could not read Grafana OnCall: " + e.getMessage());
                return 1;
            }
        } else if (options.provider.equals("opsgenie")) {
            try {
                source = new OpsgenieReader(new OpsgenieApi(options.endpoint.orElse(OPSGENIE_API),
                        env.get("OPSGENIE_API_KEY").strip()), Clock.systemUTC()).read();
            } catch (ProviderHttp.ApiException e) {
                err.println("muster import: could not read Opsgenie: " + e.getMessage());
                return 1;
            }
        } else {
            Optional<SourceOrganisation> read = readAws(options, err);
            if (read.isEmpty()) {
                return 1;
            }
            source = read.get();
        }
        MusterPlan plan = new OrganisationMapping(options.timeZone).map(source);
        if (options.json) {
            try {
                out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .writerWithDefaultPrettyPrinter().writeValueAsString(plan));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the plan is always writable as JSON", e);
            }
        } else {
            out.print(PlanReport.render(plan));
        }
        return 0;
    }

    private static Optional<SourceOrganisation> readAws(Options options, PrintStream err) {
        SsmContactsClientBuilder contacts = SsmContactsClient.builder().httpClient(UrlConnectionHttpClient.create());
        SsmIncidentsClientBuilder incidents = SsmIncidentsClient.builder()
                .httpClient(UrlConnectionHttpClient.create());
        options.region.map(Region::of).ifPresent(r -> {
            contacts.region(r);
            incidents.region(r);
        });
        options.endpoint.ifPresent(u -> {
            contacts.endpointOverride(u);
            incidents.endpointOverride(u);
        });
        try (SsmContactsClient c = contacts.build(); SsmIncidentsClient i = incidents.build()) {
            return Optional.of(new IncidentManagerReader(c, i, Clock.systemUTC()).read());
        } catch (SdkException e) {
            err.println("muster import: could not read Incident Manager: " + e.getMessage());
            return Optional.empty();
        }
    }

    record Options(String provider, Optional<String> region, Optional<URI> endpoint, ZoneId timeZone,
            boolean json) {

        static Options parse(String[] args) {
            List<String> rest = new ArrayList<>(List.of(args));
            String provider = rest.isEmpty() ? "" : rest.remove(0);
            if (!List.of("aws", "pagerduty", "grafana-oncall", "opsgenie").contains(provider)) {
                throw new IllegalArgumentException("name the system to import from: aws, pagerduty,"
                        + " grafana-oncall or opsgenie");
            }
            boolean dryRun = rest.remove("--dry-run");
            boolean json = rest.remove("--json");
            Optional<String> region = value(rest, "--region");
            Optional<URI> endpoint = value(rest, "--endpoint").map(ImportCommand::uri);
            ZoneId zone;
            try {
                zone = ZoneId.of(value(rest, "--time-zone").orElse("UTC"));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--time-zone: not an IANA time zone");
            }
            if (!rest.isEmpty()) {
                throw new IllegalArgumentException("unknown argument " + rest.get(0));
            }
            if (!dryRun) {
                throw new IllegalArgumentException("give --dry-run: applying an import is not built yet");
            }
            if (region.isPresent() && !provider.equals("aws")) {
                throw new IllegalArgumentException("--region is for aws only");
            }
            if (endpoint.isEmpty() && provider.equals("grafana-oncall")) {
                throw new IllegalArgumentException("grafana-oncall needs --endpoint: the OnCall API URL of your"
                        + " instance");
            }
            return new Options(provider, region, endpoint, zone, json);
        }

        private static Optional<String> value(List<String> rest, String flag) {
            int at = rest.indexOf(flag);
            if (at < 0) {
                return Optional.empty();
            }
            if (at + 1 >= rest.size() || rest.get(at + 1).startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = rest.get(at + 1);
            rest.subList(at, at + 2).clear();
            return Optional.of(v);
        }
    }

    private static URI uri(String text) {
        try {
            URI u = URI.create(text);
            if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
                throw new IllegalArgumentException("--endpoint: give an http or https URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint: give an http or https URL");
        }
    }
}
