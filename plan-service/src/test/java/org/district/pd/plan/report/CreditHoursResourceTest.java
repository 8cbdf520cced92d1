package org.district.pd.plan.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.district.pd.plan.LearningEvents;
import org.district.pd.plan.TestRoster;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CreditHoursResourceTest {

    private static final String REPORT = "/api/v1/plans/reports/credit-hours";
    private static final String CSV_REPORT = REPORT + ".csv";
    private static final String LINCOLN_ES = "lincoln-es";
    private static final String LINCOLN_ORG = LINCOLN_ES
            + ",active,2026-08-01T00:00:00.000Z,Lincoln Elementary,school,DSD-0101,district-demo";
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Inject
    Pool database;

    private TestRoster roster;

    /**
     * North has Ann (also in South; a family name that needs CSV quoting), Ben (no hours) and Cal (hours only outside
     * 2026) active, and Eve inactive; South has Dee; Lia teaches at the demo district's Lincoln Elementary.
     */
    @BeforeEach
    void rosterAndLedger() {
        roster = new TestRoster();
        roster.school("north").school("south").org(LINCOLN_ORG)
                .teacher("ann", "\"Avery, \"\"Jr\"\"\"", "north", "south")
                .teacher("ben", "Brooks", "north")
                .teacher("cal", "Carter", "north")
                .user("eve", "active", "false", "Evans", roster.email("eve"), "north")
                .teacher("dee", "Dalton", "south")
                .teacher("lia", "Lopez", LINCOLN_ES);
        roster.importAsAdmin().body("status", equalTo("completed")).body("counts.rejected", equalTo(0));

        List<UUID> events = List.of(
                completed("ann", "3.5", "COURSEWORK", "2026-01-01T00:00:00Z"),
                completed("ann", "1.25", "COURSEWORK", "2026-12-31T23:59:59Z"),
                completed("ann", "2", "WORKSHOP", "2026-06-15T10:00:00Z"),
                completed("ann", "9", "WORKSHOP", "2027-01-01T00:00:00Z"),
                completed("cal", "4", "COURSEWORK", "2025-12-31T23:59:59Z"),
                completed("eve", "5", "COURSEWORK", "2026-05-01T10:00:00Z"),
                completed("dee", "1", "PLC", "2026-05-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerEntries(events) == events.size());
        // Cal holds a New York license a year into its window: 4 of 100 hours, on track.
        given().auth().oauth2(Tokens.user("grace")).contentType("application/json")
                .body(Map.of("profile", "NY", "type", "Professional", "number", "NY-" + roster.sourcedId("cal"),
                        "issuedOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1).toString()))
                .when().put("/api/v1/plans/educators/" + roster.educatorId("cal") + "/license")
                .then().statusCode(200).body("renewal.status", equalTo("ON_TRACK"));
    }

    @Test
    void jsonGivesEachActiveEducatorTheirHoursByCategory() {
        JsonPath report = asHr().queryParam("schoolId", roster.schoolId("north").toString())
                .when().get(REPORT)
                .then().statusCode(200)
                .body("from", equalTo("2026-01-01")).body("to", equalTo("2026-12-31"))
                .body("schoolId", equalTo(roster.schoolId("north").toString()))
                .body("educators.sourcedId", contains(roster.sourcedId("ann"), roster.sourcedId("ben"), roster.sourcedId("cal")))
                .extract().jsonPath();

        Map<String, Object> ann = report.getMap("educators[0]");
        assertThat(ann.get("educatorId")).isEqualTo(roster.educatorId("ann").toString());
        assertThat(ann.get("familyName")).isEqualTo("Avery, \"Jr\"");
        assertThat(ann.get("givenName")).isEqualTo("Ann");
        assertThat(ann.get("email")).isEqualTo(roster.email("ann"));
        assertThat(report.getList("educators[0].schoolIds", String.class)).containsExactlyInAnyOrder(roster.schoolId("north").toString(),
                roster.schoolId("south").toString());
        assertThat((BigDecimal) ann.get("totalHours")).isEqualByComparingTo("6.75");
        Map<String, BigDecimal> byCategory = report.getMap("educators[0].hoursByCategory", String.class, BigDecimal.class);
        assertThat(byCategory).containsOnlyKeys("COURSEWORK", "WORKSHOP");
        assertThat(byCategory.get("COURSEWORK")).isEqualByComparingTo("4.75");
        assertThat(byCategory.get("WORKSHOP")).isEqualByComparingTo("2");
        assertThat(report.getList("educators.renewalStatus")).containsExactly("NO_LICENSE", "NO_LICENSE", "ON_TRACK");
        for (int other : new int[] { 1, 2 }) {
            assertThat(report.getMap("educators[" + other + "].hoursByCategory")).isEmpty();
            assertThat(report.getObject("educators[" + other + "].totalHours", BigDecimal.class)).isEqualByComparingTo("0");
        }
    }

    /**
     * The renewal status counts the hours earned in the license's window outside the report's period, which the
     * period's hours leave out: Dee, half a year before her window ends, would be at risk without them.
     */
    @Test
    void theRenewalStatusCountsTheWindowsHoursOutsideThePeriod() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        given().auth().oauth2(Tokens.user("grace")).contentType("application/json")
                .body(Map.of("profile", "NY", "type", "Professional", "number", "NY-" + roster.sourcedId("dee"),
                        "issuedOn", today.minusYears(4).minusMonths(6).toString()))
                .when().put("/api/v1/plans/educators/" + roster.educatorId("dee") + "/license")
                .then().statusCode(200).body("renewal.status", equalTo("AT_RISK"));
        UUID earlier = completed("dee", "120", "COURSEWORK", today.minusYears(3) + "T12:00:00Z");
        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerEntries(List.of(earlier)) == 1);

        JsonPath report = given().config(DECIMALS).auth().oauth2(Tokens.hrConnector())
                .queryParam("from", today.minusYears(1).plusDays(1).toString()).queryParam("to", today.toString())
                .queryParam("schoolId", roster.schoolId("south").toString())
                .when().get(REPORT).then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("educators.sourcedId")).containsExactly(roster.sourcedId("ann"),
                roster.sourcedId("dee"));
        assertThat(report.getString("educators[1].renewalStatus")).isEqualTo("ON_TRACK");
        assertThat(report.getMap("educators[1].hoursByCategory")).doesNotContainKey("COURSEWORK");
        assertThat(report.getString("educators[0].renewalStatus")).isEqualTo("NO_LICENSE");
        given().auth().oauth2(Tokens.user("grace"))
                .when().get("/api/v1/plans/educators/" + roster.educatorId("dee") + "/profile")
                .then().statusCode(200).body("renewal.status", equalTo("ON_TRACK"));
    }

    @Test
    void csvIsStreamedWithARowPerCategoryAndQuotedFields() {
        String csv = asHr().queryParam("schoolId", roster.schoolId("north").toString())
                .when().get(CSV_REPORT)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=credit-hours-2026-01-01-2026-12-31.csv")
                .extract().asString();
        String schools = "\"" + List.of(roster.schoolId("north"), roster.schoolId("south")).stream()
                .map(UUID::toString).sorted().reduce((a, b) -> a + "," + b).orElseThrow() + "\"";
        String ann = roster.educatorId("ann") + "," + roster.sourcedId("ann") + ",\"Avery, \"\"Jr\"\"\",Ann,"
                + roster.email("ann") + "," + schools;
        assertThat(csv).isEqualTo("educator_id,sourced_id,family_name,given_name,email,school_ids,category,hours,"
                + "renewal_status\r\n"
                + ann + ",COURSEWORK,4.75,NO_LICENSE\r\n"
                + ann + ",WORKSHOP,2.00,NO_LICENSE\r\n"
                + row("ben", "Brooks", "north") + ",,0.00,NO_LICENSE\r\n"
                + row("cal", "Carter", "north") + ",,0.00,ON_TRACK\r\n");

        // The path chooses the format; asking the JSON path for CSV is a clear 406, not a silent switch.
        asHr().accept("text/csv").when().get(REPORT).then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void withoutASchoolHrSeesEveryActiveEducatorPageByPageFollowingTheCursor() {
        List<String> sourcedIds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> educatorIds = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = asHr().queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(REPORT).then().statusCode(200).body("schoolId", nullValue())
                    .extract().jsonPath();
            assertThat(page.getList("educators")).hasSizeBetween(1, 2);
            sourcedIds.addAll(page.getList("educators.sourcedId"));
            names.addAll(page.getList("educators.familyName"));
            educatorIds.addAll(page.getList("educators.educatorId"));
            BigDecimal dee = page.getObject("educators.find { it.sourcedId == '" + roster.sourcedId("dee") + "' }.totalHours",
                    BigDecimal.class);
            if (dee != null) {
                assertThat(dee).isEqualByComparingTo("1");
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(sourcedIds).contains(roster.sourcedId("ann"), roster.sourcedId("ben"), roster.sourcedId("cal"),
                roster.sourcedId("dee"), roster.sourcedId("lia")).doesNotContain(roster.sourcedId("eve"));
        assertThat(sourcedIds).doesNotHaveDuplicates();
        assertThat(names).isSortedAccordingTo(String::compareTo);
        // The CSV streams the same educators in the same order.
        List<String> ours = List.of("ann", "ben", "cal", "dee", "lia").stream()
                .map(name -> roster.educatorId(name).toString()).toList();
        String csv = asHr().when().get(CSV_REPORT).then().statusCode(200).extract().asString();
        List<String> inCsv = csv.lines().filter(line -> line.length() >= 36).map(line -> line.substring(0, 36))
                .filter(ours::contains).distinct().toList();
        assertThat(inCsv).isEqualTo(educatorIds.stream().filter(ours::contains).toList()).hasSize(5);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        given().auth().oauth2(Tokens.hrConnector()).queryParam("to", "2026-12-31").when().get(REPORT)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("from"));
        given().auth().oauth2(Tokens.hrConnector()).queryParam("from", "2026-13-01").queryParam("to", "2026-12-31")
                .when().get(REPORT)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("from"));
        given().auth().oauth2(Tokens.hrConnector()).queryParam("from", "2026-12-31").queryParam("to", "2026-01-01")
                .when().get(REPORT)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("from"));
        asHr().queryParam("schoolId", "lincoln").when().get(REPORT)
                .then().statusCode(400).body("violations.field", contains("schoolId"));
        for (String size : List.of("0", "501", "-1", "ten", "99999999999", "1e3")) {
            asHr().queryParam("size", size).when().get(REPORT)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("size"))
                    .body("violations.message", contains("must be a whole number from 1 to 500"));
        }
        for (String cursor : List.of("not-a-cursor", "AAAA", "x".repeat(3000))) {
            asHr().queryParam("cursor", cursor).when().get(REPORT)
                    .then().statusCode(400).body("violations.field", contains("cursor"));
        }
    }

    @Test
    void periodsAreBoundedToTheYears2000To2100AndTenYears() {
        period("2026-09-15", "+999999999-12-31").statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("to"))
                .body("violations.message", contains("must be between 2000-01-01 and 2100-12-31"));
        period("1999-12-31", "2026-01-01").statusCode(400).body("violations.field", contains("from"));
        period("2026-01-01", "2101-01-01").statusCode(400).body("violations.field", contains("to"));
        period("-0001-01-01", "2026-01-01").statusCode(400).body("violations.field", contains("from"));
        period("2020-01-01", "2030-01-01").statusCode(400).body("violations.field", contains("to"))
                .body("violations.message", contains("must be less than 10 years after from"));
        period("2020-01-01", "2029-12-31").statusCode(200);
        period("2000-01-01", "2000-01-01").statusCode(200);
        period("2100-12-31", "2100-12-31").statusCode(200);
    }

    @Test
    void theCsvChecksEveryParameterBeforeItsStatusAndHeaderRowGoOut() {
        for (Map<String, String> bad : List.<Map<String, String>>of(Map.of("from", "yesterday"),
                Map.of("from", "2026-01-01", "to", "+999999999-12-31"),
                Map.of("from", "2026-01-01", "to", "2026-12-31", "schoolId", "lincoln"))) {
            String body = given().auth().oauth2(Tokens.hrConnector()).queryParams(bad).when().get(CSV_REPORT)
                    .then().statusCode(400).contentType("application/problem+json").extract().asString();
            assertThat(body).doesNotContain("educator_id");
        }
    }

    @Test
    void onlyHrAdminsAndPrincipalsSeeReports() {
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").when().get(REPORT).then().statusCode(401);
        for (String token : List.of(Tokens.user("alice"), Tokens.lmsConnector())) {
            given().auth().oauth2(token).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                    .when().get(REPORT).then().statusCode(403).contentType("application/problem+json");
        }
        for (String token : List.of(Tokens.user("henry"), Tokens.user("grace"))) {
            given().auth().oauth2(token).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                    .queryParam("schoolId", roster.schoolId("south").toString())
                    .when().get(REPORT).then().statusCode(200)
                    .body("educators.sourcedId", contains(roster.sourcedId("ann"), roster.sourcedId("dee")));
        }
    }

    @Test
    void aPrincipalSeesTheirOwnSchoolOnly() {
        String lincoln = TestRoster.orgId(LINCOLN_ES).toString();
        List<String> own = asPrincipal().queryParam("schoolId", lincoln).when().get(REPORT)
                .then().statusCode(200).extract().jsonPath().getList("educators.sourcedId");
        assertThat(own).contains(roster.sourcedId("lia")).doesNotContain(roster.sourcedId("ann"));

        List<String> unscoped = asPrincipal().when().get(REPORT)
                .then().statusCode(200).body("schoolId", nullValue()).extract().jsonPath().getList("educators.sourcedId");
        assertThat(unscoped).contains(roster.sourcedId("lia")).doesNotContain(roster.sourcedId("ann"), roster.sourcedId("dee"));

        asPrincipal().queryParam("schoolId", roster.schoolId("north").toString()).when().get(REPORT)
                .then().statusCode(403).contentType("application/problem+json");
        asPrincipal().queryParam("schoolId", roster.schoolId("north").toString())
                .when().get(CSV_REPORT)
                .then().statusCode(403).contentType("application/problem+json");

        // paula leads Roosevelt and Jefferson, not Lincoln; quinn leads no school and sees no one.
        given().auth().oauth2(Tokens.user("paula")).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .queryParam("schoolId", lincoln).when().get(REPORT).then().statusCode(403);
        List<String> paulas = given().auth().oauth2(Tokens.user("paula")).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-12-31").queryParam("size", 500).when().get(REPORT).then().statusCode(200)
                .extract().jsonPath().getList("educators.sourcedId");
        assertThat(paulas).doesNotContain(roster.sourcedId("lia"), roster.sourcedId("ann"));
        given().auth().oauth2(Tokens.user("quinn")).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get(REPORT).then().statusCode(200).body("educators", org.hamcrest.Matchers.empty());
        assertThat(given().auth().oauth2(Tokens.user("quinn")).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-12-31").when().get(CSV_REPORT).then().statusCode(200).extract().asString()
                .split("\r\n")).hasSize(1);
    }

    private String row(String name, String familyName, String school) {
        return roster.educatorId(name) + "," + roster.sourcedId(name) + "," + familyName + ","
                + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "," + roster.email(name) + ","
                + roster.schoolId(school);
    }

    private RequestSpecification asHr() {
        return given().config(DECIMALS).auth().oauth2(Tokens.hrConnector())
                .queryParam("from", "2026-01-01").queryParam("to", "2026-12-31");
    }

    private ValidatableResponse period(String from, String to) {
        return given().auth().oauth2(Tokens.hrConnector()).queryParam("from", from).queryParam("to", to)
                .queryParam("schoolId", roster.schoolId("north").toString()).when().get(REPORT).then();
    }

    private RequestSpecification asPrincipal() {
        return given().auth().oauth2(Tokens.user("frank")).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31");
    }

    private UUID completed(String name, String hours, String category, String completedAt) {
        return LearningEvents.send(LearningEvents.completion(roster.educatorId(name), hours, category,
                Instant.parse(completedAt)));
    }

    private long ledgerEntries(List<UUID> eventIds) {
        return database.preparedQuery("select count(*) from ledger_entry where event_id = any($1)")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new))).await().indefinitely().iterator().next().getLong(0);
    }
}
