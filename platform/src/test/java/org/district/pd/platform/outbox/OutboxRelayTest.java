package org.district.pd.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.platform.delivery.DeliveryRetention;
import org.district.pd.platform.testing.KafkaTestClient;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay against the real PostgreSQL and Kafka: a poison row parks without stopping the rest, one key keeps commit
 * order, two relays on one database never publish at the same time. The test profile runs no relay of its own.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final String INSERT = """
            insert into outbox_event (id, topic, event_key, type, source, subject, event_time, payload)
            values ($1, $2, $3, 'pd.platform.relay-test.v1', '/test', $3, now(), $4)""";

    @Inject
    Pool pool;
    @Inject
    OutboxConfig config;
    @Inject
    OutboxPublisher publisher;
    @Inject
    MeterRegistry metrics;
    @Inject
    ParkedEvents parked;
    @Inject
    @Readiness
    OutboxHealth health;
    @Inject
    DeliveryRetention retention;

    @Test
    void aPoisonRowParksWhileHealthyRowsAndOtherKeysPublish() {
        String topic = topic();
        String poisonKey = "poison-" + UUID.randomUUID();
        UUID poison = insert(topic, poisonKey, "{\"big\":\"" + "x".repeat(2_000_000) + "\"}");
        UUID behindPoison = insert(topic, poisonKey, "{\"n\":2}");
        List<UUID> healthy = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            healthy.add(insert(topic, "healthy-" + n + "-" + UUID.randomUUID(), "{\"n\":" + n + "}"));
        }

        OutboxRelay relay = relay();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!isParked(poison) && System.currentTimeMillis() < deadline) {
            relay.drainOnce();
            sleep(60);
        }
        relay.dropLeadership();

        assertThat(isParked(poison)).as("the row the broker refuses is parked").isTrue();
        assertThat(row(poison).get("attempts")).isEqualTo(config.maxAttempts());
        assertThat((String) row(poison).get("last_error")).contains("RecordTooLargeException");
        assertThat(healthy).allMatch(this::isSent);
        assertThat(isSent(behindPoison)).as("a later row of the parked row's key waits behind it").isFalse();
        List<ConsumerRecord<String, String>> published = KafkaTestClient.awaitRecords(topic, record -> true, 20,
                Duration.ofSeconds(20));
        assertThat(published).extracting(ConsumerRecord::key).noneMatch(poisonKey::equals);

        assertThat(parked.count().await().indefinitely()).isGreaterThanOrEqualTo(1);
        var readiness = health.call().await().indefinitely();
        assertThat(readiness.getData().orElseThrow()).containsKey("oldestParked");
        assertThat(metrics.counter("pd.outbox.parked").count()).isGreaterThanOrEqualTo(1);

        // Once the cause is fixed (here: the row is made small), a retried row goes out and frees its key.
        pool.preparedQuery("update outbox_event set payload = '{\"small\":true}' where id = $1").execute(Tuple.of(poison))
                .await().indefinitely();
        assertThat(parked.retry(poison).await().indefinitely()).isTrue();
        relay.drainOnce();
        relay.dropLeadership();
        assertThat(isSent(poison)).isTrue();
        assertThat(isSent(behindPoison)).isTrue();
        List<ConsumerRecord<String, String>> ofKey = KafkaTestClient.awaitRecords(topic, r -> poisonKey.equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertThat(ofKey).extracting(ConsumerRecord::value).containsExactly("{\"small\":true}", "{\"n\":2}");
    }

    /** Insert order says first, then second; commit order says second, then first. Consumers see commit order. */
    @Test
    void oneKeysRowsArePublishedInTheOrderTheirTransactionsCommitted() {
        String topic = topic();
        String key = "aggregate-" + UUID.randomUUID();
        SqlConnection first = pool.getConnection().await().indefinitely();
        SqlConnection second = pool.getConnection().await().indefinitely();
        try {
            Transaction firstTx = first.begin().await().indefinitely();
            first.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), topic, key, "{\"inserted\":1}")).await().indefinitely();
            Transaction secondTx = second.begin().await().indefinitely();
            second.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), topic, key, "{\"inserted\":2}")).await().indefinitely();
            secondTx.commit().await().indefinitely();
            firstTx.commit().await().indefinitely();
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }

        OutboxRelay relay = relay();
        relay.drainOnce();
        relay.dropLeadership();

        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(topic, r -> key.equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("{\"inserted\":2}", "{\"inserted\":1}");
    }

    @Test
    void twoRelaysOnOneDatabasePublishOneAtATimeAndEachRowOnce() throws Exception {
        String topic = topic();
        List<UUID> ids = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            ids.add(insert(topic, "key-" + (n % 30), "{\"n\":" + n + "}"));
        }
        OutboxRelay one = relay();
        OutboxRelay other = relay();
        CompletableFuture<Integer> byOne = CompletableFuture.supplyAsync(() -> drainRepeatedly(one));
        CompletableFuture<Integer> byOther = CompletableFuture.supplyAsync(() -> drainRepeatedly(other));
        int publishedByOne = byOne.get(60, TimeUnit.SECONDS);
        int publishedByOther = byOther.get(60, TimeUnit.SECONDS);

        assertThat(publishedByOne + publishedByOther).isEqualTo(300);
        assertThat(List.of(publishedByOne, publishedByOther)).as("only the relay holding the lock publishes").contains(0);

        // The leader goes away (its session ends, as when its process dies): the other one takes over.
        OutboxRelay leader = publishedByOne > 0 ? one : other;
        OutboxRelay follower = leader == one ? other : one;
        leader.dropLeadership();
        for (int n = 300; n < 400; n++) {
            ids.add(insert(topic, "key-" + (n % 30), "{\"n\":" + n + "}"));
        }
        sleep(500);
        assertThat(drainRepeatedly(follower)).isEqualTo(100);
        follower.dropLeadership();

        Map<String, Long> timesPublished = KafkaTestClient.awaitRecords(topic, record -> true, 400, Duration.ofSeconds(30))
                .stream().collect(Collectors.groupingBy(record -> KafkaTestClient.header(record, "ce_id"), Collectors.counting()));
        assertThat(timesPublished).hasSize(400).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        assertThat(ids).allMatch(this::isSent);
    }

    @Test
    void retentionPurgesDeliveredRowsInBatchesAndKeepsTheRest() {
        String topic = topic();
        UUID old = insert(topic, "k", "{}");
        UUID recent = insert(topic, "k", "{}");
        UUID unsent = insert(topic, "k2", "{}");
        pool.preparedQuery("update outbox_event set sent_at = now() - interval '30 days' where id = $1").execute(Tuple.of(old))
                .await().indefinitely();
        pool.preparedQuery("update outbox_event set sent_at = now() where id = $1").execute(Tuple.of(recent))
                .await().indefinitely();
        pool.preparedQuery("""
                insert into inbox_event (consumer, event_id, event_type, processed_at)
                values ('retention-test', $1, 't', now() - interval '90 days'), ('retention-test', $2, 't', now())""")
                .execute(Tuple.of(UUID.randomUUID(), UUID.randomUUID())).await().indefinitely();

        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).as("sent within the retention period").isTrue();
        assertThat(exists(unsent)).as("never purged before it is sent").isTrue();
        assertThat(pool.query("select count(*) from inbox_event where consumer = 'retention-test'").execute()
                .await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
    }

    private int drainRepeatedly(OutboxRelay relay) {
        int total = 0;
        for (int round = 0; round < 20; round++) {
            total += relay.drainOnce();
            sleep(20);
        }
        return total;
    }

    private OutboxRelay relay() {
        return new OutboxRelay(pool, config, publisher, metrics);
    }

    /** In a transaction of its own, so the commit trigger gives it its place in the order. */
    private UUID insert(String topic, String key, String payload) {
        UUID id = UUID.randomUUID();
        pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(Tuple.of(id, topic, key, payload)))
                .await().indefinitely();
        return id;
    }

    private Map<String, Object> row(UUID id) {
        return pool.preparedQuery("select attempts, last_error, parked_at, sent_at from outbox_event where id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().toJson().getMap();
    }

    private boolean isParked(UUID id) {
        return row(id).get("parked_at") != null;
    }

    private boolean isSent(UUID id) {
        return row(id).get("sent_at") != null;
    }

    private boolean exists(UUID id) {
        return pool.preparedQuery("select 1 from outbox_event where id = $1").execute(Tuple.of(id)).await().indefinitely()
                .size() == 1;
    }

    private static String topic() {
        return "pd.platform.relay-test." + UUID.randomUUID();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
