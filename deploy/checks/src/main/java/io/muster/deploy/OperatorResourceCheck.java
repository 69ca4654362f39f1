package io.muster.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.muster.deploy.ManifestCheck.Finding;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Checks the operators' custom resources against the operators' own published models, offline: Strimzi's API
 * classes (from which its CRDs are generated) and Keycloak's realm representation, which is what the Keycloak operator's realm import parses. A field the model
 * does not know, a value of the wrong type or an unknown enum or subtype value is a finding.
 *
 * <p>The Keycloak operator publishes no Java model, so its {@code Keycloak} resource is checked for what would
 * break Muster: the Secrets it names, the database it points at, and that its hostname is the issuer the services
 * verify tokens against.
 */
final class OperatorResourceCheck {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "kafka.strimzi.io/v1beta2 Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2 KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2 KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1beta2 KafkaUser", KafkaUser.class);
    static final String KEYCLOAK = "k8s.keycloak.org/v2alpha1 Keycloak";
    static final String REALM_IMPORT = "k8s.keycloak.org/v2alpha1 KeycloakRealmImport";
    /** The kinds checked here; ServiceMonitor is read typed (fabric8's model) and checked with the core kinds. */
    static final Set<String> KINDS = Stream.concat(MODELS.keySet().stream(), Stream.of(KEYCLOAK, REALM_IMPORT))
            .collect(Collectors.toUnmodifiableSet());

    private final KubernetesSerialization serialization;
    private final ObjectMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final JsonNode realmFile;

    OperatorResourceCheck(KubernetesSerialization serialization, Path realmFile) {
        this.serialization = serialization;
        try {
            this.realmFile = strict.readTree(Files.readString(realmFile));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the realm file " + realmFile, e);
        }
    }

    static String key(HasMetadata o) {
        return o.getApiVersion() + " " + o.getKind();
    }

    /** @param secret checks each Secret a custom resource names, as a Deployment's references are checked */
    void check(List<HasMetadata> objects, SecretRefs secret, List<Finding> findings) {
        List<GenericKubernetesResource> custom = objects.stream()
                .filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
                .toList();
        for (GenericKubernetesResource o : custom) {
            String where = o.getKind() + "/" + o.getMetadata().getName();
            Class<?> model = MODELS.get(key(o));
            if (model != null) {
                againstModel(o, model, where, findings);
            }
        }
        Set<String> keycloaks = custom.stream().filter(o -> KEYCLOAK.equals(key(o)))
                .map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> clusters = custom.stream().filter(o -> "postgresql.cnpg.io/v1 Cluster".equals(key(o)))
                .map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
        String issuer = issuer(objects);
        for (GenericKubernetesResource o : custom) {
            String where = o.getKind() + "/" + o.getMetadata().getName();
            if (KEYCLOAK.equals(key(o))) {
                keycloak(tree(o).path("spec"), where, clusters, issuer, secret, findings);
            } else if (REALM_IMPORT.equals(key(o))) {
                realmImport(tree(o).path("spec"), where, keycloaks, findings);
            }
        }
    }

    /** Receives each Secret name a custom resource refers to. */
    interface SecretRefs {
        void named(String where, String secret, List<Finding> findings);
    }

    private JsonNode tree(GenericKubernetesResource o) {
        try {
            return strict.readTree(serialization.asJson(o));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void againstModel(GenericKubernetesResource o, Class<?> model, String where, List<Finding> findings) {
        Object typed;
        try {
            typed = strict.readValue(serialization.asJson(o), model);
        } catch (IOException e) {
            findings.add(new Finding("schema", where, "does not parse as " + model.getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse("")));
            return;
        }
        // Strimzi's models keep unknown fields instead of refusing them, as the operator does: report them.
        ManifestCheck.unknownFields(typed, o.getKind(), where, findings);
    }

    private static void keycloak(JsonNode spec, String where, Set<String> clusters, String issuer, SecretRefs secret,
            List<Finding> findings) {
        for (String pointer : List.of("/db/usernameSecret/name", "/db/passwordSecret/name", "/http/tlsSecret")) {
            String name = spec.at(pointer).asText("");
            if (name.isEmpty()) {
                findings.add(new Finding("keycloak", where, "needs spec" + pointer.replace('/', '.')));
            } else {
                secret.named(where, name, findings);
            }
        }
        String host = spec.at("/db/host").asText("");
        if (clusters.stream().noneMatch(c -> host.equals(c + "-rw"))) {
            findings.add(new Finding("keycloak", where, "spec.db.host " + host
                    + " is not the read-write Service of a PostgreSQL cluster in these manifests"));
        }
        String hostname = spec.at("/hostname/hostname").asText("");
        if (issuer != null && !hostname.isEmpty() && !Objects.equals(authority(hostname), authority(issuer))) {
            findings.add(new Finding("keycloak", where, "spec.hostname.hostname " + hostname
                    + " is not the issuer the services verify tokens against (" + issuer + ")"));
        }
    }

    private void realmImport(JsonNode spec, String where, Set<String> keycloaks, List<Finding> findings) {
        String target = spec.path("keycloakCRName").asText("");
        if (!keycloaks.contains(target)) {
            findings.add(new Finding("keycloak", where, "keycloakCRName " + target + " names no Keycloak here"));
        }
        JsonNode realm = spec.path("realm");
        try {
            strict.treeToValue(realm, RealmRepresentation.class);
        } catch (IOException e) {
            findings.add(new Finding("schema", where, "spec.realm does not parse as a Keycloak realm: "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
        if (!realm.equals(realmFile)) {
            findings.add(new Finding("realm", where,
                    "spec.realm differs from base/keycloak/realm-muster.json: regenerate it from that file"));
        }
    }

    /** The issuer the services are configured with, from muster-common-config. */
    private static String issuer(List<HasMetadata> objects) {
        return objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> "muster-common-config".equals(c.getMetadata().getName()) && c.getData() != null)
                .map(c -> c.getData().get("QUARKUS_OIDC_AUTH_SERVER_URL")).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static String authority(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getAuthority();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
