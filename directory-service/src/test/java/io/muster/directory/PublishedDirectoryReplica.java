package io.muster.directory;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.EventJson;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ResponderSelection;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.testsupport.MusterServers;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A replica of {@code muster.directory.v1} kept the way escalation keeps one: the latest snapshot per key, a
 * tombstone removing it. It reads the topic from its beginning once and then only what is new.
 */
final class PublishedDirectoryReplica implements ResponderSelection.Directory, AutoCloseable {

    /** The order of a role's rotations that a replica can rebuild from snapshots alone: name, then id as text. */
    static final Comparator<RotationSnapshot> ROTATION_ORDER = Comparator.comparing(RotationSnapshot::name)
            .thenComparing(r -> r.rotationId().toString());

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, ContactSnapshot> contacts = new HashMap<>();
    private final Map<String, RoleRoster> rosters = new HashMap<>();
    private final Map<String, RotationSnapshot> rotations = new HashMap<>();

    PublishedDirectoryReplica() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MusterServers.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        partitions = consumer.partitionsFor(Topics.DIRECTORY).stream()
                .map(p -> new TopicPartition(Topics.DIRECTORY, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads every record on the topic up to its current end; call once the outbox is drained. */
    void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the directory topic was not read to its end in 30 s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                apply(record.key(), record.value());
            }
        }
    }

    private void apply(String key, String value) {
        if (key == null) {
            return;
        }
        Map<String, ?> table = key.startsWith("contact:") ? contacts : key.startsWith("role:") ? rosters
                : key.startsWith("rotation:") ? rotations : null;
        if (table == null) {
            return;
        }
        if (value == null) {
            table.remove(key);
            return;
        }
        EventEnvelope envelope = EventJson.read(value);
        switch (envelope.type()) {
            case ContactSnapshot.TYPE -> contacts.put(key, envelope.payloadAs(ContactSnapshot.class));
            case RoleRoster.TYPE -> rosters.put(key, envelope.payloadAs(RoleRoster.class));
            case RotationSnapshot.TYPE -> rotations.put(key, envelope.payloadAs(RotationSnapshot.class));
            default -> throw new IllegalStateException("unexpected " + envelope.type() + " under " + key);
        }
    }

    @Override
    public Optional<ContactSnapshot> contact(UUID contactId) {
        return Optional.ofNullable(contacts.get(ContactSnapshot.keyOf(contactId)));
    }

    @Override
    public List<RotationSnapshot> rotationsOf(String roleKey) {
        return rotations.values().stream().filter(r -> roleKey.equals(r.roleKey())).sorted(ROTATION_ORDER).toList();
    }

    List<RotationSnapshot> rotationsOfTeam(UUID teamId) {
        return rotations.values().stream().filter(r -> teamId.equals(r.teamId())).sorted(ROTATION_ORDER).toList();
    }

    @Override
    public Optional<RoleRoster> roster(String roleKey) {
        return Optional.ofNullable(rosters.get(RoleRoster.keyOf(roleKey)));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
