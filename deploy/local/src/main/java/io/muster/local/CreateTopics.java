package io.muster.local;

import io.muster.contracts.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates every topic in {@link Topics#ALL} that does not exist yet. Usage: {@code CreateTopics <bootstrap>}. */
public final class CreateTopics {

    private CreateTopics() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1).configs(Topics.COMPACTED.contains(t)
                            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                            : Map.of()))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            System.out.println("topics ready: " + Topics.ALL);
        }
    }
}
