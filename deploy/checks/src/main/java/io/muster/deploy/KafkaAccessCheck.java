package io.muster.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.muster.deploy.ManifestCheck.Finding;
import io.muster.deploy.ServiceRequirements.KafkaAccess;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The broker admits only clients that prove who they are, over TLS, and each service may do only what it does:
 * <ul>
 * <li>{@code kafka-listener}: every listener of the Kafka cluster has TLS and authentication, and the cluster
 * authorizes (so ACLs apply);</li>
 * <li>{@code kafka-client}: every service connects with SASL_SSL, its JAAS settings from the Secret of a KafkaUser of
 * its own name, trusting the cluster CA from the Secret Strimzi keeps it in;</li>
 * <li>{@code kafka-acl}: that KafkaUser may write each topic the service publishes, read each it consumes with its
 * consumer groups, and holds no wildcard or {@code All} grant.</li>
 * </ul>
 */
final class KafkaAccessCheck {

    private final Map<String, KafkaAccess> access;

    KafkaAccessCheck(Map<String, KafkaAccess> access) {
        this.access = Map.copyOf(access);
    }

    /** The Secrets Strimzi makes from these manifests: one per KafkaUser, and each cluster's CA certificate. */
    static Set<String> operatorSecrets(List<HasMetadata> objects) {
        Set<String> out = new HashSet<>();
        for (HasMetadata o : objects) {
            if (o instanceof GenericKubernetesResource g && "KafkaUser".equals(g.getKind())) {
                out.add(g.getMetadata().getName());
            }
            if (o instanceof GenericKubernetesResource g && "Kafka".equals(g.getKind())) {
                out.add(g.getMetadata().getName() + "-cluster-ca-cert");
            }
        }
        return out;
    }

    void check(List<HasMetadata> objects, List<Deployment> deployments, List<Finding> findings) {
        Map<String, GenericKubernetesResource> users = new HashMap<>();
        String clusterCa = null;
        for (HasMetadata o : objects) {
            if (o instanceof GenericKubernetesResource g && "KafkaUser".equals(g.getKind())) {
                users.put(g.getMetadata().getName(), g);
            }
            if (o instanceof GenericKubernetesResource g && "Kafka".equals(g.getKind())) {
                clusterCa = g.getMetadata().getName() + "-cluster-ca-cert";
                checkListeners(g, findings);
            }
        }
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            KafkaAccess needs = access.get(name);
            if (needs == null) {
                continue;
            }
            checkClient(d, objects, users.keySet(), clusterCa, findings);
            GenericKubernetesResource user = users.get(name);
            if (user != null) {
                checkAcls(user, needs, findings);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkListeners(GenericKubernetesResource kafka, List<Finding> findings) {
        String where = "Kafka/" + kafka.getMetadata().getName();
        Map<String, Object> spec = (Map<String, Object>) kafka.getAdditionalProperties().getOrDefault("spec", Map.of());
        Map<String, Object> broker = (Map<String, Object>) spec.getOrDefault("kafka", Map.of());
        for (Object l : (List<Object>) broker.getOrDefault("listeners", List.of())) {
            Map<String, Object> listener = (Map<String, Object>) l;
            if (!Boolean.TRUE.equals(listener.get("tls")) || listener.get("authentication") == null) {
                findings.add(new Finding("kafka-listener", where, "listener " + listener.get("name")
                        + " must have tls: true and an authentication"));
            }
        }
        if (broker.get("authorization") == null) {
            findings.add(new Finding("kafka-listener", where, "no authorization: every client could do anything"));
        }
    }

    private static void checkClient(Deployment d, List<HasMetadata> objects, Set<String> users, String clusterCa,
            List<Finding> findings) {
        String where = "Deployment/" + d.getMetadata().getName();
        Map<String, String> values = new HashMap<>();
        String jaasSecret = null;
        for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvFromSource from : Objects.requireNonNullElse(c.getEnvFrom(), List.<EnvFromSource>of())) {
                if (from.getConfigMapRef() != null) {
                    objects.stream().filter(o -> o instanceof ConfigMap
                            && o.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                            .forEach(o -> values.putAll(Objects.requireNonNullElse(((ConfigMap) o).getData(),
                                    Map.of())));
                }
            }
            for (EnvVar env : Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of())) {
                if (env.getValue() != null) {
                    values.put(env.getName(), env.getValue());
                }
                if (env.getName().equals("KAFKA_SASL_JAAS_CONFIG") && env.getValueFrom() != null
                        && env.getValueFrom().getSecretKeyRef() != null
                        && "sasl.jaas.config".equals(env.getValueFrom().getSecretKeyRef().getKey())) {
                    jaasSecret = env.getValueFrom().getSecretKeyRef().getName();
                }
            }
        }
        if (!"SASL_SSL".equals(values.get("KAFKA_SECURITY_PROTOCOL"))) {
            findings.add(new Finding("kafka-client", where, "KAFKA_SECURITY_PROTOCOL must be SASL_SSL, not "
                    + values.get("KAFKA_SECURITY_PROTOCOL")));
        }
        String name = d.getMetadata().getName();
        if (!name.equals(jaasSecret) || !users.contains(name)) {
            findings.add(new Finding("kafka-client", where, "KAFKA_SASL_JAAS_CONFIG must come from key"
                    + " sasl.jaas.config of the Secret of KafkaUser " + name));
        }
        boolean trustsCa = false;
        for (Volume v : Objects.requireNonNullElse(d.getSpec().getTemplate().getSpec().getVolumes(),
                List.<Volume>of())) {
            if (v.getSecret() != null && v.getSecret().getSecretName().equals(clusterCa)) {
                trustsCa = true;
            }
        }
        String location = values.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
        if (!trustsCa || location == null) {
            findings.add(new Finding("kafka-client", where, "must mount Secret " + clusterCa
                    + " and point KAFKA_SSL_TRUSTSTORE_LOCATION at its ca.crt"));
        }
    }

