package org.district.pd.learning.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.learning.Roster;
import org.district.pd.platform.inbox.Inbox;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.ListenerContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class RosterListenerTest {

    private static final String DLQ = "pd.roster.educators.learning-service.dlq";

    @Inject
    Pool database;

    @Inject
    Inbox inbox;

    @Inject
    RosterListener listener;

    @Inject
    Vertx vertx;

    private long offset;

    @Test
    void theContractExampleIsProjected() {
        JsonNode example = EventContracts.example(Roster.TYPE);
        Map<String, String> headers = new HashMap<>();
        example.get("headers").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        // A newer snapshot wins: other modules' tests publish this educator later than the example's own time.
        headers.put("ce_time", java.time.Instant.now().toString());
        KafkaTestClient.send(Roster.TOPIC, example.get("key").asText(), headers, example.get("data").toString());

        UUID educatorId = UUID.fromString(example.get("data").get("educatorId").asText());
        // Other modules' tests publish this educator too; the example, sent last, is the snapshot that stays.
        String email = example.get("data").get("email").asText();
        await().atMost(Duration.ofSeconds(45))
                .until(() -> educator(educatorId) != null && email.equals(educator(educatorId).getString("email")));
        assertThat(identities(educatorId)).isEqualTo(4);
    }

    @Test
    void anEducatorWithoutEmailOrLmsAccountsIsProjected() {
        ObjectNode snapshot = Roster.newEducator("Ola");
        snapshot.putNull("email");
        ((ObjectNode) snapshot.get("identifiers")).putNull("username").putArray("lmsAccounts");
        Roster.publish(snapshot);
        UUID educatorId = UUID.fromString(snapshot.get("educatorId").asText());
        await().atMost(Duration.ofSeconds(45)).until(() -> educator(educatorId) != null);
        assertThat(identities(educatorId)).isEqualTo(2);
    }

    /**
     * A copy of an applied event, even one that carries other data and a later time, is a no-op: only the inbox can
     * tell, as the projection alone would take the copy for the newest snapshot and then ignore the next real one.
     */
    @Test
    void aRedeliveredEventChangesNothing() {
        ObjectNode snapshot = Roster.newEducator("Ada");
        Instant first = Instant.now();
        UUID eventId = Roster.publish(UUID.randomUUID(), snapshot, first);
        UUID educatorId = UUID.fromString(snapshot.get("educatorId").asText());
        await().atMost(Duration.ofSeconds(45)).until(() -> educator(educatorId) != null);

        ObjectNode renamed = snapshot.deepCopy();
        ((ObjectNode) renamed.get("name")).put("givenName", "Changed");
        Roster.publish(eventId, renamed, first.plus(Duration.ofHours(2)));
        ObjectNode next = snapshot.deepCopy();
        ((ObjectNode) next.get("name")).put("givenName", "Bea");
        Roster.publish(UUID.randomUUID(), next, first.plus(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(45)).until(() -> "Bea".equals(educator(educatorId).getString("given_name")));
        assertThat(count("select count(*) from inbox_event where event_id = $1", eventId)).isEqualTo(1);
    }

    @Test
    void aSnapshotOlderThanTheOneHeldChangesNothing() {
        ObjectNode snapshot = Roster.newEducator("Otto");
        Instant current = Instant.now();
        Roster.publish(UUID.randomUUID(), snapshot, current);
        UUID educatorId = UUID.fromString(snapshot.get("educatorId").asText());
        await().atMost(Duration.ofSeconds(45)).until(() -> educator(educatorId) != null);

        ObjectNode stale = snapshot.deepCopy();
        ((ObjectNode) stale.get("name")).put("givenName", "Stale");
        stale.put("email", "stale." + UUID.randomUUID() + "@schools.example");
        UUID staleEvent = Roster.publish(UUID.randomUUID(), stale, current.minus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(45))
                .until(() -> count("select count(*) from inbox_event where event_id = $1", staleEvent) == 1);

        assertThat(educator(educatorId).getString("given_name")).isEqualTo("Otto");
        assertThat(count("select count(*) from learner_identity where value = $1", stale.get("email").asText())).isZero();
        assertThat(count("select count(*) from learner_identity where value = $1", snapshot.get("email").asText())).isEqualTo(1);
    }

    /**
     * A poll of snapshots: the new educators whose identities are free are written together, with one statement each
     * for their rows and their identities, a renamed one as its newest snapshot says; a snapshot that claims a held
     * identity, and an older one, get what they get alone. Delivered again, the poll changes nothing.
     */
    @Test
    void aPollIsWrittenTogetherAndSnapshotsInvolvingOthersAlone() {
        ObjectNode holder = Roster.newEducator("Hugo");
        Roster.publish(holder);
        UUID holderId = UUID.fromString(holder.get("educatorId").asText());
        await().atMost(Duration.ofSeconds(45)).until(() -> educator(holderId) != null);

        List<ObjectNode> newcomers = List.of(Roster.newEducator("Ana"), Roster.newEducator("Ben"), Roster.newEducator("Cai"));
        UUID[] newcomerIds = newcomers.stream().map(educator -> UUID.fromString(educator.get("educatorId").asText()))
                .toArray(UUID[]::new);
        ObjectNode claimant = Roster.newEducator("Dan");
        String heldEmail = holder.get("email").asText();
        claimant.put("email", heldEmail);
        UUID claimantId = UUID.fromString(claimant.get("educatorId").asText());
        ObjectNode olderHolder = holder.deepCopy();
        ((ObjectNode) olderHolder.get("name")).put("givenName", "Stale");
        ObjectNode renamed = newcomers.get(1).deepCopy();
        ((ObjectNode) renamed.get("name")).put("givenName", "Bea");
        Instant now = Instant.now();
        List<ConsumerRecord<String, String>> poll = List.of(record(newcomers.get(0), now), record(newcomers.get(1), now),
                record(claimant, now), record(olderHolder, now.minus(Duration.ofHours(1))), record(newcomers.get(2), now),
                record(renamed, now.plusSeconds(1)));

        consumeAll(poll);

        assertThat(count("select count(*) from educator where id = any($1)", newcomerIds)).isEqualTo(3);
        assertThat(count("select count(distinct (xmin::text, cmin::text)) from educator where id = any($1)", newcomerIds))
                .isEqualTo(1);
        assertThat(count("select count(*) from learner_identity where educator_id = any($1)", newcomerIds)).isEqualTo(15);
        assertThat(count("select count(distinct (xmin::text, cmin::text)) from learner_identity where educator_id = any($1)",
                newcomerIds)).isEqualTo(1);
        assertThat(educator(newcomerIds[1]).getString("given_name")).isEqualTo("Bea");
        assertThat(educator(claimantId).getString("given_name")).isEqualTo("Dan");
        assertThat(count("select count(*) from learner_identity where educator_id = $1", claimantId)).isEqualTo(4);
        assertThat(holderOf(heldEmail)).isEqualTo(holderId);
        assertThat(count("select count(*) from identity_conflict where claimant_id = $1 and resolved_at is null",
                claimantId)).isEqualTo(1);
        assertThat(educator(holderId).getString("given_name")).isEqualTo("Hugo");

        consumeAll(poll);
        assertThat(count("select count(*) from learner_identity where educator_id = any($1)", newcomerIds)).isEqualTo(15);
        assertThat(count("select count(*) from identity_conflict where claimant_id = $1", claimantId)).isEqualTo(1);
        assertThat(count("select count(*) from inbox_event where event_id = any($1)",
                poll.stream().map(record -> UUID.fromString(KafkaTestClient.header(record, "ce_id"))).toArray(UUID[]::new)))
                .isEqualTo(6);
    }

    /**
     * Educators of one poll that want the same identity end as one by one, in poll order: the first holds it, the
     * other has claimed it, whether or not the first sent two snapshots with different identities.
     */
    @Test
    void educatorsOfAPollWantingOneIdentityEndAsOneByOne() {
        String first = "shared." + UUID.randomUUID() + "@schools.example";
        ObjectNode ari = Roster.newEducator("Ari");
        ari.put("email", first);
        ObjectNode ariWithAccount = ari.deepCopy();
        ((ArrayNode) ariWithAccount.get("identifiers").get("lmsAccounts")).add("moodle:" + UUID.randomUUID());
        ObjectNode bo = Roster.newEducator("Bo");
        bo.put("email", first);

        String second = "shared." + UUID.randomUUID() + "@schools.example";
        ObjectNode fay = Roster.newEducator("Fay");
        fay.put("email", second);
        ObjectNode gus = Roster.newEducator("Gus");
        gus.put("email", second);
        ObjectNode gusWithAccount = gus.deepCopy();
        ((ArrayNode) gusWithAccount.get("identifiers").get("lmsAccounts")).add("moodle:" + UUID.randomUUID());

        Instant now = Instant.now();
        consumeAll(List.of(record(ari, now), record(ariWithAccount, now.plusSeconds(1)), record(bo, now),
                record(fay, now), record(gus, now), record(gusWithAccount, now.plusSeconds(1))));

        assertThat(holderOf(first)).isEqualTo(id(ari));
        assertThat(count("select count(*) from identity_conflict where claimant_id = $1 and resolved_at is null",
                id(bo))).isEqualTo(1);
        assertThat(holderOf(second)).isEqualTo(id(fay));
        assertThat(count("select count(*) from identity_conflict where claimant_id = $1 and resolved_at is null",
                id(gus))).isEqualTo(1);
        assertThat(count("select count(*) from learner_identity where educator_id = $1", id(ari))).isEqualTo(6);
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheStreamGoesOn() {
        String badJson = UUID.randomUUID().toString();
        KafkaTestClient.send(Roster.TOPIC, badJson, headers(badJson, Roster.TYPE), "{not json");
        String unknownType = UUID.randomUUID().toString();
        KafkaTestClient.send(Roster.TOPIC, unknownType, headers(unknownType, "pd.roster.educator.teleported.v1"), "{}");
        ObjectNode nameless = Roster.newEducator("Cy");
        nameless.remove("name");
        String namelessId = nameless.get("educatorId").asText();
        KafkaTestClient.send(Roster.TOPIC, namelessId, headers(namelessId, Roster.TYPE), nameless.toString());
        ObjectNode good = Roster.newEducator("Dee");
        Roster.publish(good);

        assertThat(reason(badJson)).contains("not valid JSON");
        assertThat(reason(unknownType)).contains("unknown event type");
        assertThat(reason(namelessId)).contains("name");
        UUID goodId = UUID.fromString(good.get("educatorId").asText());
        await().atMost(Duration.ofSeconds(45)).until(() -> educator(goodId) != null);
    }

    private ConsumerRecord<String, String> record(ObjectNode educator, Instant time) {
        String educatorId = educator.get("educatorId").asText();
        Map<String, String> headers = new HashMap<>(headers(educatorId, Roster.TYPE));
        headers.put("ce_time", time.toString());
        return KafkaTestClient.record(Roster.TOPIC, offset++, educatorId, headers, educator.toString());
    }

    private void consumeAll(List<ConsumerRecord<String, String>> records) {
        ListenerContext.await(vertx, () -> inbox.consumeAll(listener, records));
    }

    private static UUID id(ObjectNode educator) {
        return UUID.fromString(educator.get("educatorId").asText());
    }

    private UUID holderOf(String value) {
        return database.preparedQuery("select educator_id from learner_identity where value = $1")
                .execute(Tuple.of(value)).await().indefinitely().iterator().next().getUUID(0);
    }

    private static Map<String, String> headers(String subject, String type) {
        return KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), type, "/plan-service", subject);
    }

    private static String reason(String key) {
        ConsumerRecord<String, String> dead = KafkaTestClient.awaitRecord(DLQ, record -> key.equals(record.key()),
                Duration.ofSeconds(45));
        return KafkaTestClient.header(dead, "dead-letter-reason");
    }


    private Row educator(UUID id) {
        var rows = database.preparedQuery("select * from educator where id = $1").execute(Tuple.of(id)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private long identities(UUID educatorId) {
        return count("select count(*) from learner_identity where educator_id = $1", educatorId);
    }

    private long count(String sql, Object parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
