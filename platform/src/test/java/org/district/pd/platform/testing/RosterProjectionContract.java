package org.district.pd.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.platform.inbox.EventHandler;
import org.district.pd.platform.inbox.Inbox;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a service that keeps an {@code educator} table (given_name, school_ids, active, updated_at) from the roster
 * topic owes: a poll of snapshots is applied with one statement, and ends as each snapshot applied in turn would. A
 * service's test extends this with {@code @QuarkusTest} and hands over its roster listener.
 */
public abstract class RosterProjectionContract {

    private static final String TOPIC = "pd.roster.educators";
    private static final String TYPE = "pd.roster.educator.upserted.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool database;

    @Inject
    Inbox inbox;

    @Inject
    Vertx vertx;

    private long offset;

    /** The service's consumer of the roster topic. */
    protected abstract EventHandler listener();

    /** Adds what this service reads beyond names, email, schools and status to a new educator's snapshot. */
    protected void describe(ObjectNode snapshot) {
    }

    /** Checks what this service writes beyond schools from that snapshot ({@link #describe}) to its row. */
    protected void assertWrittenAsDescribed(Row row) {
    }

    /**
     * New educators are written together, a renamed one as its newest snapshot says; an educator's snapshot older than
     * the one held changes nothing. Delivered again, the poll writes nothing.
     */
    @Test
    void aPollIsWrittenWithOneStatementAndTheNewestSnapshotOfEachEducatorCounts() {
        Instant now = Instant.now();
        ObjectNode held = educator("Hugo");
        consumeAll(List.of(record(held, now)));

        List<ObjectNode> newcomers = List.of(educator("Ana"), educator("Ben"), educator("Cai"));
        UUID[] newcomerIds = newcomers.stream().map(RosterProjectionContract::id).toArray(UUID[]::new);
        ObjectNode renamed = newcomers.get(1).deepCopy();
        ((ObjectNode) renamed.get("name")).put("givenName", "Bea");
        renamed.put("active", false);
        ObjectNode stale = held.deepCopy();
        ((ObjectNode) stale.get("name")).put("givenName", "Stale");
        ObjectNode olderThanRenamed = newcomers.get(1).deepCopy();
        ((ObjectNode) olderThanRenamed.get("name")).put("givenName", "Old");
        List<ConsumerRecord<String, String>> poll = List.of(record(newcomers.get(0), now),
                record(newcomers.get(1), now),
                record(stale, now.minus(Duration.ofHours(1))), record(renamed, now.plusSeconds(1)),
                record(olderThanRenamed, now.minusSeconds(1)), record(newcomers.get(2), now));

        consumeAll(poll);

        assertThat(count("select count(*) from educator where id = any($1)", (Object) newcomerIds)).isEqualTo(3);
        assertThat(count("select count(distinct (xmin::text, cmin::text)) from educator where id = any($1)",
                (Object) newcomerIds)).as("one statement wrote them").isEqualTo(1);
        Row bea = educator(newcomerIds[1]);
        assertThat(bea.getString("given_name")).isEqualTo("Bea");
        assertThat(bea.getBoolean("active")).isFalse();
        Row ana = educator(newcomerIds[0]);
        assertThat(ana.getArrayOfUUIDs("school_ids")).containsExactly(school(newcomers.get(0)));
        assertWrittenAsDescribed(ana);
        assertThat(educator(id(held)).getString("given_name")).isEqualTo("Hugo");

        String written = version(newcomerIds);
        consumeAll(poll);
        assertThat(version(newcomerIds)).as("a redelivered poll writes nothing").isEqualTo(written);
        UUID[] eventIds = poll.stream().map(record -> UUID.fromString(KafkaTestClient.header(record, "ce_id")))
                .toArray(UUID[]::new);
        assertThat(count("select count(*) from inbox_event where consumer = $1 and event_id = any($2)",
                listener().consumer(), eventIds)).isEqualTo(6);
    }

    /** A poison snapshot in a poll is a dead letter with its reason; the others of the poll are applied. */
    @Test
    void aPoisonSnapshotIsDeadLetteredAndTheRestOfItsPollApplied() {
        ObjectNode good = educator("Dee");
        ObjectNode nameless = educator("Cy");
        nameless.remove("name");
        Instant now = Instant.now();
        consumeAll(List.of(record(good, now), record(nameless, now)));

        assertThat(educator(id(good)).getString("given_name")).isEqualTo("Dee");
        assertThat(count("select count(*) from educator where id = $1", id(nameless))).isZero();
        ConsumerRecord<String, String> dead = KafkaTestClient.awaitRecord(TOPIC + "." + listener().consumer() + ".dlq",
                record -> nameless.get("educatorId").asText().equals(record.key()), Duration.ofSeconds(45));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("name");
    }

    private ObjectNode educator(String givenName) {
        ObjectNode data = JSON.createObjectNode();
        data.put("educatorId", UUID.randomUUID().toString());
        data.putObject("name").put("givenName", givenName).put("familyName", "Poll");
        data.put("email", givenName.toLowerCase() + "." + UUID.randomUUID() + "@schools.example");
        data.putArray("schoolIds").add(UUID.randomUUID().toString());
        data.put("active", true);
        describe(data);
        return data;
    }

    private ConsumerRecord<String, String> record(ObjectNode educator, Instant time) {
        String educatorId = educator.get("educatorId").asText();
        Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), TYPE,
                "/plan-service", educatorId));
        headers.put("ce_time", time.toString());
        return KafkaTestClient.record(TOPIC, offset++, educatorId, headers, educator.toString());
    }

    private void consumeAll(List<ConsumerRecord<String, String>> records) {
        ListenerContext.await(vertx, () -> inbox.consumeAll(listener(), records));
    }

    private static UUID id(ObjectNode educator) {
        return UUID.fromString(educator.get("educatorId").asText());
    }

    private static UUID school(ObjectNode educator) {
        return UUID.fromString(educator.get("schoolIds").get(0).asText());
    }

    private Row educator(UUID id) {
        return database.preparedQuery("select * from educator where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }

    private String version(UUID[] ids) {
        return database.preparedQuery("select string_agg(xmin::text, ',' order by id) from educator where id = any($1)")
                .execute(Tuple.of(ids)).await().indefinitely().iterator().next().getString(0);
    }

    private long count(String sql, Object... parameters) {
        return database.preparedQuery(sql).execute(Tuple.from(List.of(parameters))).await().indefinitely().iterator()
                .next().getLong(0);
    }
}