    private record Grant(String type, String name, boolean prefix, Set<String> operations) {

        boolean covers(String type, String name, String operation) {
            return this.type.equals(type) && (prefix ? name.startsWith(this.name) : name.equals(this.name))
                    && operations.contains(operation);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkAcls(GenericKubernetesResource user, KafkaAccess needs, List<Finding> findings) {
        String where = "KafkaUser/" + user.getMetadata().getName();
        Map<String, Object> spec = (Map<String, Object>) user.getAdditionalProperties().getOrDefault("spec", Map.of());
        Map<String, Object> authorization = (Map<String, Object>) spec.getOrDefault("authorization", Map.of());
        List<Grant> grants = new java.util.ArrayList<>();
        for (Object a : (List<Object>) authorization.getOrDefault("acls", List.of())) {
            Map<String, Object> acl = (Map<String, Object>) a;
            Map<String, Object> resource = (Map<String, Object>) acl.getOrDefault("resource", Map.of());
            Set<String> operations = new HashSet<>((List<String>) acl.getOrDefault("operations", List.of()));
            String name = String.valueOf(resource.get("name"));
            if (operations.contains("All") || "*".equals(name)) {
                findings.add(new Finding("kafka-acl", where, "grants " + operations + " on " + resource.get("type")
                        + " " + name + ": name each topic and operation"));
            }
            grants.add(new Grant(String.valueOf(resource.get("type")), name,
                    "prefix".equals(resource.get("patternType")), operations));
        }
        for (String topic : needs.publishes()) {
            require(grants, "topic", topic, "Write", where, "publishes", findings);
        }
        for (String topic : needs.consumes()) {
            require(grants, "topic", topic, "Read", where, "consumes", findings);
        }
        for (String group : needs.groups()) {
            require(grants, "group", group, "Read", where, "consumes as group", findings);
        }
    }

    private static void require(List<Grant> grants, String type, String name, String operation, String where,
            String what, List<Finding> findings) {
        if (grants.stream().noneMatch(g -> g.covers(type, name, operation))) {
            findings.add(new Finding("kafka-acl", where, "the service " + what + " " + name + " but may not "
                    + operation + " it"));
        }
    }
}
