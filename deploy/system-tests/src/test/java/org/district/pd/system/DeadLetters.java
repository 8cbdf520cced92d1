package org.district.pd.system;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.district.pd.platform.testing.LocalServers;

/**
 * Dead letters created since an instant, wherever the running system keeps them: the {@code dead_letter} table of
 * each consuming service's database, and the DLQ topics of the contract. These are the real topics, not the
 * {@code test.} twins the module tests use, so nothing here goes through KafkaTestClient's prefixing helpers.
 */
final class DeadLetters {

    private static final List<String> DATABASES = List.of("pd_plan", "pd_learning");
    private static final List<String> TOPICS = List.of("pd.learning.events.plan-service.dlq",
            "pd.credentials.events.plan-service.dlq", "pd.community.events.plan-service.dlq",
            "pd.roster.educators.learning-service.dlq");
    private static final String UNDEFINED_TABLE = "42P01";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private DeadLetters() {
    }

    /** One line per dead_letter row with {@code dead_lettered_at} at or after {@code since}, in every database. */
    static List<String> inDatabases(Instant since) {
        List<String> found = new ArrayList<>();
        for (String database : DATABASES) {
            found.addAll(ServiceDatabases.read(database, connection -> {
                try (PreparedStatement query = connection.prepareStatement("""
                        select consumer, event_type, reason, dead_lettered_at from dead_letter
                        where dead_lettered_at >= ? order by dead_lettered_at""")) {
                    query.setObject(1, ServiceDatabases.timestamp(since));
                    List<String> rows = new ArrayList<>();
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            rows.add("%s.dead_letter at %s: consumer %s, type %s, reason %s".formatted(database,
                                    row.getString(4), row.getString(1), row.getString(2), row.getString(3)));
                        }
                    }
                    return rows;
                } catch (SQLException e) {
                    if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                        throw new AssertionError(database + " has no dead_letter table, so this test cannot prove that "
                                + "nothing was dead-lettered: the running services predate the dead-letter migration", e);
                    }
                    throw e;
                }
            }));
        }
        return found;
    }

    /** One line per record on a DLQ topic with a timestamp at or after {@code since}. */
    static List<String> onTopics(Instant since) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServers.kafkaBootstrap());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            for (String topic : TOPICS) {
                found.addAll(since(consumer, topic, since));
            }
        }
        return found;
    }

    /** Seeks each partition to the first record at or after {@code since} and reads up to the end as it is now. */
    private static List<String> since(KafkaConsumer<String, String> consumer, String topic, Instant since) {
        var partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            throw new AssertionError("DLQ topic " + topic + " does not exist on " + LocalServers.kafkaBootstrap());
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(info -> times.put(new TopicPartition(topic, info.partition()), since.toEpochMilli()));
        Map<TopicPartition, Long> start = new HashMap<>();
        consumer.offsetsForTimes(times, READ_TIMEOUT).forEach((partition, found) -> {
            if (found != null) {
                start.put(partition, found.offset());
            }
        });
        List<String> records = new ArrayList<>();
        if (start.isEmpty()) {
            return records;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet(), READ_TIMEOUT);
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        while (start.keySet().stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("could not read " + topic + " up to its end within " + READ_TIMEOUT);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.timestamp() >= since.toEpochMilli()) {
                    records.add("%s-%d@%d at %s: key %s, reason %s".formatted(topic, record.partition(), record.offset(),
                            Instant.ofEpochMilli(record.timestamp()), record.key(), header(record, "dead-letter-reason")));
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
