package org.district.pd.learning.xapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.learning.Roster;
import org.district.pd.learning.Sessions;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * "attended" statements on a workshop's activity record an attendance at the session held at that time, with real
 * events on the real broker; voiding one takes the attendance back, and with it the completion it made.
 */
@QuarkusTest
class AttendedStatementTest {

    private static final String STATEMENTS = "/xapi/statements";
    private static final String LEARNING = "/api/v1/learning";
    private static final String EVENTS = "pd.learning.events";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool database;

    private static RequestSpecification lms() {
        return given().auth().oauth2(Tokens.lmsConnector()).header("X-Experience-API-Version", "2.0.0")
                .contentType(ContentType.JSON);
    }

    private static String attended(String id, String email, String activity, Instant at, String duration) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/attended"},
                 "object":{"id":"%s"},"timestamp":"%s"%s}""".formatted(id, email, activity, at,
                duration == null ? "" : ",\"result\":{\"duration\":\"" + duration + "\"}");
    }

    @Test
    void anAttendedStatementIsAnAttendanceAndItsVoidingTakesItAndTheCompletionBack() throws Exception {
        String activity = "https://lms.example/workshops/" + UUID.randomUUID();
        String offering = Sessions.workshop(null);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"activityId\":\"" + activity + "\"}")
                .when().post(LEARNING + "/offerings/" + offering + "/xapi-activities").then().statusCode(200);
        // A workshop of two required sessions: one held now, one earlier today.
        String now = Sessions.session(offering, Duration.ofMinutes(-10), 10, Sessions.JACK);
        String earlier = Sessions.session(offering, Duration.ofMinutes(-130), 10, Sessions.JACK);
        ObjectNode learner = Roster.newEducator("Ursula");
        Roster.publish(learner);
        String educatorId = learner.get("educatorId").asText();
        String email = learner.get("email").asText();
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("email", email).when().get(LEARNING + "/learners/resolve").statusCode() == 200);

        // A time no session was held at records nothing; the statement is kept all the same.
        String stray = UUID.randomUUID().toString();
        lms().body(attended(stray, email, activity, Instant.now().minus(Duration.ofDays(3)), null))
                .when().post(STATEMENTS).then().statusCode(200);
        lms().queryParam("statementId", stray).when().get(STATEMENTS).then().statusCode(200);

        String first = UUID.randomUUID().toString();
        lms().body(attended(first, email, activity, Instant.now(), "PT30M")).when().post(STATEMENTS)
                .then().statusCode(200);
        ConsumerRecord<String, String> attendance = KafkaTestClient.awaitRecord(EVENTS,
                record -> record.value().contains("\"sessionId\":\"" + now + "\"")
                        && record.value().contains(educatorId), PATIENCE);
        assertThat(KafkaTestClient.header(attendance, "ce_type")).isEqualTo("pd.learning.session.attended.v1");
        assertThat(EventContracts.violations("pd.learning.session.attended.v1", attendance.value())).isEmpty();
        assertThat(attendance.value()).contains("\"minutes\":30").contains("\"creditHours\":1.00");
        given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + now + "/roster")
                .then().statusCode(200).body("attendance[0].method", equalTo("XAPI"))
                .body("attendance[0].educatorId", equalTo(educatorId));

        // The second session, attended without a duration, counts whole and completes the workshop.
        String second = UUID.randomUUID().toString();
        lms().body(attended(second, email, activity, Instant.now().minus(Duration.ofMinutes(100)), null))
                .when().post(STATEMENTS).then().statusCode(200);
        ConsumerRecord<String, String> completed = KafkaTestClient.awaitRecord(EVENTS,
                record -> record.value().contains("\"source\":\"FACILITATOR\"")
                        && record.value().contains(educatorId), PATIENCE);
        String completionId = new ObjectMapper().readTree(completed.value())
                .get("completionId").asText();
        assertThat(count("select count(*) from attendance where educator_id = $1 and voided_at is null",
                educatorId)).isEqualTo(2);

        lms().body("""
                {"actor":{"mbox":"mailto:lms-admin@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(first))
                .when().post(STATEMENTS).then().statusCode(200);
        ConsumerRecord<String, String> voided = KafkaTestClient.awaitRecord(EVENTS,
                record -> record.value().contains("\"sessionId\":\"" + now + "\"") && record.value()
                        .contains("voidedAt"), PATIENCE);
        assertThat(KafkaTestClient.header(voided, "ce_type")).isEqualTo("pd.learning.attendance.voided.v1");
        assertThat(EventContracts.violations("pd.learning.attendance.voided.v1", voided.value())).isEmpty();
        KafkaTestClient.awaitRecord(EVENTS, record -> record.value().contains("\"completionId\":\"" + completionId
                + "\"") && record.value().contains("voidedAt"), PATIENCE);
        given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + now + "/roster")
                .then().statusCode(200).body("attendance", empty());

        // Attended again under a new statement: a new attendance, and the workshop is completed anew.
        String again = UUID.randomUUID().toString();
        lms().body(attended(again, email, activity, Instant.now().truncatedTo(ChronoUnit.SECONDS), "PT45M"))
                .when().post(STATEMENTS).then().statusCode(200);
        await().atMost(PATIENCE).until(() -> count("select count(*) from completion where educator_id = $1 "
                + "and source = 'FACILITATOR' and voided_at is null", educatorId) == 1);
        assertThat(count("select count(*) from completion where educator_id = $1 and source = 'FACILITATOR'",
                educatorId)).as("the voided completion and the new one").isEqualTo(2);
        assertThat(count("select count(*) from attendance where educator_id = $1", educatorId))
                .as("two live attendances and the voided one").isEqualTo(3);
        assertThat(count("select count(*) from attendance where session_id = $1 and voided_at is null",
                earlier)).isEqualTo(1);
    }

    @Test
    void aFutureAttendanceIsNotRecordedAndASessionWithAttendanceIsNotCancelled() {
        String activity = "https://lms.example/workshops/" + UUID.randomUUID();
        String offering = Sessions.workshop(null);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"activityId\":\"" + activity + "\"}")
                .when().post(LEARNING + "/offerings/" + offering + "/xapi-activities").then().statusCode(200);
        String soon = Sessions.session(offering, Duration.ofMinutes(10), 10, Sessions.JACK);
        ObjectNode learner = Roster.newEducator("Tove");
        Roster.publish(learner);
        String email = learner.get("email").asText();
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("email", email).when().get(LEARNING + "/learners/resolve").statusCode() == 200);

        lms().body(attended(UUID.randomUUID().toString(), email, activity, Instant.now().plus(Duration.ofMinutes(20)),
                null)).when().post(STATEMENTS).then().statusCode(200);
        assertThat(count("select count(*) from attendance where session_id = $1", soon)).isZero();
        // Check-in opens 15 minutes before: attended now counts, and the session can no longer be cancelled.
        lms().body(attended(UUID.randomUUID().toString(), email, activity, Instant.now(), null))
                .when().post(STATEMENTS).then().statusCode(200);
        assertThat(count("select count(*) from attendance where session_id = $1", soon)).isEqualTo(1);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"reason\":\"Moved\"}")
                .when().post(LEARNING + "/sessions/" + soon + "/cancellation").then().statusCode(409);
    }

    private long count(String sql, String parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(UUID.fromString(parameter))).await().indefinitely()
                .iterator().next().getLong(0);
    }
}
