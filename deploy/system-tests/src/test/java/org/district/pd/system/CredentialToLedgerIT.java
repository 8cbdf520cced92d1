package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * A micro-credential end to end through the gateway: the district admin defines it, alice submits a file and links,
 * ivy (the demo's assessor) passes it, HR's report shows its hours, anyone verifies the Open Badge without a token,
 * and a revocation takes the hours back out of the ledger and fails the verification.
 */
class CredentialToLedgerIT {

    private static final String CREDENTIALS = "/api/v1/credentials";
    /** alice and her school, Lincoln Elementary, in deploy/keycloak/district-realm.json. */
    private static final String ALICE = "ebfb6d30-f464-356c-8f76-758edbe23e38";
    private static final String LINCOLN = "bafd1764-384a-3c8f-9104-11542913b123";
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anAwardReachesHrsReportAndItsRevocationTakesItBack() {
        String name = "System test credential " + UUID.randomUUID().toString().substring(0, 8);
        String definition = Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON).body("""
                {"kind":"MICRO_CREDENTIAL","name":"%s","competency":"Formative assessment",
                 "evidence":[{"key":"plan","kind":"LESSON_PLAN","instructions":"A plan"},
                             {"key":"video","kind":"VIDEO_LINK","instructions":"A video"}],
                 "rubric":{"criteria":[{"key":"fit","name":"Fit"}],
                           "levels":[{"score":1,"name":"Not yet"},{"score":2,"name":"Yes"}],"passing":{"minimumLevel":2}},
                 "creditHours":3,"validityMonths":24,"competencyTags":["formative-assessment"]}""".formatted(name))
                .when().post(CREDENTIALS + "/definitions").then().statusCode(201).extract().path("id");
        Gateway.as(Tokens.user("grace")).when().post(CREDENTIALS + "/definitions/" + definition + "/publication")
                .then().statusCode(200);
        Gateway.anonymous().when().get(CREDENTIALS + "/achievements?size=200").then().statusCode(200)
                .body("name", hasItem(name));
        BigDecimal before = aliceHours();

        String submission = Gateway.as(Tokens.user("alice"))
                .multiPart("submission", "submission.json", """
                        {"definitionId":"%s","artifacts":[{"requirement":"plan","file":"plan"},
                         {"requirement":"video","url":"https://video.district.example/alice/1"}]}"""
                        .formatted(definition).getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("plan", "plan.pdf", PDF, "application/pdf")
                .when().post(CREDENTIALS + "/submissions").then().statusCode(201).extract().path("id");
        String award = Gateway.as(Tokens.user("ivy")).contentType(ContentType.JSON)
                .body("{\"scores\":[{\"criterion\":\"fit\",\"level\":2,\"feedback\":\"Fits the objective\"}]}")
                .when().post(CREDENTIALS + "/submissions/" + submission + "/review").then().statusCode(200)
                .body("status", equalTo("PASSED")).extract().path("awardId");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(aliceHours()).isEqualByComparingTo(before.add(new BigDecimal("3"))));

        String jwt = Gateway.as(Tokens.user("alice")).when().get(CREDENTIALS + "/awards/" + award + "/credential.jwt")
                .then().statusCode(200).extract().asString();
        Gateway.anonymous().contentType(ContentType.TEXT).body(jwt).when().post(CREDENTIALS + "/verify").then()
                .statusCode(200).body("valid", equalTo(true));

        Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"reason\":\"System test\"}")
                .when().post(CREDENTIALS + "/awards/" + award + "/revocation").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(aliceHours()).isEqualByComparingTo(before));
        Gateway.anonymous().contentType(ContentType.TEXT).body(jwt).when().post(CREDENTIALS + "/verify").then()
                .statusCode(200).body("valid", equalTo(false))
                .body("checks.find { it.check == 'revocation' }.passed", equalTo(false));
    }

    private static BigDecimal aliceHours() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BigDecimal hours = TestDistrict.totalHours(Gateway.as(Tokens.hrConnector())
                .queryParam("from", today.minusDays(1).toString()).queryParam("to", today.plusDays(1).toString())
                .queryParam("schoolId", LINCOLN).queryParam("size", 500)
                .when().get("/api/v1/plans/reports/credit-hours").then().statusCode(200).extract().jsonPath())
                .get(ALICE);
        return hours == null ? BigDecimal.ZERO : hours;
    }
}
