package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * A workshop session end to end: an admin schedules it, the facilitator marks the roster through the gateway,
 * learning-service publishes the attendance and the workshop's completion, and HR's report shows the session's credit
 * once, pro rata the minutes attended (the completion carries no credit of its own).
 */
class SessionToLedgerIT {

    private static final String LEARNING = "/api/v1/learning";
    /** jack, the demo facilitator: his educator_id in deploy/keycloak/district-realm.json. */
    private static final String JACK = "2f19c82f-f21b-3b60-adfd-a57d9495a968";

    private final TestDistrict district = new TestDistrict();

    @Test
    void theFacilitatorsRosterReachesHrsReportOnceEach() {
        district.importRoster();
        String offering = Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"title":"System test workshop %s","format":"IN_PERSON","durationMinutes":60,"creditHours":2,
                         "creditType":"CLOCK_HOUR","category":"WORKSHOP","requiredSessions":1}""".formatted(district.suffix))
                .when().post(LEARNING + "/offerings").then().statusCode(201).extract().path("id");
        Gateway.as(Tokens.user("grace")).when().post(LEARNING + "/offerings/" + offering + "/publish")
                .then().statusCode(200);
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String session = Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"startsAt":"%s","endsAt":"%s","location":"Room 12","capacity":10,"facilitatorId":"%s"}"""
                        .formatted(start, start.plus(Duration.ofHours(1)), JACK))
                .when().post(LEARNING + "/offerings/" + offering + "/sessions")
                .then().statusCode(201).body("creditHours", equalTo(2.0f)).extract().path("id");

        String roster = """
                {"attendees":[{"educatorId":"%s","minutes":45},{"educatorId":"%s"}]}"""
                .formatted(district.first.educatorId(), district.second.educatorId());
        Gateway.as(Tokens.user("alice")).contentType(ContentType.JSON).body(roster)
                .when().put(LEARNING + "/sessions/" + session + "/attendance").then().statusCode(403);
        Gateway.as(Tokens.user("jack")).contentType(ContentType.JSON).body(roster)
                .when().put(LEARNING + "/sessions/" + session + "/attendance")
                .then().statusCode(200).body("outcome", contains("RECORDED", "RECORDED"));
        Gateway.as(Tokens.user("jack")).contentType(ContentType.JSON).body(roster)
                .when().put(LEARNING + "/sessions/" + session + "/attendance")
                .then().statusCode(200).body("outcome", contains("ALREADY_RECORDED", "ALREADY_RECORDED"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, BigDecimal> totals = district.hoursAroundToday();
            assertThat(totals.get(district.first.educatorId())).isEqualByComparingTo("1.50");
            assertThat(totals.get(district.second.educatorId())).isEqualByComparingTo("2.00");
        });
        // Both completed the workshop: its course.completed reached the ledger too, and added no hours.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new Ledger(district).count()).isEqualTo(4));
    }
}
