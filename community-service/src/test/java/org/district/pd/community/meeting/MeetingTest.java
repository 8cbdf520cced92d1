package org.district.pd.community.meeting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.district.pd.community.Demo.BOB;
import static org.district.pd.community.Demo.CAROL;
import static org.district.pd.community.Demo.COMMUNITIES;
import static org.district.pd.community.Demo.DAN;
import static org.district.pd.community.Demo.ERIN;
import static org.district.pd.community.Demo.JACK;
import static org.district.pd.community.Demo.ROOSEVELT;
import static org.district.pd.community.Demo.community;
import static org.district.pd.community.Demo.create;
import static org.district.pd.community.Demo.createWithCredit;
import static org.district.pd.community.Requests.get;
import static org.district.pd.community.Requests.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.community.Demo;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Meetings, the schedule and attendance, down to the event on the real broker. */
@QuarkusTest
class MeetingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void roster() {
        Demo.rosterEveryone();
    }

    @Test
    void aRecurringSeriesIsScheduledAndShowsOnTheMembersSchedule() throws Exception {
        String plc = createWithCredit("jack", community("PLC", "OPEN", ROOSEVELT, false));
        post("carol", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(200);
        Instant first = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        String body = """
                {"title":"Looking at student work","agenda":"Bring three samples","startsAt":"%s",
                 "durationMinutes":60,"location":"Room 12","recurrence":"FREQ=MONTHLY;INTERVAL=2;COUNT=6"}"""
                .formatted(first);
        // Only its facilitators schedule meetings.
        post("carol", COMMUNITIES + "/" + plc + "/meetings", body).statusCode(403);
        post("jack", COMMUNITIES + "/" + plc + "/meetings", body).statusCode(200)
                .body("recurrence", equalTo("FREQ=MONTHLY;INTERVAL=2;COUNT=6")).body("meetings", hasSize(6))
                .body("meetings[0].startsAt", equalTo(first.toString()));
        get("carol", "/api/v1/community/me/schedule?from=" + first.minusSeconds(1) + "&to="
                + first.plus(Duration.ofDays(365))).statusCode(200).body("title", hasSize(6))
                .body("communityName[0]", org.hamcrest.Matchers.startsWith("PLC"));
        get("carol", "/api/v1/community/me/schedule?from=2027-01-01T00:00:00Z&to=2029-01-01T00:00:00Z")
                .statusCode(400).body("violations[0].field", equalTo("to"));
        get("carol", "/api/v1/community/me/schedule?from=+1000000000-12-31T00:00:00Z").statusCode(400)
                .body("violations[0].field", equalTo("from"));
        post("jack", COMMUNITIES + "/" + plc + "/meetings", body.replace(first.toString(),
                first.plus(Duration.ofDays(2000)).toString())).statusCode(400)
                .body("violations[0].field", equalTo("startsAt"));
        post("jack", COMMUNITIES + "/" + plc + "/meetings", body.replace("COUNT=6", "BYHOUR=9")).statusCode(400)
                .body("violations[0].field", equalTo("recurrence"));
        // Dan, at another school, sees none of it.
        get("dan", COMMUNITIES + "/" + plc + "/meetings").statusCode(404);
    }

    @Test
    void aMemberChecksInWithTheRotatingCodeAndPlanServiceHearsOfItWithItsCredit() throws Exception {
        String plc = createWithCredit("jack", community("PLC", "OPEN", ROOSEVELT, false));
        post("carol", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(200);
        String meeting = startingNow(plc, 90);
        // The code is for facilitators only; a wrong code is refused naming the field; a non-member cannot check in.
        get("carol", "/api/v1/community/meetings/" + meeting + "/check-in-code").statusCode(403);
        String code = get("jack", "/api/v1/community/meetings/" + meeting + "/check-in-code").statusCode(200)
                .extract().path("code");
        post("carol", "/api/v1/community/meetings/" + meeting + "/check-in", "{\"code\":\"000000x\"}")
                .statusCode(400).body("violations[0].field", equalTo("code"));
        post("erin", "/api/v1/community/meetings/" + meeting + "/check-in", "{\"code\":\"" + code + "\"}")
                .statusCode(403);
        post("jack", "/api/v1/community/meetings/" + meeting + "/check-in", "{\"code\":\"" + code + "\"}")
                .statusCode(403);
        String attendance = post("carol", "/api/v1/community/meetings/" + meeting + "/check-in",
                "{\"code\":\"" + code + "\"}").statusCode(200).body("minutes", equalTo(90))
                .body("creditHours", equalTo(1.5f)).body("source", equalTo("CHECK_IN")).extract().path("id");
        post("carol", "/api/v1/community/meetings/" + meeting + "/check-in", "{\"code\":\"" + code + "\"}")
                .statusCode(409);

        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord("pd.community.events",
                r -> r.value().contains(attendance), Duration.ofSeconds(30));
        assertThat(record.key()).isEqualTo(CAROL);
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("pd.community.session.attended.v1");
        assertThat(EventContracts.violations("pd.community.session.attended.v1", record.value())).isEmpty();
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.get("communityKind").asText()).isEqualTo("plc");
        assertThat(data.get("category").asText()).isEqualTo("PLC");
        assertThat(data.get("minutes").asInt()).isEqualTo(90);
        assertThat(data.get("creditHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(data.get("meetingId").asText()).isEqualTo(meeting);
    }

    @Test
    void aFacilitatorTakesTheRosterAndEachAttendeeGetsTheirOwnAnswer() {
        String plc = create("jack", community("PLC", "OPEN", ROOSEVELT, false));
        post("carol", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(200);
        post("erin", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(200);
        String meeting = startingNow(plc, 60);
        String roster = """
                {"attendees":[{"educatorId":"%s","minutes":45},{"educatorId":"%s"},{"educatorId":"%s"},
                              {"educatorId":"%s","minutes":61},{"educatorId":"%s"}]}"""
                .formatted(CAROL, ERIN, DAN, BOB, CAROL);
        post("carol", "/api/v1/community/meetings/" + meeting + "/attendance", roster).statusCode(403);
        post("jack", "/api/v1/community/meetings/" + meeting + "/attendance", roster).statusCode(200)
                .body("recorded", equalTo(2)).body("refused", equalTo(3))
                .body("results.status", contains("RECORDED", "RECORDED", "NOT_A_MEMBER", "INVALID", "DUPLICATE"))
                .body("results[0].attendance.minutes", equalTo(45))
                .body("results[0].attendance.creditHours", equalTo(0))
                .body("results[1].attendance.minutes", equalTo(60));
        post("jack", "/api/v1/community/meetings/" + meeting + "/attendance",
                "{\"attendees\":[{\"educatorId\":\"" + CAROL + "\"}]}").statusCode(200)
                .body("alreadyRecorded", equalTo(1)).body("results[0].attendance.minutes", equalTo(45));
        get("jack", "/api/v1/community/meetings/" + meeting + "/attendance").statusCode(200)
                .body("educatorId", containsInAnyOrder(CAROL, ERIN)).body("name", hasItem("Carol Demo"));
        get("erin", "/api/v1/community/meetings/" + meeting + "/attendance").statusCode(403);
        // A facilitator does not mark themselves; a meeting with attendance keeps its time.
        post("jack", "/api/v1/community/meetings/" + meeting + "/attendance",
                "{\"attendees\":[{\"educatorId\":\"" + JACK + "\"}]}").statusCode(200)
                .body("results[0].status", equalTo("SELF")).body("recorded", equalTo(0));
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}")
                .when().put("/api/v1/community/meetings/" + meeting).then().statusCode(409);
        post("jack", "/api/v1/community/meetings/" + meeting + "/attendance", "{\"attendees\":[]}")
                .statusCode(400).body("violations[0].field", equalTo("attendees"));
    }

    @Test
    void aFacilitatorVoidsAnAttendanceWithAReasonAndPlanServiceHearsOfIt() {
        String plc = createWithCredit("jack", community("PLC", "OPEN", ROOSEVELT, false));
        post("carol", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(200);
        String meeting = startingNow(plc, 60);
        String marked = post("jack", "/api/v1/community/meetings/" + meeting + "/attendance",
                "{\"attendees\":[{\"educatorId\":\"" + CAROL + "\"}]}").statusCode(200)
                .extract().path("results[0].attendance.id");
        String voidPath = "/api/v1/community/meetings/" + meeting + "/attendance/" + CAROL + "/void";
        post("carol", voidPath, "{\"reason\":\"x\"}").statusCode(403);
        post("jack", voidPath, "{}").statusCode(400).body("violations[0].field", equalTo("reason"));
        post("jack", voidPath, "{\"reason\":\"Marked the wrong Carol\"}").statusCode(200)
                .body("id", equalTo(marked)).body("voidReason", equalTo("Marked the wrong Carol"));
        post("jack", voidPath, "{\"reason\":\"again\"}").statusCode(404);

        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord("pd.community.events",
                r -> "pd.community.attendance.voided.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && r.value().contains(marked), Duration.ofSeconds(30));
        assertThat(record.key()).isEqualTo(CAROL);
        assertThat(EventContracts.violations("pd.community.attendance.voided.v1", record.value())).isEmpty();
        // Carol can be recorded again: a new attendance, in force beside the voided one.
        String again = post("jack", "/api/v1/community/meetings/" + meeting + "/attendance",
                "{\"attendees\":[{\"educatorId\":\"" + CAROL + "\",\"minutes\":30}]}").statusCode(200)
                .body("results[0].status", equalTo("RECORDED")).extract().path("results[0].attendance.id");
        assertThat(again).isNotEqualTo(marked);
        get("jack", "/api/v1/community/meetings/" + meeting + "/attendance").statusCode(200)
                .body("id", contains(again, marked)).body("voidReason[1]", equalTo("Marked the wrong Carol"));
    }

    @Test
    void aCancelledMeetingTakesNoAttendanceAndLeavesTheSchedule() {
        String plc = create("jack", community("PLC", "OPEN", ROOSEVELT, false));
        post("carol", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(200);
        String meeting = startingNow(plc, 60);
        post("jack", "/api/v1/community/meetings/" + meeting + "/cancel", "").statusCode(200);
        get("jack", "/api/v1/community/meetings/" + meeting + "/check-in-code").statusCode(409);
        get("carol", "/api/v1/community/me/schedule").statusCode(200).body("id", not(hasItem(meeting)));
        given().auth().oauth2(Tokens.user("jack")).contentType(ContentType.JSON)
                .body("{\"notes\":\"We did not meet\"}")
                .when().put("/api/v1/community/meetings/" + meeting).then().statusCode(200)
                .body("notes", equalTo("We did not meet"));
        // An archived community takes no attendance either, and its meetings still to come are cancelled.
        String other = startingNow(plc, 60);
        String later = post("jack", COMMUNITIES + "/" + plc + "/meetings", """
                {"title":"Next","startsAt":"%s","durationMinutes":60}""".formatted(Instant.now().plus(Duration.ofDays(
                7)).truncatedTo(ChronoUnit.SECONDS))).statusCode(200).extract().path("meetings[0].id");
        post("jack", COMMUNITIES + "/" + plc + "/archive", "").statusCode(200);
        get("jack", "/api/v1/community/meetings/" + other + "/check-in-code").statusCode(409);
        get("jack", "/api/v1/community/meetings/" + later).statusCode(200)
                .body("cancelledAt", org.hamcrest.Matchers.notNullValue());
    }

    /** A meeting that began a minute ago, so check-in and the roster are open. */
    private static String startingNow(String community, int minutes) {
        String body = """
                {"title":"Data meeting","startsAt":"%s","durationMinutes":%d}"""
                .formatted(Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS), minutes);
        return post("jack", COMMUNITIES + "/" + community + "/meetings", body).statusCode(200)
                .extract().path("meetings[0].id");
    }
}
