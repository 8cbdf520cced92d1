package org.district.pd.credentials.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The consumers take the contracts' examples, and dead-letter what no contract describes, with the reason. */
@QuarkusTest
class ConsumerContractTest {

    @Inject
    Pool database;

    @Test
    void theExamplesAreProjected() {
        send("pd.roster.educators", EventContracts.example("pd.roster.educator.upserted.v1"));
        JsonNode coach = EventContracts.example("pd.plan.coach.assigned.v1");
        send("pd.plan.events", coach);
        UUID educator = UUID.fromString(EventContracts.example("pd.roster.educator.upserted.v1")
                .at("/data/educatorId").asText());
        await().atMost(Duration.ofSeconds(45)).until(() -> count("select count(*) from educator where id = $1",
                educator) == 1);
        UUID plan = UUID.fromString(coach.at("/data/planId").asText());
        await().atMost(Duration.ofSeconds(45)).until(() -> count(
                "select count(*) from coach_assignment where plan_id = $1 and coach_id is not null", plan) == 1);
    }

    @Test
    void anUnknownTypeIsADeadLetterWithItsReason() {
        UUID id = UUID.randomUUID();
        String teacher = UUID.randomUUID().toString();
        KafkaTestClient.send("pd.plan.events", teacher, KafkaTestClient.cloudEventHeaders(id,
                "pd.plan.teleported.v1", "/plan-service", teacher), "{}");
        ConsumerRecord<String, String> dead = KafkaTestClient.awaitRecord("pd.plan.events.credentials-service.dlq",
                record -> id.toString().equals(KafkaTestClient.header(record, "ce_id")), Duration.ofSeconds(45));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("pd.plan.teleported.v1");
    }

    @Test
    void theInvalidExampleIsADeadLetter() {
        JsonNode invalid = EventContracts.invalidExample("pd.plan.coach.assigned.v1.missing-plan-id");
        String id = send("pd.plan.events", invalid);
        ConsumerRecord<String, String> dead = KafkaTestClient.awaitRecord("pd.plan.events.credentials-service.dlq",
                record -> id.equals(KafkaTestClient.header(record, "ce_id")), Duration.ofSeconds(45));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("planId");
        assertThat(EventContracts.violations("pd.plan.coach.assigned.v1", invalid.get("data").toString()))
                .isNotEmpty();
    }

    private static String send(String topic, JsonNode example) {
        Map<String, String> headers = new HashMap<>();
        example.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        String id = UUID.randomUUID().toString();
        headers.put("ce_id", id);
        KafkaTestClient.send(topic, example.get("key").asText(), headers, example.get("data").toString());
        return id;
    }

    private long count(String sql, UUID parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next()
                .getLong(0);
    }
}
