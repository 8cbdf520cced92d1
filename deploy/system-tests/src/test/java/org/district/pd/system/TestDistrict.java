package org.district.pd.system;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/**
 * A school of its own for one test run, so runs never see each other's educators or hours, and the calls that set it
 * up and read it back, all through the gateway. The first two teachers have names that need CSV quoting.
 */
final class TestDistrict {

    static final String OCTOBER_FROM = "2026-10-01";
    static final String OCTOBER_TO = "2026-10-31";

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String schoolSourcedId = "sys-school-" + suffix;
    final String schoolId = uuid("org:" + schoolSourcedId);
    final Teacher first = new Teacher("sys-t1-" + suffix, "Rosa", "Parks, Jr.", "rosa." + suffix + "@sys.example");
    final Teacher second = new Teacher("sys-t2-" + suffix, "Ken", "O\"Neil", "ken." + suffix + "@sys.example");
    final List<Teacher> teachers = new ArrayList<>(List.of(first, second));

    TestDistrict() {
        this(2);
    }

    TestDistrict(int teacherCount) {
        for (int n = 3; n <= teacherCount; n++) {
            teachers.add(new Teacher("sys-t" + n + "-" + suffix, "Teacher", "Number " + n, "t" + n + "." + suffix + "@sys.example"));
        }
    }

    record Teacher(String sourcedId, String givenName, String familyName, String email) {
        String educatorId() {
            return uuid("educator:" + sourcedId);
        }
    }

    /** Imports the school and its teachers, and waits until learning-service has them from the roster topic. */
    void importRoster() {
        List<JsonPath> states = RosterImports.run(Gateway.as(Tokens.user("grace"))
                .multiPart("orgs", "orgs.csv", orgsCsv(), "text/csv")
                .multiPart("users", "users.csv", usersCsv(), "text/csv"), Duration.ofSeconds(60));
        JsonPath finished = states.get(states.size() - 1);
        assertThat(finished.getString("status")).isEqualTo("completed");
        assertThat(finished.getInt("counts.accepted")).isEqualTo(teachers.size() + 1);
        assertThat(finished.getInt("counts.rejected")).isZero();
        teachers.forEach(teacher -> awaitLearnerKnown(teacher.email()));
    }

    /**
     * A district-admin creates an offering mapped to one course of the demo LMS, which start.sh binds lms-connector to.
     * It gives {@code hours} unless the LMS reports the hours earned, up to 10.
     */
    void createOffering(String lmsCourseId, String hours, String category) {
        Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"title":"System test %1$s","format":"ONLINE","creditHours":%2$s,"variableCredit":true,
                         "maxCreditHours":10,"creditType":"CLOCK_HOUR","category":"%3$s",
                         "lmsCourses":[{"lms":"demo-lms","courseId":"%1$s"}]}""".formatted(lmsCourseId, hours, category))
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(201);
    }

    /** HR's credit-hour report for this school and October 2026: one JSON page that holds the whole school. */
    Response hrReport() {
        Response page = Gateway.as(Tokens.hrConnector())
                .queryParam("from", OCTOBER_FROM).queryParam("to", OCTOBER_TO)
                .queryParam("schoolId", schoolId).queryParam("size", 500)
                .when().get("/api/v1/plans/reports/credit-hours");
        if (page.statusCode() == 200 && page.jsonPath().getString("nextCursor") != null) {
            throw new AssertionError("this school has more teachers than one report page holds");
        }
        return page;
    }

    /** The same report as the CSV download. */
    Response hrReportCsv() {
        return Gateway.as(Tokens.hrConnector())
                .queryParam("from", OCTOBER_FROM).queryParam("to", OCTOBER_TO).queryParam("schoolId", schoolId)
                .when().get("/api/v1/plans/reports/credit-hours.csv");
    }

    /** HR's credit-hour report for this district's school from yesterday to tomorrow: total hours per educator id. */
    Map<String, BigDecimal> hoursAroundToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return totalHours(Gateway.as(Tokens.hrConnector())
                .queryParam("from", today.minusDays(1).toString()).queryParam("to", today.plusDays(1).toString())
                .queryParam("schoolId", schoolId).queryParam("size", 500)
                .when().get("/api/v1/plans/reports/credit-hours").then().statusCode(200).extract().jsonPath());
    }

    /** Total hours per educator id from the JSON report; educators without hours are absent. */
    static Map<String, BigDecimal> totalHours(JsonPath report) {
        Map<String, BigDecimal> totals = new HashMap<>();
        JsonPath exact = report.using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        for (Map<String, Object> educator : exact.<Map<String, Object>>getList("educators")) {
            totals.put((String) educator.get("educatorId"), (BigDecimal) educator.get("totalHours"));
        }
        return totals;
    }

    private void awaitLearnerKnown(String email) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Gateway.as(Tokens.lmsConnector()).queryParam("email", email)
                        .when().get("/api/v1/learning/learners/resolve").then().statusCode(200));
    }

    private byte[] orgsCsv() {
        return ("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                + schoolSourcedId + ",active,2026-08-01T00:00:00Z,System Test School " + suffix + ",school,ST-" + suffix + ",\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] usersCsv() {
        StringBuilder csv = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                + "userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,"
                + "userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,"
                + "primaryOrg,pronouns\r\n");
        teachers.forEach(teacher -> csv.append(row(teacher)));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String row(Teacher teacher) {
        return teacher.sourcedId() + ",active,2026-08-01T00:00:00Z,true," + schoolSourcedId + ",teacher," + teacher.sourcedId()
                + ",," + teacher.givenName() + "," + quote(teacher.familyName()) + ",,SIS-" + teacher.sourcedId() + ","
                + teacher.email() + ",,,,,,,,,,," + schoolSourcedId + ",\r\n";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
