package io.muster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestCheckTest {

    static Path root;
    static ManifestCheck check;

    @BeforeAll
    static void setUp() throws IOException {
        root = Path.of(System.getProperty("muster.root", "../..")).toAbsolutePath().normalize();
        check = new ManifestCheck(ServiceRequirements.documentedSecrets(root), ServiceRequirements.requiredEnv(root),
                ServiceRequirements.kafkaAccess(root), root.resolve("deploy/base/keycloak/realm-muster.json"));
    }

    /** The overlay rendered by kubectl where it exists; the committed rendering otherwise. */
    static String rendered(String overlay) throws Exception {
        String committed = Files.readString(root.resolve("deploy/rendered/" + overlay + ".yaml"));
        String fresh = kustomize(overlay);
        if (fresh != null) {
            assertThat(fresh).as("deploy/rendered/%s.yaml is stale: re-render it with kubectl kustomize", overlay)
                    .isEqualTo(committed);
        }
        return committed;
    }

    static String kustomize(String overlay) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", root.resolve("deploy/overlays/" + overlay).toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noKubectl) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize %s: %s", overlay, out).isZero();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void bothOverlaysRenderAndPassEveryCheck(String overlay) throws Exception {
        assertThat(check.check(rendered(overlay))).isEmpty();
    }

    /** Applies an edit to the one document that contains every marker. */
    static String editDoc(String yaml, List<String> markers, UnaryOperator<String> edit) {
        String[] docs = yaml.split("(?m)^---\\s*$", -1);
        int edited = 0;
        for (int i = 0; i < docs.length; i++) {
            String doc = docs[i];
            if (markers.stream().allMatch(doc::contains)) {
                String changed = edit.apply(doc);
                assertThat(changed).as("the edit changed something").isNotEqualTo(doc);
                docs[i] = changed;
                edited++;
            }
        }
        assertThat(edited).as("documents matching %s", markers).isEqualTo(1);
        return String.join("---", docs);
    }

    /** A finding that the check did not know a field of this name. */
    static Consumer<ManifestCheck.Finding> unknownField(String name) {
        return f -> {
            assertThat(f.rule()).isEqualTo("unknown-field");
            assertThat(f.message()).contains(name);
        };
    }

    static List<ManifestCheck.Finding> brokenProd(List<String> markers, UnaryOperator<String> edit) throws Exception {
        return check.check(editDoc(rendered("prod"), markers, edit));
    }

    @Test
    void objectsInANamespaceThatIsNotCreatedFail() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Namespace\n"), d -> d.replace("name: muster", "name: muster-other")))
                .extracting(ManifestCheck.Finding::rule).contains("namespace");
    }

    @Test
    void aDeploymentWithoutItsServiceAccountOrAnAwsCallerWithoutAnIamRoleFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Deployment\n", "name: directory-service"),
                d -> d.replace("serviceAccountName: directory-service", "serviceAccountName: directory")))
                .extracting(ManifestCheck.Finding::message).contains("ServiceAccount directory does not exist");
        assertThat(brokenProd(List.of("\nkind: ServiceAccount\n", "name: notification-service"),
                d -> d.replaceAll("(?m)^  annotations:\n    eks.amazonaws.com/role-arn: .*\n", "")))
                .extracting(ManifestCheck.Finding::where).contains("ServiceAccount/notification-service");
    }

    @Test
    void aServiceMonitorOnAMissingPortOrAServiceNobodyScrapesFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: ServiceMonitor\n", "name: gameday-service"),
                d -> d.replace("port: http", "port: metrics")))
                .extracting(ManifestCheck.Finding::message).contains("port metrics is not a port of Service/gameday-service");
        assertThat(brokenProd(List.of("\nkind: ServiceMonitor\n", "name: escalation-service"),
                d -> d.replace("app.kubernetes.io/name: escalation-service", "app.kubernetes.io/name: escalation")))
                .extracting(ManifestCheck.Finding::where).contains("ServiceMonitor/escalation-service",
                        "Deployment/escalation-service");
    }

    @Test
    void aListenerWithoutTlsOrAuthenticationFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Kafka\n"), d -> d.replace("tls: true", "tls: false")))
                .extracting(ManifestCheck.Finding::rule).contains("kafka-listener");
        assertThat(brokenProd(List.of("\nkind: Kafka\n"),
                d -> d.replaceAll("(?m)^    authorization:\n      type: simple\n", "")))
                .extracting(ManifestCheck.Finding::message).contains("no authorization: every client could do anything");
    }

    @Test
    void aServiceSigningInAsAnotherServiceOrWithoutTlsFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Deployment\n", "name: gameday-service"),
                d -> d.replace("key: sasl.jaas.config\n              name: gameday-service",
                        "key: sasl.jaas.config\n              name: escalation-service")))
                .extracting(ManifestCheck.Finding::where, ManifestCheck.Finding::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("Deployment/gameday-service", "kafka-client"));
        assertThat(brokenProd(List.of("\nkind: ConfigMap\n", "name: muster-common-config"),
                d -> d.replace("KAFKA_SECURITY_PROTOCOL: SASL_SSL", "KAFKA_SECURITY_PROTOCOL: PLAINTEXT")))
                .extracting(ManifestCheck.Finding::rule).contains("kafka-client");
    }

    @Test
    void aKafkaUserMissingAGrantOrHoldingAWildcardFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: KafkaUser\n", "name: notification-service"),
                d -> d.replace("- Write\n      - Describe\n      resource:\n        name: muster.pages.acks.v1",
                        "- Describe\n      resource:\n        name: muster.pages.acks.v1")))
                .extracting(ManifestCheck.Finding::message)
                .contains("the service publishes muster.pages.acks.v1 but may not Write it");
        assertThat(brokenProd(List.of("\nkind: KafkaUser\n", "name: directory-service"),
                d -> d.replace("name: muster.gameday.v1", "name: \"*\"")))
                .extracting(ManifestCheck.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("on topic *: name each topic and operation"))
                .contains("the service consumes muster.gameday.v1 but may not Read it");
    }

    @Test
    void whatEachServiceDoesOnTheBrokerComesFromItsProperties() throws Exception {
        var gameday = ServiceRequirements.kafkaAccess(root).get("gameday-service");
        assertThat(gameday.consumes()).contains("muster.incidents.v1", "muster.pages.acks.v1")
                .doesNotContain("muster.gameday.v1");
        // Test-profile channels are not production's.
        assertThat(gameday.groups()).contains("gameday-service", "gameday-service.pages-acks")
                .doesNotContain("gameday-service.dead-letter-probe");
        assertThat(gameday.publishes()).containsExactlyInAnyOrder("muster.gameday.v1", "muster.deadletter.v1");
    }

    @Test
    void anUnknownKindFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: PodDisruptionBudget\n", "name: gameday-service"),
                d -> d.replace("kind: PodDisruptionBudget", "kind: PodDisruptionBudgett")))
                .extracting(ManifestCheck.Finding::rule).contains("unknown-kind");
    }

    @Test
    void anUnknownFieldFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Deployment\n", "name: escalation-service"),
                d -> d.replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true")))
                .anySatisfy(unknownField("readOnlyRootFileSystem"));
    }

    @Test
    void customResourcesAreCheckedAgainstTheOperatorsOwnModels() throws Exception {
        assertThat(brokenProd(List.of("\nkind: KafkaTopic\n", "name: muster-deadletter-v1"),
                d -> d.replace("partitions: 3", "partition: 3")))
                .anySatisfy(unknownField("partition"));
        assertThat(brokenProd(List.of("\nkind: Kafka\n"), d -> d.replace("type: scram-sha-512", "type: scram-sha-999")))
                .extracting(ManifestCheck.Finding::where, ManifestCheck.Finding::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("Kafka/muster-kafka", "schema"));
        assertThat(brokenProd(List.of("\nkind: ServiceMonitor\n", "name: console\n"),
                d -> d.replace("interval: 30s", "intervall: 30s")))
                .anySatisfy(unknownField("intervall"));
    }

    @Test
    void keycloakIsTheServicesIssuerAndImportsExactlyTheRealmFile() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Keycloak\n"),
                d -> d.replace("hostname: https://auth.muster.example.org", "hostname: https://sso.example.net")))
                .extracting(ManifestCheck.Finding::rule).contains("keycloak");
        assertThat(brokenProd(List.of("\nkind: Keycloak\n"), d -> d.replace("host: muster-db-rw", "host: postgres")))
                .extracting(ManifestCheck.Finding::rule).contains("keycloak");
        assertThat(brokenProd(List.of("\nkind: Keycloak\n"),
                d -> d.replace("name: muster-db-keycloak", "name: keycloak-db")))
                .extracting(ManifestCheck.Finding::rule).contains("secret-ref");
        assertThat(brokenProd(List.of("\nkind: KeycloakRealmImport\n"),
                d -> d.replace("sslRequired: external", "sslRequired: all")))
                .extracting(ManifestCheck.Finding::rule).containsExactly("realm");
        assertThat(brokenProd(List.of("\nkind: KeycloakRealmImport\n"),
                d -> d.replace("sslRequired: external", "sslRequird: external")))
                .extracting(ManifestCheck.Finding::rule).contains("schema", "realm");
    }

    @Test
    void aServiceSelectingNoPodFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Service\n", "name: notification-service"),
                d -> d.replace("app.kubernetes.io/name: notification-service",
                        "app.kubernetes.io/name: notifications")))
                .extracting(ManifestCheck.Finding::rule).contains("selector");
    }

    @Test
    void aServicePortThatNoContainerHasFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Service\n", "name: directory-service"),
                d -> d.replace("targetPort: http", "targetPort: web")))
                .extracting(ManifestCheck.Finding::rule).contains("port");
    }

    @Test
    void aMissingConfigMapFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Deployment\n", "name: gameday-service"),
                d -> d.replace("name: gameday-service-config", "name: gameday-config")))
                .extracting(ManifestCheck.Finding::rule).contains("config-ref");
    }

    @Test
    void anUndocumentedSecretFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Deployment\n", "name: directory-service"),
                d -> d.replace("name: muster-db-directory", "name: directory-db-credentials")))
                .extracting(ManifestCheck.Finding::rule).contains("secret-ref");
    }

    @Test
    void aProbeOffTheHealthPathsFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Deployment\n", "name: notification-service"),
                d -> d.replace("path: /q/health/ready", "path: /healthz")))
                .extracting(ManifestCheck.Finding::rule).contains("probe");
    }

    @Test
    void anIngressRouteToAServiceOrPortThatDoesNotExistFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Ingress\n", "name: muster-public"),
                d -> d.replaceFirst("name: notification-service", "name: notifications")))
                .extracting(ManifestCheck.Finding::rule).contains("backend");
        assertThat(brokenProd(List.of("\nkind: Ingress\n", "name: muster-public"),
                d -> d.replaceFirst("name: http", "name: https")))
                .extracting(ManifestCheck.Finding::rule).contains("backend");
    }

    @Test
    void aPublicHostServedWithoutTlsFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: Ingress\n", "name: muster-public"),
                d -> d.replace("host: muster.example.org", "host: muster.example.com")))
                .extracting(ManifestCheck.Finding::rule).contains("tls");
    }

    @Test
    void thePublicIngressServesOnlyTheEndpointsOtherSystemsAndRespondersCall() throws Exception {
        String ingress = List.of(rendered("prod").split("(?m)^---\\s*$")).stream()
                .filter(d -> d.contains("\nkind: Ingress\n") && d.contains("name: muster-public\n")).findFirst()
                .orElseThrow();
        assertThat(ingress.lines().map(String::trim).filter(l -> l.startsWith("path: ")).toList())
                .containsExactlyInAnyOrder("path: /v2/enqueue", "path: /api/v1/integrations/alertmanager",
                        "path: /ack", "path: /api/v1/sns/inbound");
        assertThat(ingress).contains("secretName: muster-public-tls");
    }

    @Test
    void theConsoleHasItsOwnHostAndEverythingItNeedsInProduction() throws Exception {
        String prod = rendered("prod");
        assertThat(prod).contains("host: console.muster.example.org", "secretName: muster-console-tls",
                "image: muster/console:0.1.0");
        assertThat(brokenProd(List.of("\nkind: ConfigMap\n", "name: console-config"),
                d -> d.replaceAll("(?m)^  MUSTER_CONSOLE_GAMEDAY_URL: .*\n", "")))
                .extracting(ManifestCheck.Finding::message)
                .contains("MUSTER_CONSOLE_GAMEDAY_URL is read by the service but no value is provided");
    }

    @Test
    void aTopicWithoutKafkaTopicFailsAndSoDoesAKafkaTopicForNoTopic() throws Exception {
        assertThat(brokenProd(List.of("\nkind: KafkaTopic\n", "topicName: muster.pages.acks.v1"),
                d -> d.replace("topicName: muster.pages.acks.v1", "topicName: muster.pages.ack.v1")))
                .extracting(ManifestCheck.Finding::rule).contains("topic-missing", "topic-unknown");
    }

    @Test
    void aCompactedTopicThatIsNotCompactedFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: KafkaTopic\n", "topicName: muster.directory.v1"),
                d -> d.replace("cleanup.policy: compact", "cleanup.policy: delete")))
                .extracting(ManifestCheck.Finding::rule).contains("topic-config");
    }

    @Test
    void configTheServiceReadsButProdDoesNotProvideFails() throws Exception {
        assertThat(brokenProd(List.of("\nkind: ConfigMap\n", "name: muster-common-config"),
                d -> d.replaceAll("(?m)^  KAFKA_BOOTSTRAP_SERVERS: .*\\n", "")))
                .filteredOn(f -> f.rule().equals("config-missing"))
                .hasSize(4)
                .allSatisfy(f -> assertThat(f.message()).contains("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void theTopicsSmsRepliesComeFromAreRequiredOfNotification() throws Exception {
        assertThat(brokenProd(List.of("\nkind: ConfigMap\n", "name: notification-service-config"),
                d -> d.replaceAll("(?m)^  MUSTER_NOTIFICATION_SNS_INBOUND_TOPIC_ARNS: .*\\n", "")))
                .filteredOn(f -> f.rule().equals("config-missing"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("MUSTER_NOTIFICATION_SNS_INBOUND_TOPIC_ARNS"));
    }

    @Test
    void placeholdersWithoutDefaultsAreRequiredEnvironment() throws Exception {
        Path fake = Files.createTempDirectory("muster-req");
        for (String s : ServiceRequirements.SERVICES) {
            Path dir = Files.createDirectories(fake.resolve(s).resolve("src/main/resources"));
            Files.writeString(dir.resolve("application.properties"),
                    "a.b=${muster.ack-link.key}\nc=${WITH_DEFAULT:x}\n%test.d=${TEST_ONLY}\n");
        }
        assertThat(ServiceRequirements.requiredEnv(fake).get("gameday-service"))
                .contains("MUSTER_ACK_LINK_KEY", "QUARKUS_DATASOURCE_JDBC_URL")
                .doesNotContain("WITH_DEFAULT", "TEST_ONLY");
    }

    @Test
    void yamllintIsClean() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("yamllint", "-c", root.resolve(".yamllint").toString(),
                    root.resolve("deploy").toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            Assumptions.abort("yamllint is not installed (.ci/run installs it)");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
