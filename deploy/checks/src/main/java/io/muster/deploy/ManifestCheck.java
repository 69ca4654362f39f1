package io.muster.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorSpec;
import io.muster.contracts.Topics;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the mistakes in rendered Kubernetes manifests that would otherwise only show once applied: kinds or
 * fields the API does not know, Services that select no pod or point at a port no container has, references to
 * ConfigMaps that do not exist or Secrets nobody is told to create, probes off the health paths, Kafka topics
 * out of step with {@link Topics}, configuration a service needs that the manifests do not provide, and Ingress
 * routes to a Service or port that does not exist or a host served without TLS.
 */
public final class ManifestCheck {

    /** One problem: the rule it breaks, the object it is in, and what is wrong. */
    public record Finding(String rule, String where, String message) {
        @Override
        public String toString() {
            return rule + " " + where + ": " + message;
        }
    }

    private static final Set<String> TYPED_KINDS = Set.of("Namespace", "ServiceAccount", "ConfigMap", "Service",
            "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy", "Ingress",
            // Typed because fabric8's model of the Prometheus Operator is on the class path.
            "ServiceMonitor");
    /**
     * Custom resources of the operators Muster runs on: Strimzi, CloudNativePG, the Prometheus Operator and
     * Keycloak's. CloudNativePG publishes no model to check against; the others are checked by
     * {@link OperatorResourceCheck}.
     */
    private static final Set<String> CUSTOM_KINDS = Stream.concat(OperatorResourceCheck.KINDS.stream(),
            Stream.of("postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 Database"))
            .collect(Collectors.toUnmodifiableSet());
    /** The services that call AWS, which therefore need an IAM role on their ServiceAccount (IRSA). */
    static final Set<String> AWS_CALLERS = Set.of("notification-service", "escalation-service");
    static final String IRSA_ANNOTATION = "eks.amazonaws.com/role-arn";
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready",
            "/q/health/started");

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final Set<String> documentedSecrets;
    private final Map<String, Set<String>> requiredEnvByDeployment;
    private final KafkaAccessCheck kafkaAccess;
    private final OperatorResourceCheck operatorResources;
    /** Secrets the operators make from the manifests being checked (Strimzi's user and CA secrets). */
    private Set<String> operatorSecrets = Set.of();

    /**
     * @param documentedSecrets       Secrets the deploy guide tells users to create
     * @param requiredEnvByDeployment per Deployment name, the environment variables its service needs
     * @param kafkaAccessByDeployment per Deployment name, what its service publishes and consumes
     */
    public ManifestCheck(Set<String> documentedSecrets, Map<String, Set<String>> requiredEnvByDeployment,
            Map<String, ServiceRequirements.KafkaAccess> kafkaAccessByDeployment, Path realmFile) {
        this.documentedSecrets = Set.copyOf(documentedSecrets);
        this.requiredEnvByDeployment = Map.copyOf(requiredEnvByDeployment);
        this.kafkaAccess = new KafkaAccessCheck(kafkaAccessByDeployment);
        this.operatorResources = new OperatorResourceCheck(serialization, realmFile);
    }

    public List<Finding> check(String renderedYaml) {
        List<Finding> findings = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : renderedYaml.split("(?m)^---\\s*$")) {
            if (doc.isBlank()) {
                continue;
            }
            try {
                objects.add(serialization.unmarshal(doc));
            } catch (RuntimeException e) {
                findings.add(new Finding("parse", firstLine(doc), String.valueOf(e.getMessage())));
            }
        }
        for (HasMetadata o : objects) {
            checkKindAndFields(o, findings);
        }
        operatorSecrets = KafkaAccessCheck.operatorSecrets(objects);
        List<Deployment> deployments = of(objects, Deployment.class);
        List<Service> services = of(objects, Service.class);
        Set<String> configMaps = new HashSet<>();
        of(objects, ConfigMap.class).forEach(c -> configMaps.add(c.getMetadata().getName()));

        for (Service service : services) {
            checkService(service, deployments, findings);
        }
        for (Deployment deployment : deployments) {
            checkDeployment(deployment, objects, configMaps, findings);
        }
        checkTopics(objects, findings);
        kafkaAccess.check(objects, deployments, findings);
        operatorResources.check(objects, this::secret, findings);
        checkNamespace(objects, findings);
        checkServiceAccounts(objects, deployments, findings);
        checkServiceMonitors(objects, services, deployments, findings);
        for (Ingress ingress : of(objects, Ingress.class)) {
            checkIngress(ingress, services, findings);
        }
        return findings;
    }

    private void checkKindAndFields(HasMetadata o, List<Finding> findings) {
        String where = o.getKind() + "/" + (o.getMetadata() == null ? "?" : o.getMetadata().getName());
        if (o instanceof GenericKubernetesResource) {
            if (!CUSTOM_KINDS.contains(o.getApiVersion() + " " + o.getKind())) {
                findings.add(new Finding("unknown-kind", where, "unknown kind " + o.getApiVersion() + " "
                        + o.getKind()));
            }
            return;
        }
        if (!TYPED_KINDS.contains(o.getKind())) {
            findings.add(new Finding("unknown-kind", where, "kind " + o.getKind() + " is not expected here"));
        }
        unknownFields(o, o.getKind(), where, findings);
    }

    /** Walks a typed object: anything the model did not recognise ends up in an additionalProperties map. */
    static void unknownFields(Object node, String path, String where, List<Finding> findings) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", where, findings);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, where, findings));
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!(pkg.startsWith("io.fabric8.kubernetes.api.model") || pkg.startsWith("io.fabric8.openshift.api.model")
                || pkg.startsWith("io.strimzi.api")) || node instanceof IntOrString || node instanceof Enum<?>) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    findings.add(new Finding("unknown-field", where,
                            "unknown field(s) " + new TreeSet<>(extra.keySet().stream().map(String::valueOf).toList())
                                    + " at " + path));
                }
            } else {
                String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                unknownFields(value, path + "." + name, where, findings);
            }
        }
    }

    private static void checkService(Service service, List<Deployment> deployments, List<Finding> findings) {
        String where = "Service/" + service.getMetadata().getName();
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            findings.add(new Finding("selector", where, "has no selector"));
            return;
        }
        List<Deployment> selected = deployments.stream()
                .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet()))
                .toList();
        if (selected.isEmpty()) {
            findings.add(new Finding("selector", where, "selector " + selector + " matches no pod template"));
            return;
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
            for (Deployment d : selected) {
                boolean found = containers(d).stream()
                        .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty()
                                : c.getPorts().stream())
                        .anyMatch(p -> target.getStrVal() != null ? target.getStrVal().equals(p.getName())
                                : Objects.equals(target.getIntVal(), p.getContainerPort()));
                if (!found) {
                    findings.add(new Finding("port", where, "targetPort " + (target.getStrVal() != null
                            ? target.getStrVal() : target.getIntVal()) + " is not a container port of Deployment/"
                            + d.getMetadata().getName()));
                }
            }
        }
    }

    private void checkDeployment(Deployment d, List<HasMetadata> objects, Set<String> configMaps,
            List<Finding> findings) {
        String name = d.getMetadata().getName();
        String where = "Deployment/" + name;
        Map<String, String> matchLabels = d.getSpec().getSelector().getMatchLabels();
        if (matchLabels == null || !podLabels(d).entrySet().containsAll(matchLabels.entrySet())) {
            findings.add(new Finding("selector", where, "selector does not match its own pod template"));
        }
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Set<String> provided = new HashSet<>();
        for (Container c : pod.getContainers()) {
            Set<String> portNames = new HashSet<>();
            if (c.getPorts() != null) {
                c.getPorts().forEach(p -> portNames.add(p.getName()));
            }
            probe(where, c, "startupProbe", c.getStartupProbe(), portNames, findings);
            probe(where, c, "livenessProbe", c.getLivenessProbe(), portNames, findings);
            probe(where, c, "readinessProbe", c.getReadinessProbe(), portNames, findings);
            if (c.getEnvFrom() != null) {
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        String ref = from.getConfigMapRef().getName();
                        if (!configMaps.contains(ref)) {
                            findings.add(new Finding("config-ref", where, "envFrom ConfigMap " + ref + " does not exist"));
                        } else {
                            of(objects, ConfigMap.class).stream().filter(m -> m.getMetadata().getName().equals(ref))
                                    .forEach(m -> provided.addAll(m.getData() == null ? Set.of() : m.getData().keySet()));
                        }
                    }
                    if (from.getSecretRef() != null) {
                        secret(where, from.getSecretRef().getName(), findings);
                    }
                }
            }
            if (c.getEnv() != null) {
                for (EnvVar env : c.getEnv()) {
                    provided.add(env.getName());
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        secret(where, env.getValueFrom().getSecretKeyRef().getName(), findings);
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        String ref = env.getValueFrom().getConfigMapKeyRef().getName();
                        if (!configMaps.contains(ref)) {
                            findings.add(new Finding("config-ref", where, "ConfigMap " + ref + " does not exist"));
                        }
                    }
                }
            }
        }
        if (pod.getVolumes() != null) {
            for (Volume v : pod.getVolumes()) {
                if (v.getConfigMap() != null && !configMaps.contains(v.getConfigMap().getName())) {
                    findings.add(new Finding("config-ref", where, "volume ConfigMap " + v.getConfigMap().getName()
                            + " does not exist"));
                }
                if (v.getSecret() != null) {
                    secret(where, v.getSecret().getSecretName(), findings);
                }
            }
        }
        for (String required : requiredEnvByDeployment.getOrDefault(name, Set.of())) {
            if (!provided.contains(required)) {
                findings.add(new Finding("config-missing", where, required + " is read by the service but "
                        + "no value is provided"));
            }
        }
    }

    /** Every route reaches a Service port that exists, and every host is served over TLS with a documented Secret. */
    private void checkIngress(Ingress ingress, List<Service> services, List<Finding> findings) {
        String where = "Ingress/" + ingress.getMetadata().getName();
        Set<String> tlsHosts = new HashSet<>();
        for (IngressTLS tls : Objects.requireNonNullElse(ingress.getSpec().getTls(), List.<IngressTLS>of())) {
            if (tls.getSecretName() == null) {
                findings.add(new Finding("tls", where, "a TLS entry names no Secret"));
            } else {
                secret(where, tls.getSecretName(), findings);
            }
            tlsHosts.addAll(Objects.requireNonNullElse(tls.getHosts(), List.of()));
        }
        for (IngressRule rule : Objects.requireNonNullElse(ingress.getSpec().getRules(), List.<IngressRule>of())) {
            if (rule.getHost() == null || !tlsHosts.contains(rule.getHost())) {
                findings.add(new Finding("tls", where, "host " + rule.getHost() + " is served without TLS"));
            }
            if (rule.getHttp() == null) {
                continue;
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                IngressServiceBackend backend = path.getBackend() == null ? null : path.getBackend().getService();
                if (backend == null) {
                    findings.add(new Finding("backend", where, path.getPath() + " has no Service backend"));
                    continue;
                }
                Service target = services.stream()
                        .filter(svc -> svc.getMetadata().getName().equals(backend.getName()))
                        .findFirst().orElse(null);
                if (target == null) {
                    findings.add(new Finding("backend", where, path.getPath() + " routes to Service "
                            + backend.getName() + ", which does not exist"));
                    continue;
                }
                boolean portFound = backend.getPort() != null && target.getSpec().getPorts().stream()
                        .anyMatch(p -> backend.getPort().getName() != null
                                ? backend.getPort().getName().equals(p.getName())
                                : Objects.equals(backend.getPort().getNumber(), p.getPort()));
                if (!portFound) {
                    findings.add(new Finding("backend", where, path.getPath() + " routes to a port Service "
                            + backend.getName() + " does not have"));
                }
            }
        }
    }

    private void secret(String where, String name, List<Finding> findings) {
        if (!documentedSecrets.contains(name) && !operatorSecrets.contains(name)) {
            findings.add(new Finding("secret-ref", where, "Secret " + name
                    + " is not among the secrets the deploy guide says to create, nor made by an operator from"
                    + " these manifests"));
        }
    }

    private static void probe(String where, Container c, String kind, Probe probe, Set<String> portNames,
            List<Finding> findings) {
        if (probe == null) {
            findings.add(new Finding("probe", where, c.getName() + " has no " + kind));
            return;
        }
        if (probe.getHttpGet() == null || !HEALTH_PATHS.contains(probe.getHttpGet().getPath())) {
            findings.add(new Finding("probe", where, c.getName() + " " + kind + " is not on a /q/health path"));
            return;
        }
        IntOrString port = probe.getHttpGet().getPort();
        if (port != null && port.getStrVal() != null && !portNames.contains(port.getStrVal())) {
            findings.add(new Finding("port", where, c.getName() + " " + kind + " uses unknown port "
                    + port.getStrVal()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkTopics(List<HasMetadata> objects, List<Finding> findings) {
        Set<String> declared = new HashSet<>();
        for (HasMetadata o : objects) {
            if (o instanceof GenericKubernetesResource g && "KafkaTopic".equals(g.getKind())) {
                Map<String, Object> spec = (Map<String, Object>) g.getAdditionalProperties().get("spec");
                String topic = spec == null ? null : (String) spec.get("topicName");
                if (topic == null) {
                    topic = g.getMetadata().getName();
                }
                declared.add(topic);
                String where = "KafkaTopic/" + g.getMetadata().getName();
                Map<String, Object> config = spec == null ? Map.of()
                        : (Map<String, Object>) spec.getOrDefault("config", Map.of());
                boolean compacted = "compact".equals(String.valueOf(config.get("cleanup.policy")));
                if (Topics.COMPACTED.contains(topic) != compacted) {
                    findings.add(new Finding("topic-config", where, topic + (compacted ? " must not be" : " must be")
                            + " compacted"));
                }
                if (spec != null && spec.get("replicas") instanceof Number r && r.intValue() < 3) {
                    findings.add(new Finding("topic-config", where, "replicas must be 3"));
                }
                if (!"2".equals(String.valueOf(config.get("min.insync.replicas")))) {
                    findings.add(new Finding("topic-config", where, "min.insync.replicas must be 2"));
                }
            }
        }
        for (String topic : Topics.ALL) {
            if (!declared.contains(topic)) {
                findings.add(new Finding("topic-missing", topic, "topic in contracts has no KafkaTopic"));
            }
        }
        for (String topic : declared) {
            if (!Topics.ALL.contains(topic)) {
                findings.add(new Finding("topic-unknown", topic, "KafkaTopic for a topic contracts does not name"));
            }
        }
    }

    /**
     * The namespace every object is put in is created by the same manifests, so the README's first command (creating
     * the secrets in it) works on a fresh cluster.
     */
    private static void checkNamespace(List<HasMetadata> objects, List<Finding> findings) {
        Set<String> created = new TreeSet<>();
        of(objects, io.fabric8.kubernetes.api.model.Namespace.class).forEach(n -> created.add(n.getMetadata().getName()));
        Set<String> used = new TreeSet<>();
        for (HasMetadata o : objects) {
            if (o.getMetadata() != null && o.getMetadata().getNamespace() != null) {
                used.add(o.getMetadata().getNamespace());
            }
        }
        for (String ns : used) {
            if (!created.contains(ns)) {
                findings.add(new Finding("namespace", "Namespace/" + ns, "objects are put in namespace " + ns
                        + " but no Namespace of that name is created"));
            }
        }
    }

    /**
     * Each Deployment runs as its own ServiceAccount, which must exist; the services that call AWS need an IAM role on
     * it (IRSA), since no AWS key is stored in the cluster.
     */
    private static void checkServiceAccounts(List<HasMetadata> objects, List<Deployment> deployments,
            List<Finding> findings) {
        Map<String, io.fabric8.kubernetes.api.model.ServiceAccount> accounts = new java.util.HashMap<>();
        of(objects, io.fabric8.kubernetes.api.model.ServiceAccount.class)
                .forEach(a -> accounts.put(a.getMetadata().getName(), a));
        for (Deployment d : deployments) {
            String where = "Deployment/" + d.getMetadata().getName();
            String account = d.getSpec().getTemplate().getSpec().getServiceAccountName();
            if (account == null || account.isBlank()) {
                findings.add(new Finding("service-account", where, "runs as the namespace's default ServiceAccount"));
                continue;
            }
            io.fabric8.kubernetes.api.model.ServiceAccount found = accounts.get(account);
            if (found == null) {
                findings.add(new Finding("service-account", where, "ServiceAccount " + account + " does not exist"));
                continue;
            }
            Map<String, String> annotations = found.getMetadata().getAnnotations();
            String role = annotations == null ? null : annotations.get(IRSA_ANNOTATION);
            if (AWS_CALLERS.contains(d.getMetadata().getName())
                    && (role == null || !role.matches("arn:aws[a-z-]*:iam::[A-Z0-9_]+:role/.+"))) {
                findings.add(new Finding("service-account", "ServiceAccount/" + account, "calls AWS but has no "
                        + IRSA_ANNOTATION + " annotation naming an IAM role"));
            }
        }
    }

    /** Every Deployment's metrics are scraped: a ServiceMonitor selects its Service and names a port that Service has. */
    private static void checkServiceMonitors(List<HasMetadata> objects, List<Service> services,
            List<Deployment> deployments, List<Finding> findings) {
        Set<String> monitoredServices = new HashSet<>();
        for (ServiceMonitor m : of(objects, ServiceMonitor.class)) {
            String where = "ServiceMonitor/" + m.getMetadata().getName();
            ServiceMonitorSpec spec = m.getSpec();
            Map<String, String> labels = spec == null || spec.getSelector() == null ? null
                    : spec.getSelector().getMatchLabels();
            List<Endpoint> endpoints = spec == null ? null : spec.getEndpoints();
            if (labels == null || labels.isEmpty() || endpoints == null || endpoints.isEmpty()) {
                findings.add(new Finding("monitor", where, "needs spec.selector.matchLabels and spec.endpoints"));
                continue;
            }
            List<Service> selected = services.stream().filter(s -> s.getMetadata().getLabels() != null
                    && s.getMetadata().getLabels().entrySet().containsAll(labels.entrySet())).toList();
            if (selected.isEmpty()) {
                findings.add(new Finding("monitor", where, "selector " + labels + " matches no Service"));
                continue;
            }
            for (Endpoint endpoint : endpoints) {
                String port = endpoint.getPort();
                for (Service s : selected) {
                    boolean has = s.getSpec().getPorts().stream().anyMatch(p -> Objects.equals(p.getName(), port));
                    if (!has) {
                        findings.add(new Finding("monitor", where, "port " + port + " is not a port of Service/"
                                + s.getMetadata().getName()));
                    }
                }
                if (!"/q/metrics".equals(endpoint.getPath())) {
                    findings.add(new Finding("monitor", where, "scrapes " + endpoint.getPath()
                            + ", not /q/metrics"));
                }
            }
            selected.forEach(s -> monitoredServices.add(s.getMetadata().getName()));
        }
        for (Deployment d : deployments) {
            boolean scraped = services.stream().filter(s -> monitoredServices.contains(s.getMetadata().getName()))
                    .anyMatch(s -> s.getSpec().getSelector() != null
                            && podLabels(d).entrySet().containsAll(s.getSpec().getSelector().entrySet()));
            if (!scraped) {
                findings.add(new Finding("monitor", "Deployment/" + d.getMetadata().getName(),
                        "no ServiceMonitor scrapes its metrics"));
            }
        }
    }

    private static Map<String, String> podLabels(Deployment d) {
        Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static List<Container> containers(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers();
    }

    private static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String firstLine(String doc) {
        return doc.strip().lines().findFirst().orElse("");
    }
}
