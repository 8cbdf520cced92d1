package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The first slice end to end: roster import, LMS batch, Kafka, ledger, HR report; all through the gateway. */
class CompletionToHrReportIT {

    private final TestDistrict district = new TestDistrict();
    private final String coursework = "SYS-FA-" + district.suffix;
    private final String workshop = "SYS-WS-" + district.suffix;

    @Test
    void goodCompletionsAndOnlyThoseReachTheHrReport() {
        district.importRoster();
        district.createOffering(coursework, "6", "COURSEWORK");
        district.createOffering(workshop, "2", "WORKSHOP");

        String good = "sys-" + UUID.randomUUID();
        String batch = """
                {"items":[
                  {"externalId":"%1$s","learner":{"email":"%2$s"},"lmsCourseId":"%3$s","completedAt":"2026-10-05T14:00:00Z"},
                  {"externalId":"sys2-%6$s","learner":{"sisId":"SIS-%4$s"},"lmsCourseId":"%5$s","completedAt":"2026-10-06T14:00:00Z","hours":2.5},
                  {"externalId":"%1$s","learner":{"email":"%2$s"},"lmsCourseId":"%3$s","completedAt":"2026-10-05T14:00:00Z"},
                  {"externalId":"sys3-%6$s","learner":{"email":"stranger.%6$s@sys.example"},"lmsCourseId":"%3$s","completedAt":"2026-10-07T14:00:00Z"},
                  {"externalId":"sys4-%6$s","learner":{"email":"%2$s"},"lmsCourseId":"%3$s","completedAt":"not a date"}
                ]}""".formatted(good, district.first.email(), coursework, district.second.sourcedId(), workshop,
                UUID.randomUUID());

        Gateway.as(Tokens.lmsConnector()).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200)
                .header("X-Correlation-Id", org.hamcrest.Matchers.notNullValue())
                .body("items.status", equalTo(List.of("accepted", "accepted", "duplicate", "unmatched", "rejected")))
                .body("items[4].violations[0].field", equalTo("items[4].completedAt"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath report = district.hrReport().then().statusCode(200).extract().jsonPath();
            Map<String, Object> first = educator(report, district.first.educatorId());
            Map<String, Object> second = educator(report, district.second.educatorId());
            assertThat(report.getList("educators")).hasSize(2);
            assertThat(((Number) first.get("totalHours")).doubleValue()).isEqualTo(6.0);
            assertThat(((Number) second.get("totalHours")).doubleValue()).isEqualTo(2.5);
            assertThat((Map<String, Object>) first.get("hoursByCategory")).containsOnlyKeys("COURSEWORK");
            assertThat((Map<String, Object>) second.get("hoursByCategory")).containsOnlyKeys("WORKSHOP");
        });

        String csv = district.hrReportCsv().then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        assertThat(csv).startsWith("educator_id,sourced_id,family_name,given_name,email,school_ids,category,hours,"
                + "renewal_status\r\n");
        assertThat(csv).contains(district.first.educatorId() + "," + district.first.sourcedId() + ",\"Parks, Jr.\",Rosa,");
        assertThat(csv).contains(",\"O\"\"Neil\",Ken,");
        assertThat(csv.lines()).hasSize(3);
    }

    @Test
    void theHrReportIsForHrNotForTeachers() {
        Gateway.anonymous().queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get("/api/v1/plans/reports/credit-hours").then().statusCode(401);
        Gateway.as(Tokens.user("alice")).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get("/api/v1/plans/reports/credit-hours").then().statusCode(403);
        Gateway.as(Tokens.lmsConnector()).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get("/api/v1/plans/reports/credit-hours").then().statusCode(403);
    }

    private static Map<String, Object> educator(JsonPath report, String educatorId) {
        Map<String, Object> found = report.getMap("educators.find { it.educatorId == '" + educatorId + "' }");
        assertThat(found).as("educator %s in report", educatorId).isNotNull();
        return found;
    }
}
