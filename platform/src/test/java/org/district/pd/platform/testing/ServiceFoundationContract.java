package org.district.pd.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What every service owes before it has a single feature: health with its database and broker checked, the platform
 * tables migrated, the API closed to callers without a token, problem+json for unknown paths, and an outbox relay
 * that publishes whatever an earlier process left pending. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class ServiceFoundationContract {

    /** A topic of its own, so no service consumer ever sees the relay check's events. */
    private static final String RELAY_CHECK_TOPIC = "pd.platform.relay-check";

    @Inject
    Pool pool;

    /** The service's API area, as in {@code /api/v1/<area>/...}. */
    protected abstract String area();

    @Test
    void readinessIsUpWithTheDatabaseAndKafkaChecked() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Database connections health check", "Kafka connection health check"));
    }

    @Test
    void theApiNeedsAToken() {
        given().when().get("/api/v1/" + area() + "/no-such-thing").then().statusCode(401);
    }

    @Test
    void anUnknownApiPathWithAValidTokenIsA404ProblemCarryingTheCorrelationId() {
        String correlationId = "corr-" + area() + "-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.user("alice")).header("X-Correlation-Id", correlationId)
                .when().get("/api/v1/" + area() + "/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("correlationId", equalTo(correlationId));
    }

    @Test
    void thePlatformOutboxAndInboxTablesAreMigrated() {
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_name in ('outbox_event', 'inbox_event')
                order by table_name""").execute().await().indefinitely()) {
            tables.add(row.getString("table_name"));
        }
        assertThat(tables).containsExactly("inbox_event", "outbox_event");
    }

    /** A row committed by a process that died before its relay ran is still published, once, and marked sent. */
    @Test
    void anOutboxRowLeftPendingByAnEarlierProcessIsPublishedAndMarkedSent() {
        UUID id = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        pool.preparedQuery("""
                insert into outbox_event (id, topic, event_key, type, source, subject, event_time, correlation_id, payload)
                values ($1, $2, $3, 'pd.platform.relay-check.v1', '/test', $3, now() - interval '1 hour', $4, '{"check":true}')""")
                .execute(Tuple.of(id, RELAY_CHECK_TOPIC, key, "corr-relay-" + id))
                .await().indefinitely();

        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord(RELAY_CHECK_TOPIC,
                candidate -> id.toString().equals(KafkaTestClient.header(candidate, "ce_id")), Duration.ofSeconds(30));

        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo("{\"check\":true}");
        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("pd.platform.relay-check.v1");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(key);
        assertThat(Instant.parse(KafkaTestClient.header(record, "ce_time"))).isBefore(Instant.now().minusSeconds(3000));
        assertThat(KafkaTestClient.header(record, "ce_correlationid")).isEqualTo("corr-relay-" + id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sent(id))
                .as("marked sent once the broker acknowledged it").isTrue());
    }

    /** Dead letters and parked events are for district admins only; a bad query is a 400, never a 500. */
    @Test
    void deliveryAdministrationIsForDistrictAdminsOnly() {
        String admin = "/api/v1/" + area() + "/admin";
        for (String path : List.of(admin + "/dead-letters", admin + "/parked-events")) {
            given().when().get(path).then().statusCode(401);
            given().auth().oauth2(Tokens.user("alice")).when().get(path).then().statusCode(403);
            given().auth().oauth2(Tokens.hrConnector()).when().get(path).then().statusCode(403);
            given().auth().oauth2(Tokens.user("grace")).when().get(path).then().statusCode(200)
                    .body("page", equalTo(0)).body("size", equalTo(50));
            for (String size : List.of("100000", "0", "ten", "99999999999")) {
                given().auth().oauth2(Tokens.user("grace")).queryParam("size", size).when().get(path)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("violations.field", hasItems("size"));
            }
        }
        given().auth().oauth2(Tokens.user("grace")).queryParam("status", "everything").when().get(admin + "/dead-letters")
                .then().statusCode(400).body("violations.field", hasItems("status"));
        given().auth().oauth2(Tokens.user("frank")).when().post(admin + "/dead-letters/replay").then().statusCode(403);
        given().auth().oauth2(Tokens.user("grace")).when().post(admin + "/dead-letters/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("grace")).when().post(admin + "/parked-events/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("grace")).when().post(admin + "/dead-letters/not-a-uuid/replay")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItems("id"));
        given().auth().oauth2(Tokens.user("grace")).queryParam("limit", "-1").when().post(admin + "/dead-letters/replay")
                .then().statusCode(400).body("violations.field", hasItems("limit"));
    }

    private boolean sent(UUID id) {
        return pool.preparedQuery("select sent_at is not null from outbox_event where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getBoolean(0);
    }
}
