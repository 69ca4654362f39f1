package io.muster.deploy;

import io.muster.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the manifests must provide, read from the services themselves and from the deploy guide's inputs. */
public final class ServiceRequirements {

    /** Every service connects to its database, the broker and the OIDC provider, whatever its defaults say. */
    static final List<String> ALWAYS = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");
    /**
     * Settings a service requires that have no placeholder in application.properties, because the service checks
     * them itself at startup (with a message naming what to set) rather than failing on an unexpanded placeholder.
     */
    static final Map<String, List<String>> CHECKED_AT_STARTUP = Map.of(
            "notification-service", List.of("MUSTER_NOTIFICATION_SNS_INBOUND_TOPIC_ARNS"));
    /**
     * The console's defaults point at localhost, so production must set all of these: where people reach it, where
     * the four services are, the issuer, and the secret of its confidential client.
     */
    static final List<String> CONSOLE = List.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CREDENTIALS_SECRET",
            "MUSTER_CONSOLE_PUBLIC_URL", "MUSTER_CONSOLE_DIRECTORY_URL", "MUSTER_CONSOLE_ESCALATION_URL",
            "MUSTER_CONSOLE_NOTIFICATION_URL", "MUSTER_CONSOLE_GAMEDAY_URL");
    static final List<String> SERVICES = List.of("directory-service", "escalation-service", "notification-service",
            "gameday-service");
    /**
     * The topics each service writes through its outbox (the service READMEs' "Publishes", and the dead-letter topic
     * every consumer writes a record it gives up on to). What a service consumes is read from its properties.
     */
    static final Map<String, List<String>> PUBLISHES = Map.of(
            "directory-service", List.of(Topics.DIRECTORY, Topics.PAGES_REQUESTED, Topics.DEAD_LETTER),
            "escalation-service", List.of(Topics.INCIDENTS, Topics.PAGES_REQUESTED, Topics.PLANS, Topics.DEAD_LETTER),
            "notification-service", List.of(Topics.PAGES_STATUS, Topics.PAGES_ACKS, Topics.DEAD_LETTER),
            "gameday-service", List.of(Topics.GAMEDAY, Topics.DEAD_LETTER));
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|group\\.id)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    private ServiceRequirements() {
    }

    /**
     * Per Deployment, the environment variables it needs: {@link #ALWAYS}, plus every {@code ${NAME}} placeholder
     * in the service's application.properties that has no default (a property production must set), plus its
     * {@link #CHECKED_AT_STARTUP} settings.
     */
    public static Map<String, Set<String>> requiredEnv(Path root) throws IOException {
        Map<String, Set<String>> required = new TreeMap<>();
        for (String service : SERVICES) {
            Set<String> env = new LinkedHashSet<>(ALWAYS);
            env.addAll(CHECKED_AT_STARTUP.getOrDefault(service, List.of()));
            Properties p = properties(root, service);
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    continue; // profile-specific values (test, dev) are not production's concern
                }
                Matcher m = PLACEHOLDER.matcher(p.getProperty(key));
                while (m.find()) {
                    env.add(toEnv(m.group(1)));
                }
            }
            required.put(service, env);
        }
        required.put("console", new LinkedHashSet<>(CONSOLE));
        return required;
    }

    /** What a service does on the broker, which its Kafka user's ACLs must allow and nothing more is needed. */
    public record KafkaAccess(Set<String> publishes, Set<String> consumes, Set<String> groups) {
    }

    /** Per service: {@link #PUBLISHES}, and the topics and consumer groups of its incoming channels. */
    public static Map<String, KafkaAccess> kafkaAccess(Path root) throws IOException {
        Map<String, KafkaAccess> out = new TreeMap<>();
        for (String service : SERVICES) {
            Properties p = properties(root, service);
            Set<String> topics = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                Matcher m = INCOMING.matcher(key);
                if (m.matches()) {
                    (m.group(2).equals("topic") ? topics : groups).add(p.getProperty(key).strip());
                }
            }
            out.put(service, new KafkaAccess(new TreeSet<>(PUBLISHES.get(service)), topics, groups));
        }
        return out;
    }

    private static Properties properties(Path root, String service) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve(service)
                .resolve("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    /** The Secrets listed in deploy/secrets-required.txt (one name per line, # comments). */
    public static Set<String> documentedSecrets(Path root) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(root.resolve("deploy/secrets-required.txt"))) {
            String name = line.replaceFirst("#.*", "").strip();
            if (!name.isEmpty()) {
                names.add(name.split("\\s+")[0]);
            }
        }
        return names;
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    static String toEnv(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
