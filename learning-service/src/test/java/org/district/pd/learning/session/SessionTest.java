package org.district.pd.learning.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.district.pd.learning.Sessions.JACK;
import static org.district.pd.learning.Sessions.checkIn;
import static org.district.pd.learning.Sessions.code;
import static org.district.pd.learning.Sessions.register;
import static org.district.pd.learning.Sessions.session;
import static org.district.pd.learning.Sessions.workshop;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.learning.Roster;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Sessions end to end against PostgreSQL, Kafka and Keycloak: seats, the waitlist, codes, roster and events. */
@QuarkusTest
class SessionTest {

    static final String BOB = "7ecef643-e5e5-30e3-8fb7-0e103c2656ec";
    static final String LINCOLN = "bafd1764-384a-3c8f-9104-11542913b123";
    private static final String LEARNING = "/api/v1/learning";

    @Test
    void aFullSessionWaitlistsAndACancellationPromotesTheFirstInLine() {
        String session = session(workshop(null), Duration.ofHours(2), 1, JACK);
        register("alice", session, "REGISTERED");
        register("alice", session, "REGISTERED");
        given().auth().oauth2(Tokens.user("bob")).when().post(LEARNING + "/sessions/" + session + "/registrations")
                .then().statusCode(200).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        given().auth().oauth2(Tokens.user("erin")).when().post(LEARNING + "/sessions/" + session + "/registrations")
                .then().statusCode(200).body("waitlistPosition", equalTo(2));
        given().auth().oauth2(Tokens.user("alice")).when().get(LEARNING + "/sessions/" + session)
                .then().statusCode(200).body("seatsLeft", equalTo(0)).body("myRegistration", equalTo("REGISTERED"));

        given().auth().oauth2(Tokens.user("alice")).when().delete(LEARNING + "/sessions/" + session + "/registrations/me")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + session + "/roster")
                .then().statusCode(200)
                .body("registrations.educatorId", contains(BOB, "22ee1145-7a6a-313a-a325-050990312d15"))
                .body("registrations.status", contains("REGISTERED", "WAITLISTED"))
                .body("registrations[1].waitlistPosition", equalTo(1))
                .body("session.seatsLeft", equalTo(0));
        given().auth().oauth2(Tokens.user("alice")).when().delete(LEARNING + "/sessions/" + session + "/registrations/me")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user("bob")).when().get(LEARNING + "/registrations/me")
                .then().statusCode(200).body("find { it.sessionId == '" + session + "' }.status", equalTo("REGISTERED"));
    }

    @Test
    void concurrentRegistrationsNeverExceedTheCapacity() throws Exception {
        String session = session(workshop(null), Duration.ofHours(2), 2, JACK);
        List<String> teachers = List.of("alice", "bob", "carol", "dan", "erin");
        Map<String, String> tokens = new HashMap<>();
        teachers.forEach(teacher -> tokens.put(teacher, Tokens.user(teacher)));
        ExecutorService pool = Executors.newFixedThreadPool(teachers.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String teacher : teachers) {
                answers.add(pool.submit(() -> given().auth().oauth2(tokens.get(teacher))
                        .when().post(LEARNING + "/sessions/" + session + "/registrations").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + session + "/roster")
                .then().statusCode(200)
                .body("registrations.status", contains("REGISTERED", "REGISTERED", "WAITLISTED", "WAITLISTED",
                        "WAITLISTED"))
                .body("registrations.waitlistPosition", contains(null, null, 1, 2, 3))
                .body("session.seatsLeft", equalTo(0));
    }

    @Test
    void whoMaySeeTheRosterAndTheCodeAndWhoMayRegister() {
        String offering = workshop(LINCOLN);
        String someoneElses = session(offering, Duration.ofMinutes(5), 10, UUID.randomUUID().toString());
        given().when().get(LEARNING + "/sessions/" + someoneElses + "/roster").then().statusCode(401);
        given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + someoneElses + "/roster")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("jack")).when()
                .get(LEARNING + "/sessions/" + someoneElses + "/check-in-code").then().statusCode(403);
        given().auth().oauth2(Tokens.user("frank")).when().get(LEARNING + "/sessions/" + someoneElses + "/roster")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.user("frank")).when()
                .get(LEARNING + "/sessions/" + someoneElses + "/check-in-code").then().statusCode(403);
        given().auth().oauth2(Tokens.user("alice")).when().get(LEARNING + "/sessions/" + someoneElses + "/roster")
                .then().statusCode(403);
        // Lincoln's workshop is for Lincoln's staff: Carol teaches elsewhere.
        given().auth().oauth2(Tokens.user("carol")).when()
                .post(LEARNING + "/sessions/" + someoneElses + "/registrations").then().statusCode(403);
        given().auth().oauth2(Tokens.lmsConnector()).when()
                .post(LEARNING + "/sessions/" + someoneElses + "/registrations").then().statusCode(403);
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body("{\"attendees\":[{\"educatorId\":\""
                + BOB + "\"}]}").when().put(LEARNING + "/sessions/" + someoneElses + "/attendance").then().statusCode(403);
        given().auth().oauth2(Tokens.user("frank")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"2026-12-01T15:00:00Z\",\"endsAt\":\"2026-12-01T16:00:00Z\",\"capacity\":5,"
                        + "\"facilitatorId\":\"" + JACK + "\"}")
                .when().post(LEARNING + "/offerings/" + offering + "/sessions")
                .then().statusCode(400).body("violations[0].field", equalTo("location"));
    }

    @Test
    void checkInTakesTheCodeOnScreenOncePerRegisteredTeacherWhileOpen() {
        String offering = workshop(null);
        String first = session(offering, Duration.ofMinutes(10), 5, JACK);
        String second = session(offering, Duration.ofMinutes(10), 5, JACK);
        String later = session(offering, Duration.ofMinutes(30), 5, JACK);
        register("bob", first, "REGISTERED");
        register("bob", second, "REGISTERED");
        register("bob", later, "REGISTERED");

        given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + later + "/check-in-code")
                .then().statusCode(409).contentType("application/problem+json");
        checkIn("bob", later, "123456").statusCode(409);
        checkIn("alice", first, code(first)).statusCode(409);
        checkIn("bob", second, code(first).equals(code(second)) ? "000000" : code(first))
                .statusCode(400).body("violations[0].field", equalTo("code"));
        checkIn("bob", first, "12ab56").statusCode(400).body("violations[0].field", equalTo("code"));

        String attendanceId = checkIn("bob", first, code(first)).statusCode(201)
                .body("method", equalTo("CHECK_IN")).body("minutes", equalTo(60)).body("creditHours", equalTo(2.0f))
                .extract().path("id");
        checkIn("bob", first, code(first)).statusCode(409);

        ConsumerRecord<String, String> attended = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(attendanceId), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(attended, "ce_type")).isEqualTo("pd.learning.session.attended.v1");
        assertThat(attended.key()).isEqualTo(BOB);
        assertThat(EventContracts.violations("pd.learning.session.attended.v1", attended.value())).isEmpty();
        assertThat(attended.value()).contains("\"sessionKind\":\"workshop\"").contains("\"creditHours\":2.00");

        // The second of two required sessions completes the workshop: one course.completed, credit already earned.
        checkIn("bob", second, code(second)).statusCode(201);
        ConsumerRecord<String, String> completed = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("sessions/" + offering + "/" + BOB), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(completed, "ce_type")).isEqualTo("pd.learning.course.completed.v1");
        assertThat(EventContracts.violations("pd.learning.course.completed.v1", completed.value())).isEmpty();
        assertThat(completed.value()).contains("\"source\":\"FACILITATOR\"").contains("\"creditHours\":0")
                .contains("\"competencyTags\":[\"number-sense\"]");
    }

    @Test
    void theFacilitatorMarksTheRosterOnceEachAndReportsWhomTheRosterDoesNotKnow() {
        String offering = workshop(null);
        String started = session(offering, Duration.ofMinutes(5), 5, JACK);
        var newcomer = Roster.newEducator("Marta");
        Roster.publish(newcomer);
        UUID martaId = UUID.fromString(newcomer.get("educatorId").asText());
        String unknown = UUID.randomUUID().toString();
        String marks = "{\"attendees\":[{\"educatorId\":\"" + martaId + "\",\"minutes\":30},{\"educatorId\":\""
                + unknown + "\"}]}";
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON).body(marks)
                .when().put(LEARNING + "/sessions/" + started + "/attendance")
                .then().statusCode(409);

        String past = pastSession(offering);
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON)
                .body("{\"attendees\":[{\"educatorId\":\"" + martaId + "\",\"minutes\":61}]}")
                .when().put(LEARNING + "/sessions/" + past + "/attendance")
                .then().statusCode(400).body("violations[0].field", equalTo("attendees[0].minutes"));
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("jack"))
                .contentType(ContentType.JSON).body(marks)
                .when().put(LEARNING + "/sessions/" + past + "/attendance")
                .then().statusCode(200).extract().path("[0].outcome").equals("RECORDED"));
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON).body(marks)
                .when().put(LEARNING + "/sessions/" + past + "/attendance")
                .then().statusCode(200)
                .body("outcome", contains("ALREADY_RECORDED", "UNKNOWN_EDUCATOR"));
        given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + past + "/roster")
                .then().statusCode(200)
                .body("attendance.educatorId", contains(martaId.toString()))
                .body("attendance[0].creditHours", equalTo(1.0f))
                .body("attendance[0].method", equalTo("FACILITATOR"));
        checkIn("bob", past, "123456").statusCode(409);
        given().auth().oauth2(Tokens.user("bob")).when().get(LEARNING + "/sessions/" + past)
                .then().statusCode(200).body("myRegistration", nullValue());
    }

    @Test
    void onlyOfferingsThatMeetHaveSessions() {
        String online = given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"title\":\"Self-paced\",\"format\":\"ONLINE\",\"creditHours\":1,\"creditType\":\"CLOCK_HOUR\","
                        + "\"category\":\"COURSEWORK\"}")
                .when().post(LEARNING + "/offerings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"2026-12-01T15:00:00Z\",\"endsAt\":\"2026-12-01T16:00:00Z\",\"location\":\"Hall\","
                        + "\"capacity\":5,\"facilitatorId\":\"" + JACK + "\"}")
                .when().post(LEARNING + "/offerings/" + online + "/sessions")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"2026-12-01T15:00:00Z\",\"endsAt\":\"2026-12-01T14:00:00Z\",\"location\":\"Hall\","
                        + "\"capacity\":0,\"facilitatorId\":\"" + JACK + "\"}")
                .when().post(LEARNING + "/offerings/" + workshop(null) + "/sessions")
                .then().statusCode(400).body("violations[0].field", equalTo("capacity"));
    }

    /** A session that began two hours ago and ended an hour ago. */
    @Test
    void theFacilitatorTakesBackAnAttendanceMarkedInErrorAndTheWorkshopItCompleted() throws Exception {
        String offering = workshop(null);
        String first = pastSession(offering);
        String second = session(offering, Duration.ofHours(-4), 5, JACK);
        var teacher = Roster.newEducator("Ines");
        Roster.publish(teacher);
        String id = teacher.get("educatorId").asText();
        String marks = "{\"attendees\":[{\"educatorId\":\"" + id + "\"}]}";
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("jack"))
                .contentType(ContentType.JSON).body(marks).when().put(LEARNING + "/sessions/" + first + "/attendance")
                .then().statusCode(200).extract().path("[0].outcome").equals("RECORDED"));
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON).body(marks)
                .when().put(LEARNING + "/sessions/" + second + "/attendance").then().statusCode(200);
        ConsumerRecord<String, String> completed = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("\"source\":\"FACILITATOR\"") && record.value().contains(id),
                Duration.ofSeconds(30));
        String completionId = new ObjectMapper().readTree(completed.value())
                .get("completionId").asText();

        String correction = "{\"educatorId\":\"" + id + "\",\"reason\":\"Marked by mistake: she was at the other "
                + "school\"}";
        given().auth().oauth2(Tokens.user("bob")).contentType(ContentType.JSON).body(correction)
                .when().post(LEARNING + "/sessions/" + first + "/attendance-corrections").then().statusCode(403);
        given().contentType(ContentType.JSON).body(correction)
                .when().post(LEARNING + "/sessions/" + first + "/attendance-corrections").then().statusCode(401);
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON)
                .body("{\"educatorId\":\"" + id + "\"}")
                .when().post(LEARNING + "/sessions/" + first + "/attendance-corrections").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON).body(correction)
                .when().post(LEARNING + "/sessions/" + first + "/attendance-corrections").then().statusCode(200)
                .body("outcome", equalTo("VOIDED"));
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON).body(correction)
                .when().post(LEARNING + "/sessions/" + first + "/attendance-corrections").then().statusCode(200)
                .body("outcome", equalTo("NOT_RECORDED"));

        ConsumerRecord<String, String> voided = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("\"sessionId\":\"" + first + "\"")
                        && record.value().contains("Marked by mistake"), Duration.ofSeconds(30));
        assertThat(EventContracts.violations("pd.learning.attendance.voided.v1", voided.value())).isEmpty();
        KafkaTestClient.awaitRecord("pd.learning.events", record -> record.value().contains("\"completionId\":\""
                + completionId + "\"") && record.value().contains("voidedAt"), Duration.ofSeconds(30));
        given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + first + "/roster")
                .then().statusCode(200).body("attendance", empty());
        // Marked again, rightly this time: present again, and the workshop completed anew.
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON).body(marks)
                .when().put(LEARNING + "/sessions/" + first + "/attendance").then().statusCode(200)
                .body("[0].outcome", equalTo("RECORDED"));
        KafkaTestClient.awaitRecord("pd.learning.events", record -> record.value().contains("\"externalRef\":\"sessions/"
                + offering + "/" + id + "/2\""), Duration.ofSeconds(30));
    }

    @Test
    void authorsRescheduleAndCancelASessionBeforeItBegins() {
        String session = session(workshop(null), Duration.ofHours(3), 1, JACK);
        register("alice", session, "REGISTERED");
        register("bob", session, "WAITLISTED");
        register("erin", session, "WAITLISTED");
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String moved = """
                {"startsAt":"%s","endsAt":"%s","location":"Library","capacity":%d,"facilitatorId":"%s"}""";
        for (String user : List.of("jack", "bob", "frank")) {
            given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                    .body(moved.formatted(start, start.plus(Duration.ofHours(1)), 2, JACK))
                    .when().put(LEARNING + "/sessions/" + session).then().statusCode(403);
        }
        // One more seat: Bob, first in line, has it; Erin still waits.
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(moved.formatted(start, start.plus(Duration.ofHours(1)), 2, JACK))
                .when().put(LEARNING + "/sessions/" + session).then().statusCode(200)
                .body("location", equalTo("Library")).body("startsAt", equalTo(start.toString()))
                .body("seatsLeft", equalTo(0));
        given().auth().oauth2(Tokens.user("bob")).when().get(LEARNING + "/sessions/" + session)
                .then().body("myRegistration", equalTo("REGISTERED"));
        given().auth().oauth2(Tokens.user("erin")).when().get(LEARNING + "/sessions/" + session)
                .then().body("myRegistration", equalTo("WAITLISTED"));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(moved.formatted(start, start.plus(Duration.ofHours(1)), 1, JACK))
                .when().put(LEARNING + "/sessions/" + session).then().statusCode(409);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(moved.formatted(start, start.minus(Duration.ofHours(1)), 2, JACK))
                .when().put(LEARNING + "/sessions/" + session).then().statusCode(400)
                .body("violations[0].field", equalTo("endsAt"));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(moved.formatted(start, start.plusSeconds(30), 2, JACK))
                .when().put(LEARNING + "/sessions/" + session).then().statusCode(400)
                .body("violations[0].field", equalTo("endsAt"));

        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{}")
                .when().post(LEARNING + "/sessions/" + session + "/cancellation").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON).body("{\"reason\":\"Snow day\"}")
                .when().post(LEARNING + "/sessions/" + session + "/cancellation").then().statusCode(403);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"reason\":\"Snow day\"}")
                .when().post(LEARNING + "/sessions/" + session + "/cancellation").then().statusCode(200)
                .body("cancelReason", equalTo("Snow day")).body("seatsLeft", equalTo(0));
        for (String user : List.of("alice", "bob", "erin")) {
            given().auth().oauth2(Tokens.user(user)).when().get(LEARNING + "/sessions/" + session)
                    .then().body("myRegistration", equalTo("CANCELLED")).body("cancelReason", equalTo("Snow day"));
        }
        given().auth().oauth2(Tokens.user("alice")).when().post(LEARNING + "/sessions/" + session + "/registrations")
                .then().statusCode(409);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"reason\":\"Again\"}")
                .when().post(LEARNING + "/sessions/" + session + "/cancellation").then().statusCode(409);

        String begun = pastSession(workshop(null));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"reason\":\"Too late\"}")
                .when().post(LEARNING + "/sessions/" + begun + "/cancellation").then().statusCode(409);
    }

    private static String pastSession(String offeringId) {
        return session(offeringId, Duration.ofHours(-2), 5, JACK);
    }
}
