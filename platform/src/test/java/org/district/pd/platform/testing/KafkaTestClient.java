package org.district.pd.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the real local broker: sends raw records (poison included) and waits for records to appear. Topics are
 * named as in the contract; like the services in the test profile, this client uses their {@code test.} twins, so
 * tests never feed a system running on the same broker.
 */
public final class KafkaTestClient {

    /** The test profile's {@code pd.kafka.topic-prefix}. */
    public static final String TOPIC_PREFIX = "test.";

    private KafkaTestClient() {
    }

    /** Sends one record with the given headers and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, Map<String, String> headers, String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServers.kafkaBootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC_PREFIX + topic, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** A record as a poll hands it to a listener, for tests that give an inbox records themselves. */
    public static ConsumerRecord<String, String> record(String topic, long offset, String key, Map<String, String> headers,
            String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, offset, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** CloudEvents binary-mode headers for a test event. */
    public static Map<String, String> cloudEventHeaders(UUID id, String type, String source, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", type, "ce_source", source,
                "ce_subject", subject, "ce_time", Instant.now().toString(), "content-type", "application/json");
    }

    /** Reads {@code topic} from the beginning until a record matches, or fails after {@code timeout}. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = awaitRecords(topic, match, 1, timeout);
        return found.get(0);
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records match. Partitions are assigned rather than
     * subscribed to, so no consumer group has to form and nothing is committed.
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServers.kafkaBootstrap());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = partitions(consumer, TOPIC_PREFIX + topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " matching record(s) on " + TOPIC_PREFIX + topic + " within " + timeout
                    + " but found " + found.size());
        }
        return found;
    }

    /** The topic's partitions; a topic the broker creates on first use may take a moment to appear. */
    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic, Instant deadline) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (!infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("topic " + topic + " does not exist");
            }
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
