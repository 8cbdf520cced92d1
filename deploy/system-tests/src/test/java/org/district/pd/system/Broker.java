package org.district.pd.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.district.pd.platform.testing.LocalServers;

/**
 * The running system's real topics (not the {@code test.} twins): publishes events as their producers will, CloudEvents
 * in binary mode keyed by the educator, and reads back what was published since an instant.
 */
final class Broker {

    private Broker() {
    }

    /** Publishes one event of {@code type} from {@code source} about {@code educatorId}; returns its id. */
    static UUID publish(String topic, String type, String source, String educatorId, Instant time, String data) {
        UUID id = UUID.randomUUID();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServers.kafkaBootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", type,
                "ce_source", source, "ce_subject", educatorId, "ce_time", time.toString(),
                "content-type", "application/json");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, educatorId, data);
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
        return id;
    }

    /** The records of {@code topic} since {@code since} that match, with their headers, in offset order. */
    static List<Record> since(String topic, Instant since, Predicate<Record> match) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServers.kafkaBootstrap());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Duration timeout = Duration.ofSeconds(30);
        List<Record> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            Map<TopicPartition, Long> times = new HashMap<>();
            consumer.partitionsFor(topic, timeout)
                    .forEach(info -> times.put(new TopicPartition(topic, info.partition()), since.toEpochMilli()));
            Map<TopicPartition, Long> start = new HashMap<>();
            consumer.offsetsForTimes(times, timeout).forEach((partition, offset) -> {
                if (offset != null) {
                    start.put(partition, offset.offset());
                }
            });
            if (start.isEmpty()) {
                return found;
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet(), timeout);
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            while (start.keySet().stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Record read = new Record(record.key(), header(record, "ce_type"), record.value());
                    if (match.test(read)) {
                        found.add(read);
                    }
                }
            }
        }
        return found;
    }

    /** A record as read back: its key, its CloudEvents type and its JSON data. */
    record Record(String key, String type, String data) {
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
