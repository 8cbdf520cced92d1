package org.district.pd.plan.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.platform.inbox.Inbox;

import org.district.pd.plan.LearningEvents;
import org.district.pd.plan.TestRoster;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.ListenerContext;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class LearningEventsListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant IN_2026 = Instant.parse("2026-03-10T15:00:00Z");

    @Inject
    Pool database;

    @Inject
    Inbox inbox;
    @Inject
    LearningEventsListener listener;
    @Inject
    Vertx vertx;

    private TestRoster roster;
    private UUID educatorId;
    private long offset = System.nanoTime();

    @BeforeEach
    void rosteredEducator() {
        roster = new TestRoster().school("north").teacher("ann", "Avery", "north");
        roster.importAsAdmin().body("status", equalTo("completed"));
        educatorId = roster.educatorId("ann");
    }

    @Test
    void theContractExampleBecomesALedgerEntry() {
        JsonNode example = EventContracts.example(LearningEvents.COMPLETED);
        ObjectNode data = ((ObjectNode) example.get("data").deepCopy());
        data.put("completionId", UUID.randomUUID().toString()).put("educatorId", educatorId.toString());
        data.put("completedAt", IN_2026.toString());
        LearningEvents.send(data);

        await().atMost(PATIENCE).until(() -> hours("COURSEWORK") != null);
        assertThat(hours("COURSEWORK")).isEqualByComparingTo(example.get("data").get("creditHours").decimalValue());
        var entry = database.preparedQuery("select * from ledger_entry where educator_id = $1").execute(Tuple.of(educatorId))
                .await().indefinitely().iterator().next();
        assertThat(entry.getString("source_ref")).isEqualTo(data.get("completionId").asText());
        assertThat(entry.getString("credit_type")).isEqualTo("CLOCK_HOUR");
        assertThat(entry.getString("activity_source")).isEqualTo("LMS");
        assertThat(entry.getOffsetDateTime("occurred_at").toInstant()).isEqualTo(IN_2026);
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        ObjectNode completion = LearningEvents.completion(educatorId, "3.5", "COURSEWORK", IN_2026);
        UUID eventId = LearningEvents.send(completion);
        LearningEvents.send(eventId, LearningEvents.COMPLETED, educatorId.toString(), completion.toString());
        // Same key, so the same partition: once this one is in, both copies before it have been processed.
        LearningEvents.send(LearningEvents.completion(educatorId, "1", "MARKER", IN_2026));

        await().atMost(PATIENCE).until(() -> hours("MARKER") != null);
        assertThat(hours("COURSEWORK")).isEqualByComparingTo("3.5");
        assertThat(count("select count(*) from ledger_entry where event_id = $1", eventId)).isEqualTo(1);
        // The inbox, not the ledger's unique event id, absorbed the copy: it was not a failure, so no dead letter.
        assertThat(count("select count(*) from dead_letter where event_id = $1", eventId)).isZero();
    }

    /**
     * The database goes away under the consumer: its connection is terminated mid-transaction, again and again, for
     * several seconds. That is an outage, not poison: readiness is down meanwhile, and the event is applied once
     * when the database is back, never dead-lettered.
     */
    @Test
    void aDatabaseThatDropsTheConsumersConnectionIsWaitedOutNotDeadLettered() throws Exception {
        ObjectNode completion = LearningEvents.completion(educatorId, "4.25", "OUTAGE", IN_2026);
        try (DatabaseOutage outage = DatabaseOutage.onLedger()) {
            UUID eventId = LearningEvents.send(completion);
            int terminated = outage.terminateWaitingBackends(Duration.ofSeconds(6));
            assertThat(terminated).as("consumer connections dropped mid-transaction").isGreaterThanOrEqualTo(3);
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Event consumers' }.status", equalTo("DOWN"));
            outage.end();

            await().atMost(PATIENCE).until(() -> hours("OUTAGE") != null);
            assertThat(hours("OUTAGE")).isEqualByComparingTo("4.25");
            assertThat(count("select count(*) from ledger_entry where event_id = $1", eventId)).isEqualTo(1);
            assertThat(count("select count(*) from dead_letter where event_id = $1", eventId)).isZero();
            await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        }
    }

    @Test
    void knownTypesWithoutUseAreConsumedNotDeadLettered() {
        UUID published = UUID.randomUUID();
        LearningEvents.send(published, "pd.learning.offering.published.v1", educatorId.toString(),
                "{\"offeringId\":\"" + UUID.randomUUID() + "\",\"title\":\"Formative Assessment\"}");
        LearningEvents.send(LearningEvents.completion(educatorId, "1", "MARKER", IN_2026));

        await().atMost(PATIENCE).until(() -> hours("MARKER") != null);
        assertThat(count("select count(*) from inbox_event where event_id = $1", published)).isEqualTo(1);
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheReasonAndTheStreamGoesOn() {
        String key = educatorId.toString();
        UUID badJson = UUID.randomUUID();
        LearningEvents.send(badJson, LearningEvents.COMPLETED, key, "{not json");
        UUID unknownType = UUID.randomUUID();
        LearningEvents.send(unknownType, "pd.learning.course.teleported.v1", key, "{}");
        UUID negativeHours = UUID.randomUUID();
        LearningEvents.send(negativeHours, LearningEvents.COMPLETED, key,
                invalid("pd.learning.course.completed.v1.negative-hours").put("educatorId", key).toString());
        UUID noEducator = UUID.randomUUID();
        LearningEvents.send(noEducator, LearningEvents.COMPLETED, key,
                invalid("pd.learning.course.completed.v1.missing-educator-id").toString());
        LearningEvents.send(LearningEvents.completion(educatorId, "2", "WORKSHOP", IN_2026));

        Map<UUID, String> reasons = deadLetterReasons(List.of(badJson, unknownType, negativeHours, noEducator));
        assertThat(reasons.get(badJson)).contains("not valid JSON");
        assertThat(reasons.get(unknownType)).contains("unknown event type 'pd.learning.course.teleported.v1'");
        assertThat(reasons.get(negativeHours)).contains("creditHours");
        assertThat(reasons.get(noEducator)).contains("educatorId");
        await().atMost(PATIENCE).until(() -> hours("WORKSHOP") != null);
        assertThat(hours("WORKSHOP")).isEqualByComparingTo("2");
        assertThat(count("select count(*) from ledger_entry where event_id = $1", negativeHours)).isZero();

        // A district admin sees them, with the reason, and a replay of poison leaves it a dead letter.
        List<Map<String, Object>> listed = given().auth().oauth2(Tokens.user("grace")).queryParam("size", 200)
                .when().get("/api/v1/plans/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> unknown = listed.stream().filter(item -> unknownType.toString().equals(item.get("eventId")))
                .findFirst().orElseThrow();
        assertThat(unknown.get("eventType")).isEqualTo("pd.learning.course.teleported.v1");
        assertThat((String) unknown.get("reason")).contains("unknown event type");
        assertThat(unknown.get("key")).isEqualTo(key);
        given().auth().oauth2(Tokens.user("grace"))
                .when().post("/api/v1/plans/admin/dead-letters/" + unknown.get("id") + "/replay")
                .then().statusCode(200)
                .body("outcome", equalTo("FAILED"))
                .body("reason", containsString("unknown event type"));
    }

    /**
     * A run of completions in one poll is written with a few statements: the same ledger entries and plan facts as
     * one at a time, a completion whose void came first (a replayed dead letter's order) reversed at once, and a
     * redelivery of the poll (a rebalance before its commit) changes nothing.
     */
    @Test
    void aPollOfCompletionsIsRecordedTogetherAsEachAloneWouldBe() {
        ObjectNode takenBack = LearningEvents.completion(educatorId, "4", "BULK", IN_2026);
        UUID voidId = UUID.randomUUID();
        consumeAll(List.of(record(voidId, "pd.learning.course.voided.v1", "{\"completionId\":\""
                + takenBack.get("completionId").asText() + "\",\"educatorId\":\"" + educatorId
                + "\",\"voidedAt\":\"2026-04-01T12:00:00Z\",\"reason\":\"test\"}")));
        ObjectNode first = LearningEvents.completion(educatorId, "2.5", "BULK", IN_2026);
        ObjectNode second = LearningEvents.completion(educatorId, "1.25", "BULK", IN_2026.plusSeconds(60));
        second.put("provider", "  Summer Institute ");
        List<ConsumerRecord<String, String>> poll = List.of(record(UUID.randomUUID(), LearningEvents.COMPLETED,
                first.toString()), record(UUID.randomUUID(), LearningEvents.COMPLETED, second.toString()),
                record(UUID.randomUUID(), LearningEvents.COMPLETED, takenBack.toString()));

        consumeAll(poll);
        // The bulk path was taken: the run's entries (the reversal with them) and its facts were each inserted by one
        // statement of one transaction. Row by row, each would carry its own command id (cmin).
        assertThat(count("select count(distinct (xmin::text, cmin::text)) from ledger_entry where educator_id = $1",
                educatorId)).isEqualTo(1);
        assertThat(count("select count(*) from ledger_entry where educator_id = $1", educatorId)).isEqualTo(4);
        assertThat(count("select count(distinct (xmin::text, cmin::text)) from educator_fact"
                + " where educator_id = $1 and kind = 'COURSE_COMPLETED'", educatorId)).isEqualTo(1);
        consumeAll(poll);

        assertThat(hours("BULK")).isEqualByComparingTo("3.75");
        var entries = database.preparedQuery("""
                select source_ref, credit_hours, activity_source, provider, occurred_at, earned_at, event_id
                from ledger_entry where educator_id = $1 order by credit_hours desc""")
                .execute(Tuple.of(educatorId)).await().indefinitely();
        List<String> rows = new ArrayList<>();
        entries.forEach(row -> rows.add(String.join(" ", row.getString("source_ref"),
                row.getBigDecimal("credit_hours").toPlainString(), row.getString("activity_source"),
                String.valueOf(row.getString("provider")), row.getOffsetDateTime("occurred_at").toInstant().toString(),
                row.getOffsetDateTime("earned_at").toInstant().toString())));
        String lms = first.get("source").asText();
        assertThat(rows).containsExactly(
                takenBack.get("completionId").asText() + " 4.00 " + lms + " " + provider(takenBack) + " " + IN_2026
                        + " " + IN_2026,
                first.get("completionId").asText() + " 2.50 " + lms + " " + provider(first) + " " + IN_2026 + " "
                        + IN_2026,
                second.get("completionId").asText() + " 1.25 " + lms + " Summer Institute " + IN_2026.plusSeconds(60)
                        + " " + IN_2026.plusSeconds(60),
                takenBack.get("completionId").asText() + " -4.00 REVERSAL " + provider(takenBack)
                        + " 2026-04-01T12:00:00Z " + IN_2026);
        assertThat(count("select count(*) from ledger_entry where event_id = $1", voidId)).isEqualTo(1);
        assertThat(count("select count(*) from ledger_feed f join ledger_entry e on e.id = f.entry_id"
                + " where e.educator_id = $1", educatorId)).isEqualTo(4);
        assertThat(count("select count(*) from educator_fact where educator_id = $1 and kind = 'COURSE_COMPLETED'",
                educatorId)).isEqualTo(3);
        var fact = database.preparedQuery("select tags::text, category, hours from educator_fact where fact_id = $1")
                .execute(Tuple.of("completion:" + first.get("completionId").asText())).await().indefinitely()
                .iterator().next();
        assertThat(fact.getString(0)).isEqualTo(first.get("competencyTags").toString().replace(",", ", "));
        assertThat(fact.getString(1)).isEqualTo("BULK");
        assertThat(fact.getBigDecimal(2)).isEqualByComparingTo("2.5");
    }

    /** A dead letter of a valid event (kept from an incident) replays into the ledger once, then changes nothing. */
    @Test
    void aReplayedDeadLetterReachesTheLedgerOnceAndAgainChangesNothing() {
        ObjectNode completion = LearningEvents.completion(educatorId, "1.75", "REPLAYED", IN_2026);
        UUID eventId = UUID.randomUUID();
        UUID deadLetter = UUID.randomUUID();
        database.preparedQuery("""
                insert into dead_letter (id, consumer, topic, partition_no, record_offset, record_key, headers, payload,
                                         event_id, event_type, reason)
                values ($1, 'plan-service', 'test.pd.learning.events', 0, -1, $2, cast($3::text as jsonb), $4, $5, $6,
                        'HibernateException: a bug since fixed')""")
                .execute(Tuple.tuple(List.of(deadLetter, educatorId.toString(), LearningEvents.headers(eventId,
                        LearningEvents.COMPLETED, educatorId.toString()), completion.toString(), eventId, LearningEvents.COMPLETED)))
                .await().indefinitely();

        for (String expected : List.of("APPLIED", "ALREADY_APPLIED")) {
            given().auth().oauth2(Tokens.user("grace"))
                    .when().post("/api/v1/plans/admin/dead-letters/" + deadLetter + "/replay")
                    .then().statusCode(200).body("outcome", equalTo(expected));
        }
        assertThat(hours("REPLAYED")).isEqualByComparingTo("1.75");
        assertThat(count("select count(*) from ledger_entry where event_id = $1", eventId)).isEqualTo(1);
        given().auth().oauth2(Tokens.user("grace")).queryParam("status", "replayed")
                .when().get("/api/v1/plans/admin/dead-letters")
                .then().statusCode(200).body("items.id", hasItem(deadLetter.toString()));
    }

    private static String provider(ObjectNode completion) {
        String provider = completion.path("provider").asText(null);
        return provider == null || provider.isBlank() ? "null" : provider.strip();
    }

    private ConsumerRecord<String, String> record(UUID eventId, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(LearningEvents.TOPIC, 0, offset++,
                educatorId.toString(), value);
        readTree(LearningEvents.headers(eventId, type, educatorId.toString())).fields().forEachRemaining(header ->
                record.headers().add(header.getKey(), header.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static JsonNode readTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void consumeAll(List<ConsumerRecord<String, String>> records) {
        ListenerContext.await(vertx, () -> inbox.consumeAll(listener, records));
    }

    private static ObjectNode invalid(String name) {
        return (ObjectNode) EventContracts.invalidExample(name).get("data").deepCopy();
    }

    /** Reads the dead-letter topic once for all the events: every new reader pays a consumer-group join. */
    private static Map<UUID, String> deadLetterReasons(List<UUID> eventIds) {
        Set<String> wanted = eventIds.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<UUID, String> reasons = new HashMap<>();
        KafkaTestClient.awaitRecords(LearningEvents.DLQ, record -> wanted.contains(KafkaTestClient.header(record, "ce_id")),
                eventIds.size(), PATIENCE).forEach(dead -> reasons.put(UUID.fromString(KafkaTestClient.header(dead, "ce_id")),
                        KafkaTestClient.header(dead, "dead-letter-reason")));
        return reasons;
    }

    /** The educator's hours in one category in 2026, as HR sees them; null when there are none. */
    private BigDecimal hours(String category) {
        String body = given().auth().oauth2(Tokens.hrConnector())
                .queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .queryParam("schoolId", roster.schoolId("north").toString())
                .when().get("/api/v1/plans/reports/credit-hours")
                .then().statusCode(200).extract().asString();
        JsonPath report = new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        return report.get("educators.find { it.educatorId == '" + educatorId + "' }.hoursByCategory." + category);
    }

    private long count(String sql, UUID id) {
        return database.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }
}
