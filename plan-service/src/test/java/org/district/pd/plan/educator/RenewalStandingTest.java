package org.district.pd.plan.educator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.district.pd.plan.LearningEvents;
import org.district.pd.plan.TestRoster;
import org.district.pd.plan.roster.RosterIds;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Licenses, renewal standing, transcripts and the renewal-status report through real tokens, the real broker and
 * database: Lia teaches at Lincoln (frank's school), Rob at Roosevelt and Jo at Jefferson (paula's two schools);
 * quinn is a principal of no school.
 */
@QuarkusTest
class RenewalStandingTest {

    private static final String EDUCATORS = "/api/v1/plans/educators/";
    private static final String REPORT = "/api/v1/plans/reports/renewal-status";
    private static final UUID ALICE = RosterIds.educatorId("t-alice");
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    /** The district's time zone, pd.renewal.time-zone's default: its days are the renewal rules' days. */
    private static final ZoneId DISTRICT = ZoneId.of("America/New_York");
    private static final LocalDate TODAY = LocalDate.now(DISTRICT);
    /** Three years and some days into a five-year window: Lia and Rob are behind the pace, clearly at risk. */
    private static final LocalDate ISSUED = TODAY.minusYears(3).minusDays(ThreadLocalRandom.current().nextInt(200));
    /** The day Lia's and Rob's licenses end, a day before a default five-year window's, which Jo's has. */
    private static final LocalDate HIRED = TODAY.minusYears(2);
    private static final LocalDate WINDOW_END = ISSUED.plusYears(5).minusDays(2);

    private static UUID lia;
    private static UUID rob;
    private static UUID jo;
    private static UUID una;
    private static UUID pam;
    private static UUID pat;

    @Inject
    Pool database;

    /** Once per class, from the first test: RestAssured knows the test port only once a test runs. */
    private synchronized void roster() {
        if (lia != null) {
            return;
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        TestRoster.importUsers("jefferson-hs,active,2026-08-01T00:00:00.000Z,Jefferson High,school,DSD-0301,\n",
                "sourcedId,orgSourcedIds,role,givenName,familyName,email,metadata.pd.hireDate\n"
                        + "t-alice,lincoln-es,teacher,Alice,Anderson,alice@district-demo.example,\n"
                        + "lia-" + tag + ",lincoln-es,teacher,Lia,Lopez,," + HIRED + "\n"
                        + "rob-" + tag + ",roosevelt-ms,teacher,Rob,Reyes,,\n"
                        + "jo-" + tag + ",jefferson-hs,teacher,Jo,Jansen,,\n"
                        + "una-" + tag + ",roosevelt-ms,teacher,Una,Unlicensed,,\n"
                        + "pam-" + tag + ",lincoln-es,teacher,Pam,Penn,,\n"
                        + "pat-" + tag + ",lincoln-es,teacher,Pat,Price,,\n")
                .body("counts.rejected", equalTo(0));
        // Lia: 40 h of independent study (TX caps it at 30), 1.5 CEU of coursework (15 h), and 20 h before her window.
        List<UUID> events = List.of(
                completed(RosterIds.educatorId("lia-" + tag), "40", "CLOCK_HOUR", "INDEPENDENT_STUDY", ISSUED.plusDays(30)),
                completed(RosterIds.educatorId("lia-" + tag), "1.5", "CEU", "COURSEWORK", ISSUED.plusDays(60)),
                completed(RosterIds.educatorId("lia-" + tag), "20", "CLOCK_HOUR", "COURSEWORK", ISSUED.minusDays(1)));
        // Pat: one college credit, 30 hours in Pennsylvania (15 without a license).
        UUID credit = completed(RosterIds.educatorId("pat-" + tag), "1", "CREDIT", "COURSEWORK", ISSUED.plusDays(10));
        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerEntries(events) == events.size()
                && ledgerEntries(List.of(credit)) == 1);
        rob = RosterIds.educatorId("rob-" + tag);
        jo = RosterIds.educatorId("jo-" + tag);
        una = RosterIds.educatorId("una-" + tag);
        pam = RosterIds.educatorId("pam-" + tag);
        pat = RosterIds.educatorId("pat-" + tag);
        lia = RosterIds.educatorId("lia-" + tag);
        license(lia, "TX", ISSUED, WINDOW_END).statusCode(200);
        license(rob, "NY", ISSUED, WINDOW_END).statusCode(200);
        license(RosterIds.educatorId("pat-" + tag), "PA", ISSUED, WINDOW_END).statusCode(200);
    }

