package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * An LMS that speaks xAPI with HTTP Basic, end to end: the gateway trades its Keycloak client id and secret for a
 * token, learning-service stores the statements and turns a completion into credit, HR's report shows it once, and
 * voiding the statement takes it back out of the report. The statements are then found again by query, with paging.
 */
class XapiToLedgerIT {

    private static final String STATEMENTS = "/xapi/statements";
    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    private final TestDistrict district = new TestDistrict();

    private static RequestSpecification lms() {
        return Gateway.anonymous().auth().preemptive().basic("lms-connector", "lms-connector-secret")
                .header("X-Experience-API-Version", "1.0.3").contentType(ContentType.JSON);
    }

    @Test
    void aCompletedStatementReachesHrsReportOnceAndItsVoidingTakesItBack() {
        district.importRoster();
        String activity = "https://lms.example/system-test/" + district.suffix;
        String offering = Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"title":"xAPI system test %s","format":"ONLINE","creditHours":2.5,"creditType":"CLOCK_HOUR",
                         "category":"COURSEWORK","xapiActivityIds":["%s"]}""".formatted(district.suffix, activity))
                .when().post("/api/v1/learning/offerings").then().statusCode(201).extract().path("id");
        Gateway.as(Tokens.user("grace")).when().post("/api/v1/learning/offerings/" + offering + "/publish")
                .then().statusCode(200);

        Gateway.anonymous().header("X-Experience-API-Version", "2.0.0").contentType(ContentType.JSON)
                .body(completed(district.first.email(), activity)).when().post(STATEMENTS).then().statusCode(401);
        Gateway.anonymous().auth().preemptive().basic("lms-connector", "wrong-secret")
                .header("X-Experience-API-Version", "2.0.0").contentType(ContentType.JSON)
                .body(completed(district.first.email(), activity)).when().post(STATEMENTS).then().statusCode(401);

        String statement = completed(district.first.email(), activity);
        List<String> ids = lms().body("[" + statement + "," + completed(district.second.email(), activity) + "]")
                .when().post(STATEMENTS).then().statusCode(200).extract().path("");
        lms().body("[" + statement + "]").when().post(STATEMENTS).then().statusCode(200);
        assertThat(ids).hasSize(2);

        awaitHours(Map.of(district.first.educatorId(), "2.50", district.second.educatorId(), "2.50"));

        lms().body("""
                {"actor":{"mbox":"mailto:lms-admin@lms.example"},"verb":{"id":"%svoided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(ADL, ids.get(0)))
                .when().post(STATEMENTS).then().statusCode(200);
        awaitHours(Map.of(district.first.educatorId(), "0", district.second.educatorId(), "2.50"));

        // The query finds the second statement and the voiding one (which refers to the first), never the first.
        JsonPath page = lms().queryParam("activity", activity).queryParam("limit", 1).when().get(STATEMENTS)
                .then().statusCode(200).body("statements", hasSize(1)).extract().jsonPath();
        String more = page.getString("more");
        JsonPath next = lms().when().get(more).then().statusCode(200).body("statements", hasSize(1))
                .body("more", equalTo("")).extract().jsonPath();
        assertThat(List.of(page.getString("statements[0].verb.id"), next.getString("statements[0].verb.id")))
                .containsExactly(ADL + "voided", ADL + "completed");
        lms().queryParam("voidedStatementId", ids.get(0)).when().get(STATEMENTS).then().statusCode(200)
                .body("authority.account.name", equalTo("lms-connector"));
    }

    private String completed(String email, String activity) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:%s"},"verb":{"id":"%scompleted"},"object":{"id":"%s"},
                 "timestamp":"%s"}""".formatted(UUID.randomUUID(), email, ADL, activity, Instant.now());
    }

    private void awaitHours(Map<String, String> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, BigDecimal> totals = district.hoursAroundToday();
            expected.forEach((educator, hours) -> assertThat(totals.getOrDefault(educator, BigDecimal.ZERO))
                    .as(educator).isEqualByComparingTo(hours));
        });
    }
}
