package io.muster.testsupport;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.EventJson;
import io.muster.contracts.EventPayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes Muster events on the shared test broker, the way another service would. */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    /** Publishes an event (acknowledged by the broker before this returns) and returns its envelope. */
    public static EventEnvelope publish(EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of(payload, Instant.now());
        send(envelope.topic(), envelope.key(), EventJson.write(envelope));
        return envelope;
    }

    /** Publishes the same envelope again, as a redelivery would. */
    public static void republish(EventEnvelope envelope) {
        send(envelope.topic(), envelope.key(), EventJson.write(envelope));
    }

    /** Publishes a tombstone for a key. */
    public static void tombstone(String topic, String key) {
        send(topic, key, null);
    }

    /** Publishes an event with extra record headers (e.g. a W3C {@code traceparent}) and returns its envelope. */
    public static EventEnvelope publish(EventPayload payload, Map<String, String> headers) {
        EventEnvelope envelope = EventEnvelope.of(payload, Instant.now());
        ProducerRecord<String, String> record = new ProducerRecord<>(envelope.topic(), envelope.key(),
                EventJson.write(envelope));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
        return envelope;
    }

    /** Publishes raw text (e.g. a malformed event). */
    public static void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private static void send(ProducerRecord<String, String> record) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MusterServers.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    /** The first event on the topic (from its beginning) that matches, waiting up to {@code timeout}. */
    public static Optional<EventEnvelope> first(String topic, Predicate<EventEnvelope> match, Duration timeout) {
        List<EventEnvelope> found = all(topic, match, 1, timeout);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The value of a header on the record carrying the first matching event, waiting up to {@code timeout}. */
    public static Optional<String> header(String topic, Predicate<EventEnvelope> match, String name,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        read(topic, timeout, records -> {
            for (ConsumerRecord<String, String> record : records) {
                if (record.value() != null && matches(record.value(), match)) {
                    found.add(record);
                }
            }
            return !found.isEmpty();
        });
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Header header = found.get(0).headers().lastHeader(name);
        return header == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The first record on the topic (from its beginning) that matches, headers and all, waiting up to {@code timeout}. */
    public static Optional<ConsumerRecord<String, String>> record(String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        read(topic, timeout, records -> {
            for (ConsumerRecord<String, String> record : records) {
                if (match.test(record)) {
                    found.add(record);
                }
            }
            return !found.isEmpty();
        });
        return found.stream().findFirst();
    }

    /** A record header as text, or null when the record has none of that name. */
    public static String headerOf(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean matches(String value, Predicate<EventEnvelope> match) {
        try {
            return match.test(EventJson.read(value));
        } catch (EventJson.MalformedEventException e) {
            return false;
        }
    }

    private static void read(String topic, Duration timeout,
            Function<Iterable<ConsumerRecord<String, String>>, Boolean> enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MusterServers.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (enough.apply(consumer.poll(Duration.ofMillis(100)))) {
                    return;
                }
            }
        }
    }

    private static void collect(Iterable<ConsumerRecord<String, String>> records, Predicate<EventEnvelope> match,
            List<EventEnvelope> found) {
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                EventEnvelope envelope = EventJson.read(record.value());
                if (match.test(envelope)) {
                    found.add(envelope);
                }
            } catch (EventJson.MalformedEventException e) {
                // not an event of ours; tests that care look for it themselves
            }
        }
    }

    /**
     * Events on the topic (from its beginning) that match, polling until {@code atLeast} are found or the timeout
     * passes; then one more short poll so duplicates that arrive just after are counted too.
     */
    public static List<EventEnvelope> all(String topic, Predicate<EventEnvelope> match, int atLeast,
            Duration timeout) {
        List<EventEnvelope> found = new ArrayList<>();
        boolean[] settling = { false };
        long[] settleUntil = { 0 };
        read(topic, timeout.plusMillis(300), records -> {
            collect(records, match, found);
            if (found.size() >= atLeast && !settling[0]) {
                // One more short read, so that a duplicate arriving just behind is counted too.
                settling[0] = true;
                settleUntil[0] = System.nanoTime() + Duration.ofMillis(300).toNanos();
            }
            return settling[0] && System.nanoTime() >= settleUntil[0];
        });
        return found;
    }
}