    @Test
    void aLicenseBindsTheTeacherToTheirProfileAndTheLedgerGivesTheirStanding() {
        roster();
        JsonPath profile = as("grace").when().get(EDUCATORS + lia + "/profile").then().statusCode(200)
                .body("educator.familyName", equalTo("Lopez")).body("educator.hireDate", equalTo(HIRED.toString()))
                .body("educator.careerStage", equalTo("novice")).body("educator.roles", contains("teacher"))
                .body("license.profile", equalTo("TX"))
                .body("license.issuedOn", equalTo(ISSUED.toString()))
                .body("renewal.status", equalTo("AT_RISK"))
                .extract().jsonPath();
        assertThat(profile.getObject("renewal.earnedHours", BigDecimal.class)).isEqualByComparingTo("55");
        assertThat(profile.getObject("renewal.countedHours", BigDecimal.class)).isEqualByComparingTo("45");
        assertThat(profile.getObject("renewal.remainingHours", BigDecimal.class)).isEqualByComparingTo("105");
        assertThat(profile.getList("renewal.categories.category")).containsExactly("COURSEWORK", "INDEPENDENT_STUDY");
        assertThat(profile.getObject("renewal.categories[1].capHours", BigDecimal.class)).isEqualByComparingTo("30");

        // Without an expiry the license lasts the profile's window.
        JsonPath defaulted = as("grace").contentType("application/json").body("""
                {"profile": "PA", "type": "Level II", "number": "PA-77", "issuedOn": "%s"}""".formatted(ISSUED))
                .when().put(EDUCATORS + jo + "/license").then().statusCode(200).extract().jsonPath();
        assertThat(defaulted.getString("license.expiresOn")).isEqualTo(ISSUED.plusYears(5).minusDays(1).toString());
        assertThat(defaulted.getObject("renewal.remainingHours", BigDecimal.class)).isEqualByComparingTo("180");
    }

