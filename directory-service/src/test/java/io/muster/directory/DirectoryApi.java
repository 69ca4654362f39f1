package io.muster.directory;

import static io.restassured.RestAssured.given;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.pages.ChannelVerificationRequested;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.MusterServers;
import io.muster.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Calls the directory API the way an admin would, for test set-up. */
final class DirectoryApi {

    static final String ADMIN = Tokens.bearer(Roles.ADMIN);

    private DirectoryApi() {
    }

    /** A unique name so that tests sharing one database and broker never see each other's people. */
    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String personJson(String name, String roles, String skills) {
        return """
                {"displayName":"%s","department":"Security","timeZone":"Europe/London",
                 "skills":[%s],"certifications":["GCIH"],"roles":[%s],"escalationLevel":2,
                 "availability":"Mon-Fri 08:00-18:00"}
                """.formatted(name, skills, roles);
    }

    static UUID createPerson(String json) {
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/people")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static UUID createPerson(String name, String roles) {
        return createPerson(personJson(name, roles, "\"forensics\""));
    }

    /** The id of the one person whose name contains {@code uniqueName}. */
    static UUID idOf(String uniqueName) {
        List<String> ids = given().header("Authorization", ADMIN).queryParam("name", uniqueName)
                .when().get("/api/v1/people")
                .then().statusCode(200).extract().path("items.id");
        if (ids.size() != 1) {
            throw new IllegalStateException(ids.size() + " people are named like " + uniqueName);
        }
        return UUID.fromString(ids.get(0));
    }

    /**
     * A person who can be paged (active, with a verified email), made through the import, which takes the admin's
     * word for the channel instead of waiting for a code to come back.
     */
    static UUID createReachablePerson(String name, String roles) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"people":[{"ref":"p","displayName":"%s","timeZone":"Europe/London","escalationLevel":2,
                          "roles":[%s],"channels":[{"type":"EMAIL","address":"%s@example.com","preference":1,
                          "verified":true}]}]}
                        """.formatted(name, roles, UUID.randomUUID()))
                .when().post("/api/v1/import").then().statusCode(200);
        return idOf(name);
    }

    /** Adds a channel and returns its id. */
    static UUID addChannel(UUID personId, String type, String address, int preference) {
        List<Object> ids = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"%s\",\"address\":\"%s\",\"preference\":%d}".formatted(type, address, preference))
                .when().post("/api/v1/people/" + personId + "/channels")
                .then().statusCode(201).extract().path("channels.findAll { it.address == '" + address + "' }.id");
        return UUID.fromString((String) ids.get(0));
    }

    /**
     * A channel written straight into the table, as one stored before its type stopped being accepted (a VOICE
     * channel from an earlier version); returns its id.
     */
    static UUID storedChannel(DataSource dataSource, UUID personId, String type, String address, int preference,
            boolean verified) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact_channel (id, person_id, type, address, preference, verified_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, CASE WHEN ? THEN now() END, now())")) {
            insert.setObject(1, id);
            insert.setObject(2, personId);
            insert.setString(3, type);
            insert.setString(4, address);
            insert.setInt(5, preference);
            insert.setBoolean(6, verified);
            insert.executeUpdate();
        }
        return id;
    }

    /** The codes sent to a channel, oldest first, as notification-service would receive them. */
    static List<ChannelVerificationRequested> codesSentTo(UUID channelId, int atLeast) {
        return KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof ChannelVerificationRequested v && v.channelId().equals(channelId),
                atLeast, Duration.ofSeconds(30)).stream()
                .map(e -> e.payloadAs(ChannelVerificationRequested.class))
                .toList();
    }

    static String latestCode(UUID channelId, int atLeast) {
        List<ChannelVerificationRequested> codes = codesSentTo(channelId, atLeast);
        return codes.get(codes.size() - 1).code();
    }

    static void verify(UUID personId, UUID channelId) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"" + latestCode(channelId, 1) + "\"}")
                .when().post("/api/v1/people/" + personId + "/channels/" + channelId + "/verification/confirm")
                .then().statusCode(200);
    }

    static List<EventEnvelope> events(String key, int atLeast, Duration timeout) {
        return KafkaEvents.all(Topics.DIRECTORY, e -> e.key().equals(key), atLeast, timeout);
    }

    /** Every record under a key, tombstones included (as null values), in offset order. */
    static List<String> rawValues(String topic, String key, int atLeast, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MusterServers.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (values.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
        }
        return values;
    }
}
