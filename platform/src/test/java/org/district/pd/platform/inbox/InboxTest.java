package org.district.pd.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.platform.outbox.RelayDriver;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.ListenerContext;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The inbox against the real PostgreSQL: each event applied once, poison dead-lettered with its reason and
 * published to the DLQ, an outage waited out with readiness down, and dead letters replayed through the same path.
 */
@QuarkusTest
class InboxTest {

    private static final String TOPIC = "test.pd.platform.inbox-test";

    @Inject
    Inbox inbox;
    @Inject
    CountingHandler handler;
    @Inject
    DeadLetterReplay replay;
    @Inject
    DeadLetters deadLetters;
    @Inject
    @Readiness
    ConsumerHealth health;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    RelayDriver relay;

    private long offset = System.nanoTime();

    @BeforeEach
    void noFailures() {
        handler.failNext(0, () -> null);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        ConsumerRecord<String, String> record = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":1}");
        consume(record);
        consume(record); // redelivered at the same offset, after a crash before the commit
        consume(record(eventId(record), "pd.platform.tested.v1", "{\"n\":1}")); // published twice by a producer

        assertThat(applications(eventId(record))).isEqualTo(1);
        assertThat(count("select count(*) from dead_letter where event_id = $1", eventId(record))).isZero();
    }

    @Test
    void poisonIsDeadLetteredOnceWithItsReasonAndPublishedToTheDeadLetterTopic() {
        ConsumerRecord<String, String> poison = record(UUID.randomUUID(), "pd.platform.tested.unknown.v1", "{}");
        consume(poison);
        consume(poison); // redelivered before its offset was committed: still one dead letter

        assertThat(applications(eventId(poison))).isZero();
        assertThat(count("select count(*) from dead_letter where event_id = $1", eventId(poison))).isEqualTo(1);
        String reason = pool.preparedQuery("select reason from dead_letter where event_id = $1").execute(Tuple.of(eventId(poison)))
                .await().indefinitely().iterator().next().getString(0);
        assertThat(reason).contains("unknown event type 'pd.platform.tested.unknown.v1'");

        relay.publishAll();
        ConsumerRecord<String, String> dead = KafkaTestClient.awaitRecord("pd.platform.inbox-test.inbox-test.dlq",
                candidate -> eventId(poison).toString().equals(KafkaTestClient.header(candidate, "ce_id")), Duration.ofSeconds(30));
        assertThat(dead.key()).isEqualTo(poison.key());
        assertThat(dead.value()).isEqualTo(poison.value());
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).isEqualTo(reason);
        assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).isEqualTo(TOPIC);
        assertThat(KafkaTestClient.header(dead, "dead-letter-partition")).isEqualTo(Integer.toString(poison.partition()));
        assertThat(KafkaTestClient.header(dead, "dead-letter-offset")).isEqualTo(Long.toString(poison.offset()));
    }

    @Test
    void aPollsRecordsAreAppliedOnceEachInOneTransaction() {
        ConsumerRecord<String, String> before = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":10}");
        consume(before);
        ConsumerRecord<String, String> first = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":11}");
        ConsumerRecord<String, String> second = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":12}");
        List<ConsumerRecord<String, String>> poll = List.of(first, before, second);

        consumeAll(poll);
        consumeAll(poll); // redelivered after a crash before the commit

        for (ConsumerRecord<String, String> record : poll) {
            assertThat(applications(eventId(record))).isEqualTo(1);
        }
        assertThat(count("select count(distinct xmin::text) from inbox_event where event_id = any($1)",
                new UUID[] {eventId(first), eventId(second)})).isEqualTo(1);
    }

    /**
     * Consecutive events of a type the handler applies in bulk are recorded and applied as one run, between events
     * applied one at a time; a redelivered poll that holds any of them again is taken record by record, and each
     * event is still applied once.
     */
    @Test
    void aRunOfBulkEventsIsAppliedTogetherAndARedeliveryOnce() {
        ConsumerRecord<String, String> single = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":20}");
        List<ConsumerRecord<String, String>> run = List.of(
                record(UUID.randomUUID(), CountingHandler.BULK, "{\"n\":21}"),
                record(UUID.randomUUID(), CountingHandler.BULK, "{\"n\":22}"),
                record(UUID.randomUUID(), CountingHandler.BULK, "{\"n\":23}"));
        ConsumerRecord<String, String> last = record(UUID.randomUUID(), CountingHandler.BULK, "{\"n\":24}");
        int runsBefore = handler.bulkRuns().size();

        consumeAll(List.of(single, run.get(0), run.get(1), run.get(2)));
        assertThat(handler.bulkRuns().subList(runsBefore, handler.bulkRuns().size())).containsExactly(3);
        consumeAll(List.of(run.get(2), last, single)); // redelivered with one new event

        for (ConsumerRecord<String, String> record : List.of(single, run.get(0), run.get(1), run.get(2), last)) {
            assertThat(applications(eventId(record))).as("applications of %s", record.value()).isEqualTo(1);
        }
        assertThat(count("select count(distinct xmin::text) from inbox_event where event_id = any($1)",
                run.stream().map(InboxTest::eventId).toArray(UUID[]::new))).isEqualTo(1);
    }

    /**
     * A run the handler refuses as a whole because of one poisoned event fails the poll; record by record, that event
     * is dead-lettered and the others of the run are applied, each once.
     */
    @Test
    void poisonInARunOfBulkEventsIsDeadLetteredAndTheRestOfTheRunApplied() {
        ConsumerRecord<String, String> first = record(UUID.randomUUID(), CountingHandler.BULK, "{\"n\":31}");
        ConsumerRecord<String, String> poison = record(UUID.randomUUID(), CountingHandler.BULK, "{\"poison\":true}");
        ConsumerRecord<String, String> last = record(UUID.randomUUID(), CountingHandler.BULK, "{\"n\":32}");
        int runsBefore = handler.bulkRuns().size();

        consumeAll(List.of(first, poison, last));

        assertThat(handler.bulkRuns().subList(runsBefore, handler.bulkRuns().size())).as("the run was tried whole")
                .containsExactly(3);
        assertThat(applications(eventId(first))).isEqualTo(1);
        assertThat(applications(eventId(last))).isEqualTo(1);
        assertThat(applications(eventId(poison))).isZero();
        String reason = pool.preparedQuery("select reason from dead_letter where event_id = $1")
                .execute(Tuple.of(eventId(poison))).await().indefinitely().iterator().next().getString("reason");
        assertThat(reason).contains("\"poison\": true");
        assertThat(count("select count(*) from dead_letter where event_id = any($1)",
                new UUID[] {eventId(first), eventId(last)})).isZero();
    }

    @Test
    void poisonInAPollIsDeadLetteredAndTheOtherRecordsApplied() {
        ConsumerRecord<String, String> good = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":13}");
        ConsumerRecord<String, String> poison = record(UUID.randomUUID(), "pd.platform.tested.unknown.v1", "{}");
        ConsumerRecord<String, String> notJson = record(UUID.randomUUID(), "pd.platform.tested.v1", "{not json");
        ConsumerRecord<String, String> after = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":14}");

        consumeAll(List.of(good, poison, after)); // good is applied, then rolled back with the poll, then applied alone
        consumeAll(List.of(notJson, good));

        assertThat(applications(eventId(good))).isEqualTo(1);
        assertThat(applications(eventId(after))).isEqualTo(1);
        assertThat(applications(eventId(poison))).isZero();
        assertThat(count("select count(*) from dead_letter where event_id = $1", eventId(poison))).isEqualTo(1);
        assertThat(count("select count(*) from dead_letter where event_id = $1", eventId(notJson))).isEqualTo(1);
    }

    @Test
    void anOutageInAPollIsWaitedOutAndThePollAppliedWhole() {
        ConsumerRecord<String, String> first = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":15}");
        ConsumerRecord<String, String> second = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":16}");
        handler.failNext(3, () -> new PgException("terminating connection due to administrator command", "FATAL",
                "57P01", null));

        consumeAll(List.of(first, second));

        assertThat(applications(eventId(first))).isEqualTo(1);
        assertThat(applications(eventId(second))).isEqualTo(1);
        assertThat(count("select count(*) from dead_letter where event_id = any($1)",
                new UUID[] {eventId(first), eventId(second)})).isZero();
        assertThat(count("select count(distinct xmin::text) from inbox_event where event_id = any($1)",
                new UUID[] {eventId(first), eventId(second)})).isEqualTo(1);
    }

    /** Six connection failures in a row span several seconds of back-off: more than any bounded retry would allow. */
    @Test
    void anOutageIsWaitedOutNeverDeadLetteredAndReadinessIsDownMeanwhile() throws Exception {
        ConsumerRecord<String, String> record = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":2}");
        handler.failNext(6, () -> new PgException("terminating connection due to administrator command", "FATAL", "57P01", null));

        CompletableFuture<Void> consumed = consumeAsync(record);
        HealthCheckResponse during = awaitDown();
        consumed.get(60, TimeUnit.SECONDS);

        assertThat(during.getData().orElseThrow()).containsKey(CountingHandler.CONSUMER + " on pd.platform.inbox-test (partition 3)");
        assertThat(applications(eventId(record))).isEqualTo(1);
        assertThat(count("select count(*) from dead_letter where event_id = $1", eventId(record))).isZero();
        assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aFailureNeitherPoisonNorOutageIsDeadLetteredAfterAFewTries() {
        ConsumerRecord<String, String> record = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":3}");
        handler.failNext(100, () -> new IllegalStateException("a bug that fails every time"));
        int callsBefore = handler.calls();

        consume(record);

        assertThat(handler.calls() - callsBefore).isEqualTo(3);
        assertThat(count("select count(*) from dead_letter where event_id = $1", eventId(record))).isEqualTo(1);
    }

    @Test
    void replayAppliesADeadLetterOnceAndAnAppliedOneChangesNothing() {
        ConsumerRecord<String, String> record = record(UUID.randomUUID(), "pd.platform.tested.v1", "{\"n\":4}");
        handler.failNext(100, () -> new IllegalStateException("fixed in the next release"));
        consume(record);
        UUID deadLetter = deadLetterOf(eventId(record));

        handler.failNext(0, () -> null); // the fix is deployed
        assertThat(ListenerContext.await(vertx, () -> replay.replay(deadLetter)).outcome()).isEqualTo("APPLIED");
        assertThat(ListenerContext.await(vertx, () -> replay.replay(deadLetter)).outcome()).isEqualTo("ALREADY_APPLIED");
        consume(record); // and the live record, redelivered, is a no-op too

        assertThat(applications(eventId(record))).isEqualTo(1);
        DeadLetterView view = ListenerContext.await(vertx, () -> deadLetters.find(deadLetter));
        assertThat(view.replayedAt()).isNotNull();
        assertThat(view.replayCount()).isEqualTo(2);
    }

    @Test
    void replayOfPoisonLeavesItPendingWithTheReason() {
        ConsumerRecord<String, String> poison = record(UUID.randomUUID(), "pd.platform.tested.unknown.v1", "{}");
        consume(poison);
        UUID deadLetter = deadLetterOf(eventId(poison));

        DeadLetterReplay.Result result = ListenerContext.await(vertx, () -> replay.replay(deadLetter));

        assertThat(result.outcome()).isEqualTo("FAILED");
        assertThat(result.reason()).contains("unknown event type");
        DeadLetterView view = ListenerContext.await(vertx, () -> deadLetters.find(deadLetter));
        assertThat(view.replayedAt()).isNull();
        assertThat(view.replayOutcome()).isEqualTo("FAILED");
        assertThat(ListenerContext.await(vertx, () -> replay.replayPending(10_000)).failed()).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> ListenerContext.await(vertx, () -> replay.replay(UUID.randomUUID()))).hasRootCauseInstanceOf(ProblemException.class);
    }

    private HealthCheckResponse awaitDown() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            HealthCheckResponse response = health.call();
            if (response.getStatus() == HealthCheckResponse.Status.DOWN) {
                return response;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("readiness never reported the consumer down");
    }

    private UUID deadLetterOf(UUID eventId) {
        return pool.preparedQuery("select id from dead_letter where event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely().iterator().next().getUUID(0);
    }

    private ConsumerRecord<String, String> record(UUID eventId, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 3, offset++, "key-" + eventId, value);
        Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type", type, "ce_source", "/inbox-test",
                "ce_subject", "key-" + eventId, "ce_time", Instant.now().toString())
                .forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static UUID eventId(ConsumerRecord<String, String> record) {
        return UUID.fromString(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
    }

    private void consume(ConsumerRecord<String, String> record) {
        try {
            consumeAsync(record).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void consumeAll(List<ConsumerRecord<String, String>> records) {
        ListenerContext.await(vertx, () -> inbox.consumeAll(handler, records));
    }

    private CompletableFuture<Void> consumeAsync(ConsumerRecord<String, String> record) {
        return ListenerContext.start(vertx, () -> inbox.consume(handler, record));
    }

    private long applications(UUID eventId) {
        return count("select count(*) from inbox_test_effect where event_id = $1", eventId);
    }

    private long count(String sql, Object id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }
}