    @Test
    void theCreditHoursReportConvertsEachCreditTypeUnderTheEducatorsProfile() {
        roster();
        Map<String, Object> found = onCreditHoursReport(lia);
        Map<String, Object> patsLine = onCreditHoursReport(pat);
        assertThat(new BigDecimal(String.valueOf(patsLine.get("totalHours")))).as("a PA credit is 30 hours")
                .isEqualByComparingTo("30");
        // 20 clock hours and 1.5 CEU (15 hours under TX) of coursework, 40 hours of independent study.
        assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) found.get("hoursByCategory")).get("COURSEWORK"))))
                .isEqualByComparingTo("35");
        assertThat(new BigDecimal(String.valueOf(found.get("totalHours")))).isEqualByComparingTo("75");
        assertThat(found.get("renewalStatus")).isEqualTo("AT_RISK");
    }

    @Test
    void theTeacherTheirPrincipalHrAndDistrictAdminsSeeAProfileAndNoOneElse() {
        roster();
        for (String reader : List.of("frank", "henry", "grace")) {
            as(reader).when().get(EDUCATORS + lia + "/profile").then().statusCode(200);
            as(reader).when().get(EDUCATORS + lia + "/transcript").then().statusCode(200);
        }
        for (String outOfReach : List.of("alice", "paula", "quinn", "erin")) {
            as(outOfReach).when().get(EDUCATORS + lia + "/profile").then().statusCode(404)
                    .contentType("application/problem+json");
            as(outOfReach).when().get(EDUCATORS + lia + "/transcript.csv").then().statusCode(404);
        }
        as("paula").when().get(EDUCATORS + rob + "/profile").then().statusCode(200);
        as("paula").when().get(EDUCATORS + jo + "/transcript").then().statusCode(200);
        as("ivy").when().get(EDUCATORS + lia + "/profile").then().statusCode(403);
        given().when().get(EDUCATORS + lia + "/profile").then().statusCode(401);
        as("grace").when().get(EDUCATORS + UUID.randomUUID() + "/profile").then().statusCode(404);
        as("grace").when().get(EDUCATORS + "not-a-uuid/profile").then().statusCode(400)
                .body("violations[0].field", equalTo("educatorId"));

        as("alice").when().get("/api/v1/plans/me/profile").then().statusCode(200)
                .body("educator.educatorId", equalTo(ALICE.toString())).body("educator.hireDate", nullValue());
        as("henry").when().get("/api/v1/plans/me/transcript").then().statusCode(403);
        given().when().get("/api/v1/plans/me/transcript").then().statusCode(401);
    }

    @Test
    void onlyADistrictAdminSetsALicenseAndABadOneIsA400NamingTheField() {
        roster();
        for (String notAdmin : List.of("henry", "frank", "alice")) {
            license(lia, "TX", ISSUED, WINDOW_END, notAdmin).statusCode(403);
        }
        given().contentType("application/json").body("{}").when().put(EDUCATORS + lia + "/license").then()
                .statusCode(401);
        license(lia, "ZZ", ISSUED, WINDOW_END).statusCode(400).body("violations.field", contains("profile"));
        license(lia, "TX", ISSUED, ISSUED).statusCode(400).body("violations.field", contains("expiresOn"));
        license(UUID.randomUUID(), "TX", ISSUED, WINDOW_END).statusCode(404);
        as("grace").contentType("application/json").body("""
                {"profile": "TX", "type": "", "number": "1", "issuedOn": "2026-13-01"}""")
                .when().put(EDUCATORS + lia + "/license").then().statusCode(400)
                .contentType("application/problem+json");
        as("grace").contentType("application/json").body("""
                {"profile": "TX", "type": "", "number": "1", "issuedOn": "2020-01-01"}""")
                .when().put(EDUCATORS + lia + "/license").then().statusCode(400)
                .body("violations.field", contains("type"));
    }

    @Test
    void aTranscriptListsEveryEntryInTheOrderEarnedWithTheHoursItIsWorth() {
        roster();
        JsonPath transcript = as("henry").when().get(EDUCATORS + lia + "/transcript").then().statusCode(200)
                .body("license.profile", equalTo("TX"))
                .body("entries.category", contains("COURSEWORK", "INDEPENDENT_STUDY", "COURSEWORK"))
                .body("entries.creditType", contains("CLOCK_HOUR", "CLOCK_HOUR", "CEU"))
                .body("entries.reversal", contains(false, false, false))
                .extract().jsonPath();
        assertThat(transcript.getObject("entries[2].creditHours", BigDecimal.class)).isEqualByComparingTo("1.5");
        assertThat(transcript.getObject("entries[2].hours", BigDecimal.class)).isEqualByComparingTo("15");

        String csv = as("frank").when().get(EDUCATORS + lia + "/transcript.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", startsWith("attachment; filename=transcript-lia-"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("educator_id,sourced_id,family_name,given_name,license_profile,license_number,"
                + "earned_at,recorded_at,event_type,activity_source,reference,offering_id,category,credit_type,"
                + "credit_hours,hours,provider");
        assertThat(lines[3]).startsWith(lia + ",lia-").contains(",TX,TX-").contains(",COURSEWORK,CEU,1.50,15.00,");

        as("alice").when().get("/api/v1/plans/me/transcript.csv").then().statusCode(200)
                .body(startsWith("educator_id,"));
    }

    @Test
    void theRenewalStatusReportFiltersBySchoolStatusAndWindowEndWithinTheCallersScope() {
        roster();
        // Other runs' educators may share the window's end in a database kept between runs: only ours are asserted.
        JsonPath windowed = as("henry").queryParam("windowEndFrom", WINDOW_END.toString())
                .queryParam("windowEndTo", WINDOW_END.toString()).queryParam("size", 500)
                .when().get(REPORT).then().statusCode(200).extract().jsonPath();
        assertThat(windowed.getList("educators.educatorId", String.class).stream()
                .filter(id -> List.of(lia.toString(), rob.toString(), jo.toString()).contains(id)))
                .containsExactly(lia.toString(), rob.toString());
        assertThat(windowed.getList("educators.license.expiresOn", String.class)).containsOnly(WINDOW_END.toString());
        given().auth().oauth2(Tokens.hrConnector()).queryParam("schoolId", TestRoster.orgId("roosevelt-ms").toString())
                .queryParam("windowEndFrom", WINDOW_END.toString()).queryParam("windowEndTo", WINDOW_END.toString())
                .queryParam("size", 500).when().get(REPORT).then().statusCode(200)
                .body("educators.educatorId", hasItems(rob.toString()))
                .body("educators.educatorId", org.hamcrest.Matchers.not(hasItems(lia.toString())));

        // paula leads Roosevelt and Jefferson: both, never Lincoln; a school of hers alone; another's is a 403.
        List<String> pauls = as("paula").queryParam("size", 500).when().get(REPORT).then().statusCode(200)
                .extract().jsonPath().getList("educators.educatorId");
        assertThat(pauls).contains(rob.toString(), jo.toString()).doesNotContain(lia.toString());
        as("paula").queryParam("schoolId", TestRoster.orgId("lincoln-es").toString()).when().get(REPORT).then()
                .statusCode(403).contentType("application/problem+json");
        as("quinn").when().get(REPORT).then().statusCode(200).body("educators", empty());
        as("quinn").when().get(REPORT + ".csv").then().statusCode(200).body(equalTo(
                "educator_id,sourced_id,family_name,given_name,email,school_ids,status,profile,license_type,"
                        + "license_number,window_start,window_end,required_hours,earned_hours,counted_hours,"
                        + "carry_over_hours,remaining_hours,hours_needed_per_month\r\n"));

        JsonPath unlicensed = as("henry").queryParam("status", "no_license")
                .queryParam("schoolId", TestRoster.orgId("roosevelt-ms").toString()).queryParam("size", 500)
                .when().get(REPORT).then().statusCode(200).extract().jsonPath();
        assertThat(unlicensed.getList("educators.educatorId", String.class)).contains(una.toString())
                .doesNotContain(rob.toString());
        assertThat(unlicensed.getList("educators.status", String.class)).containsOnly("NO_LICENSE");
        LocalDate before = LocalDate.now(DISTRICT);
        String csv = as("henry").queryParam("windowEndFrom", WINDOW_END.toString())
                .queryParam("windowEndTo", WINDOW_END.toString()).when().get(REPORT + ".csv").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=renewal-status.csv"))
                .extract().asString();
        LocalDate after = LocalDate.now(DISTRICT);
        List<String> ours = List.of(csv.split("\r\n")).stream().filter(line -> line.startsWith(lia.toString())).toList();
        assertThat(ours).hasSize(1);
        // The pace is per month left from the day the report was made: the district's day before or after the request.
        String hours = "," + ISSUED + "," + WINDOW_END + ",150.00,55.00,45.00,0.00,105.00,";
        assertThat(ours.get(0)).startsWith(lia + ",lia-").contains(",AT_RISK,TX,Standard,TX-").satisfiesAnyOf(
                line -> assertThat(line).endsWith(hours + perMonth(105, before)),
                line -> assertThat(line).endsWith(hours + perMonth(105, after)));

        as("henry").queryParam("status", "LATE").when().get(REPORT).then().statusCode(400)
                .body("violations.field", contains("status"));
        as("henry").queryParam("windowEndFrom", "2031-01-02").queryParam("windowEndTo", "2031-01-01")
                .when().get(REPORT).then().statusCode(400).body("violations.field", contains("windowEndFrom"));
        as("alice").when().get(REPORT).then().statusCode(403);
        given().when().get(REPORT).then().statusCode(401);
        as("henry").queryParam("cursor", "nope").when().get(REPORT).then().statusCode(400)
                .body("violations.field", contains("cursor"));
    }

    @Test
    void theReportPagesWithACursorAndMissesNoOne() {
        roster();
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            RequestSpecification request = as("henry").queryParam("windowEndFrom", WINDOW_END.toString())
                    .queryParam("windowEndTo", WINDOW_END.toString()).queryParam("size", 1);
            JsonPath answer = (cursor == null ? request : request.queryParam("cursor", cursor)).when().get(REPORT)
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(answer.getList("educators.educatorId", String.class));
            assertThat(answer.getList("educators")).hasSizeLessThanOrEqualTo(1);
            cursor = answer.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(cursor).as("the last page says so").isNull();
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(lia.toString(), rob.toString());
        as("henry").queryParam("status", "AT_RISK").queryParam("size", 500).when().get(REPORT).then()
                .statusCode(200).body("educators.educatorId", hasItems(lia.toString(), rob.toString()));
    }

    @Test
    void theWindowIsDaysOfTheDistrictAndARevocationTakesBackFromTheWindowThatCountedIt() {
        roster();
        // Pam's Pennsylvania license ran 2020-03-01 to 2025-02-28; the district's days are New York's.
        LocalDate issued = LocalDate.of(2020, 3, 1);
        LocalDate expires = LocalDate.of(2025, 2, 28);
        ObjectNode inWindow = LearningEvents.completion(pam, "2", "COURSEWORK", newYork(issued, 0, 30));
        List<UUID> events = List.of(
                LearningEvents.send(inWindow),
                LearningEvents.send(LearningEvents.completion(pam, "1", "COURSEWORK", newYork(expires, 23, 30))),
                LearningEvents.send(LearningEvents.completion(pam, "7", "COURSEWORK", newYork(expires.plusDays(1), 0, 30))),
                LearningEvents.send(LearningEvents.completion(pam, "20", "COURSEWORK", newYork(issued.minusDays(1), 23, 30))),
                LearningEvents.send(LearningEvents.completion(pam, "5", "WORKSHOP", newYork(issued.minusYears(2), 0, 30))),
                LearningEvents.send(LearningEvents.completion(pam, "150", "WORKSHOP", newYork(issued.minusYears(2).minusDays(1), 23, 30))),
                LearningEvents.send(LearningEvents.completion(pam, "100", "WORKSHOP", newYork(issued.minusYears(3), 12, 0))),
                LearningEvents.send(LearningEvents.completion(pam, "900", "WORKSHOP", newYork(issued.minusYears(5).minusDays(1), 23, 30))));
        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerEntries(events) == events.size());
        license(pam, "PA", issued, expires).statusCode(200);

        // The window counts 2 + 1 h (not the 7 the next morning). The previous window counted 275 of 180: 95
        // beyond; its last two years hold 25 (from 00:30 on the day they begin; 150 h at 23:30 the day before, which
        // is that day in UTC, are earlier), and so 25 carry over, not the 50 UTC days would give.
        JsonPath renewal = as("grace").when().get(EDUCATORS + pam + "/profile").then().statusCode(200)
                .body("renewal.status", equalTo("OVERDUE")).extract().jsonPath();
        assertThat(renewal.getObject("renewal.earnedHours", BigDecimal.class)).isEqualByComparingTo("3");
        assertThat(renewal.getObject("renewal.carryOverHours", BigDecimal.class)).isEqualByComparingTo("25");
        assertThat(renewal.getObject("renewal.countedHours", BigDecimal.class)).isEqualByComparingTo("28");

        // Voided today, long after the window: the 2 hours leave the window that counted them.
        ObjectNode voided = org.district.pd.plan.ContractEvents.example("pd.learning.course.voided.v1", pam);
        voided.put("completionId", inWindow.get("completionId").asText());
        voided.put("voidedAt", java.time.Instant.now().toString());
        org.district.pd.plan.ContractEvents.send(LearningEvents.TOPIC, "pd.learning.course.voided.v1", voided);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(as("grace").when()
                .get(EDUCATORS + pam + "/profile").then().statusCode(200).extract().jsonPath()
                .getObject("renewal.countedHours", BigDecimal.class)).isEqualByComparingTo("26"));
        as("grace").when().get(EDUCATORS + pam + "/transcript").then().statusCode(200)
                .body("entries.reversal", org.hamcrest.Matchers.hasItem(true));
    }

    /** The educator's line of HR's credit-hours report of Lincoln since before their license, read page by page. */
    private static Map<String, Object> onCreditHoursReport(UUID educator) {
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            RequestSpecification request = as("henry").queryParam("from", ISSUED.minusDays(2).toString())
                    .queryParam("to", TODAY.toString()).queryParam("schoolId", TestRoster.orgId("lincoln-es").toString())
                    .queryParam("size", 500);
            JsonPath report = (cursor == null ? request : request.queryParam("cursor", cursor))
                    .when().get("/api/v1/plans/reports/credit-hours").then().statusCode(200).extract().jsonPath();
            Map<String, Object> found = report.getMap("educators.find { it.educatorId == '" + educator + "' }");
            cursor = report.getString("nextCursor");
            if (found != null || cursor == null) {
                assertThat(found).as("%s on the report", educator).isNotNull();
                return found;
            }
        }
        throw new AssertionError(educator + " not in 50 pages of the report");
    }

    private static java.time.Instant newYork(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
    }

    /** Hours still needed per month from {@code today} through the window's last day, as the rules compute it. */
    private static String perMonth(int remaining, LocalDate today) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, WINDOW_END) + 1;
        BigDecimal months = BigDecimal.valueOf(days).divide(new BigDecimal("30.4375"), 4, java.math.RoundingMode.HALF_UP);
        return BigDecimal.valueOf(remaining).divide(months, 2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private io.restassured.response.ValidatableResponse license(UUID educator, String profile, LocalDate issued,
            LocalDate expires) {
        return license(educator, profile, issued, expires, "grace");
    }

    private io.restassured.response.ValidatableResponse license(UUID educator, String profile, LocalDate issued,
            LocalDate expires, String by) {
        return as(by).contentType("application/json").body(Map.of("profile", profile, "type", "Standard",
                "number", profile + "-" + educator.toString().substring(0, 6), "issuedOn", issued.toString(),
                "expiresOn", expires.toString()))
                .when().put(EDUCATORS + educator + "/license").then();
    }

    private static RequestSpecification as(String user) {
        return given().config(DECIMALS).auth().oauth2(Tokens.user(user));
    }

    private static UUID completed(UUID educator, String units, String creditType, String category, LocalDate on) {
        var data = LearningEvents.completion(educator, units, category, on.atTime(12, 0).toInstant(ZoneOffset.UTC));
        data.put("creditType", creditType);
        return LearningEvents.send(data);
    }

    private long ledgerEntries(List<UUID> eventIds) {
        return database.preparedQuery("select count(*) from ledger_entry where event_id = any($1)")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new))).await().indefinitely().iterator().next().getLong(0);
    }
}
