package org.district.pd.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What this machine can do at most, measured in the same run as the system: the Kafka broker's produce and consume
 * rates for records shaped like a course.completed event (acks=all, each keyed by a new UUID as events are by educator id, 12 partitions), and
 * PostgreSQL's rate of batched inserts into a table shaped like the ledger, indexes and all.
 */
final class RawLimits {

    private final Settings settings;

    RawLimits(Settings settings) {
        this.settings = settings;
    }

    void measure(ObjectNode into) throws Exception {
        byte[] event = Bench.courseCompletedExample();
        String topic = "bench.raw." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka()))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get();
            try {
                produce(topic, event, into);
                consume(topic, into);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
        insert(into);
    }

    private void produce(String topic, byte[] value, ObjectNode into) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int records = settings.rawKafkaRecords();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, UUID.randomUUID().toString(), value);
                record.headers().add(new RecordHeader("ce_type", "pd.learning.course.completed.v1"
                        .getBytes(StandardCharsets.UTF_8)));
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        into.put("kafkaRecordBytes", value.length);
        into.put("kafkaProduced", records);
        into.put("kafkaProducePerSecond", Math.round(records / seconds));
        Bench.log("raw: Kafka produced %,d records of %d bytes (acks=all) in %.1f s: %,.0f/s", records, value.length,
                seconds, records / seconds);
    }

    private void consume(String topic, ObjectNode into) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        int records = settings.rawKafkaRecords();
        long consumed = 0;
        long start = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = start + Duration.ofMinutes(5).toNanos();
            while (consumed < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                consumed += batch.count();
            }
            consumer.commitSync();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        into.put("kafkaConsumePerSecond", Math.round(consumed / seconds));
        Bench.log("raw: Kafka consumed %,d records in %.1f s (from subscribing): %,.0f/s", consumed, seconds,
                consumed / seconds);
    }

    /** Batches of 1,000 rows, one transaction each, into a copy of ledger_entry with its indexes. */
    private void insert(ObjectNode into) throws SQLException {
        int rows = settings.rawPgRows();
        int batch = 1000;
        try (Connection db = DriverManager.getConnection(settings.jdbc("pd_plan") + "?reWriteBatchedInserts=true",
                settings.pgUser(), settings.pgPassword())) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table if exists bench_raw_ledger_entry");
                ddl.execute("create table bench_raw_ledger_entry (like ledger_entry including all)");
            }
            db.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into bench_raw_ledger_entry (id, educator_id, event_id, event_type, source_ref, offering_id,
                        occurred_at, credit_hours, credit_type, category, activity_source, recorded_at, provider,
                        earned_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < rows; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.randomUUID());
                    insert.setObject(3, UUID.randomUUID());
                    insert.setString(4, "pd.learning.course.completed.v1");
                    insert.setString(5, UUID.randomUUID().toString());
                    insert.setObject(6, UUID.randomUUID());
                    insert.setTimestamp(7, now);
                    insert.setBigDecimal(8, BigDecimal.valueOf(150 + i % 300, 2));
                    insert.setString(9, "CLOCK_HOUR");
                    insert.setString(10, "COURSEWORK");
                    insert.setString(11, "LMS");
                    insert.setTimestamp(12, now);
                    insert.setString(13, "District PD");
                    insert.setTimestamp(14, now);
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            db.setAutoCommit(true);
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table bench_raw_ledger_entry");
            }
            into.put("pgInserted", rows);
            into.put("pgInsertPerSecond", Math.round(rows / seconds));
            Bench.log("raw: PostgreSQL inserted %,d ledger-shaped rows (batches of %,d, a transaction each) in %.1f s:"
                    + " %,.0f rows/s", rows, batch, seconds, rows / seconds);
        }
    }
}
