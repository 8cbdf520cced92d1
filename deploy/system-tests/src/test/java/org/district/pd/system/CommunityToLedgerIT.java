package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * A PLC meeting end to end through the gateway: jack (facilitator) starts a PLC at his school, grace (district admin)
 * makes it credit-bearing, carol joins it and checks in with the rotating code, community-service announces the
 * attendance, and HR's report shows its hour once; checking in again changes nothing.
 */
class CommunityToLedgerIT {

    private static final String COMMUNITY = "/api/v1/community";
    /** carol and her school, Roosevelt Middle, in deploy/keycloak/district-realm.json. */
    private static final String CAROL = "97c8cf48-4f58-3e80-916e-13ef39929c93";
    private static final String ROOSEVELT = "2698429a-d6a5-343b-8695-6a069b029c33";

    @Test
    void aCheckInAtACreditBearingPlcReachesHrsReportOnce() {
        String plc = Gateway.as(Tokens.user("jack")).contentType(ContentType.JSON).body("""
                {"kind":"PLC","name":"System test PLC %s","purpose":"Look at student work together",
                 "tags":["math"],"schoolId":"%s","visibility":"OPEN"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), ROOSEVELT))
                .when().post(COMMUNITY + "/communities").then().statusCode(201).extract().path("id");
        // Ledger hours are granted by the district (or the school's principal), not by the facilitator.
        Gateway.as(Tokens.user("jack")).contentType(ContentType.JSON).body("{\"creditBearing\":true}")
                .when().put(COMMUNITY + "/communities/" + plc + "/credit-bearing").then().statusCode(403);
        Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"creditBearing\":true}")
                .when().put(COMMUNITY + "/communities/" + plc + "/credit-bearing").then().statusCode(200);
        Gateway.as(Tokens.user("alice")).when().get(COMMUNITY + "/communities/" + plc).then().statusCode(404);
        Gateway.as(Tokens.user("carol")).contentType(ContentType.JSON).body("{}")
                .when().post(COMMUNITY + "/communities/" + plc + "/join").then().statusCode(200);
        String meeting = Gateway.as(Tokens.user("jack")).contentType(ContentType.JSON).body("""
                {"title":"Looking at student work","startsAt":"%s","durationMinutes":60}"""
                .formatted(Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)))
                .when().post(COMMUNITY + "/communities/" + plc + "/meetings").then().statusCode(200)
                .extract().path("meetings[0].id");
        BigDecimal before = carolHours();

        String code = Gateway.as(Tokens.user("jack")).when().get(COMMUNITY + "/meetings/" + meeting + "/check-in-code")
                .then().statusCode(200).extract().path("code");
        Gateway.as(Tokens.user("carol")).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .when().post(COMMUNITY + "/meetings/" + meeting + "/check-in").then().statusCode(200)
                .body("creditHours", equalTo(1.0f));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(carolHours()).isEqualByComparingTo(before.add(BigDecimal.ONE)));

        Gateway.as(Tokens.user("carol")).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .when().post(COMMUNITY + "/meetings/" + meeting + "/check-in").then().statusCode(409);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(carolHours()).isEqualByComparingTo(before.add(BigDecimal.ONE)));
    }

    private static BigDecimal carolHours() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BigDecimal hours = TestDistrict.totalHours(Gateway.as(Tokens.hrConnector())
                .queryParam("from", today.minusDays(1).toString()).queryParam("to", today.plusDays(1).toString())
                .queryParam("schoolId", ROOSEVELT).queryParam("size", 500)
                .when().get("/api/v1/plans/reports/credit-hours").then().statusCode(200).extract().jsonPath())
                .get(CAROL);
        return hours == null ? BigDecimal.ZERO : hours;
    }
}
