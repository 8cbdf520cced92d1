package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A completion from the LMS reaches a teacher's license renewal: HR's license file, the renewal-status report, the
 * transcript and the ledger changes feed; all through the gateway with real tokens.
 */
class RenewalToHrIT {

    private final TestDistrict district = new TestDistrict();
    private final String course = "SYS-RN-" + district.suffix;

    @Test
    void aCompletionCountsTowardTheTeachersRenewalAndHrSeesItInEveryReport() {
        district.importRoster();
        district.createOffering(course, "6", "COURSEWORK");
        String feedStart = Gateway.as(Tokens.hrConnector()).when().get("/api/v1/plans/ledger/changes/end").then()
                .statusCode(200).extract().path("cursor");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Rosa's TX license is a year old; Ken's PA license ended last month with nothing earned: overdue.
        String licenses = "sourcedId,profile,licenseType,licenseNumber,issuedOn,expiresOn\r\n"
                + district.first.sourcedId() + ",TX,Standard,TX-" + district.suffix + "," + today.minusYears(1) + ",\r\n"
                + district.second.sourcedId() + ",PA,Level II,PA-" + district.suffix + "," + today.minusYears(5) + ","
                + today.minusMonths(1) + "\r\n"
                + "nobody-" + district.suffix + ",TX,Standard,TX-0," + today + ",\r\n";
        String rows = Gateway.as(Tokens.hrConnector())
                .multiPart("licenses", "licenses.csv", licenses.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/api/v1/plans/licenses/imports").then().statusCode(201)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1)).extract().path("rows");
        Gateway.as(Tokens.hrConnector()).when().get(rows).then().statusCode(200)
                .body("items.status", contains("accepted", "accepted", "rejected"))
                .body("items[2].field", equalTo("sourcedId"));

        String externalId = "sys-rn-" + UUID.randomUUID();
        Gateway.as(Tokens.lmsConnector()).contentType(ContentType.JSON).body("""
                {"items":[{"externalId":"%s","learner":{"email":"%s"},"lmsCourseId":"%s","completedAt":"%s"}]}"""
                .formatted(externalId, district.first.email(), course, today.minusDays(1) + "T15:00:00Z"))
                .when().post("/api/v1/learning/completions").then().statusCode(200)
                .body("items[0].status", equalTo("accepted"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                Gateway.as(Tokens.user("grace")).when()
                        .get("/api/v1/plans/educators/" + district.first.educatorId() + "/profile").then()
                        .statusCode(200).body("renewal.countedHours", equalTo(6.0f))
                        .body("renewal.remainingHours", equalTo(144.0f)).body("renewal.status", equalTo("ON_TRACK")));

        Gateway.as(Tokens.hrConnector()).queryParam("schoolId", district.schoolId)
                .when().get("/api/v1/plans/reports/renewal-status").then().statusCode(200)
                .body("educators.sourcedId", contains(district.second.sourcedId(), district.first.sourcedId()))
                .body("educators.status", contains("OVERDUE", "ON_TRACK"));
        String csv = Gateway.as(Tokens.hrConnector()).queryParam("schoolId", district.schoolId)
                .queryParam("status", "OVERDUE").when().get("/api/v1/plans/reports/renewal-status.csv").then()
                .statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("," + district.second.sourcedId() + ",").contains(",OVERDUE,PA,Level II,")
                .contains(",180.00,0.00,0.00,0.00,180.00,180.00\r\n");

        String transcript = Gateway.as(Tokens.hrConnector())
                .when().get("/api/v1/plans/educators/" + district.first.educatorId() + "/transcript.csv").then()
                .statusCode(200).extract().asString();
        assertThat(transcript.split("\r\n")).hasSize(2);
        assertThat(transcript.split("\r\n")[1]).contains(",pd.learning.course.completed.v1,LMS,")
                .contains(",COURSEWORK,CLOCK_HOUR,6.00,6.00,");

        List<String> changes = new ArrayList<>();
        feedEnd(feedStart, changes);
        assertThat(changes.stream().filter(district.first.educatorId()::equals)).hasSize(1);

        Gateway.as(Tokens.user("alice")).when().get("/api/v1/plans/ledger/changes").then().statusCode(403);
        Gateway.as(Tokens.user("alice"))
                .when().get("/api/v1/plans/educators/" + district.first.educatorId() + "/transcript").then()
                .statusCode(404);
        Gateway.anonymous().when().get("/api/v1/plans/reports/renewal-status").then().statusCode(401);
    }

    /** Reads the feed from {@code cursor} to its end, adding each entry's educator id; returns the cursor there. */
    private static String feedEnd(String cursor, List<String> educators) {
        String at = cursor;
        while (true) {
            var request = Gateway.as(Tokens.hrConnector()).queryParam("size", 2_000);
            JsonPath page = (at == null ? request : request.queryParam("cursor", at))
                    .when().get("/api/v1/plans/ledger/changes").then().statusCode(200).extract().jsonPath();
            educators.addAll(page.getList("entries.educatorId", String.class));
            at = page.getString("nextCursor");
            if (!page.getBoolean("more")) {
                return at;
            }
        }
    }
}
