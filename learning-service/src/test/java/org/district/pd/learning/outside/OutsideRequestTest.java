package org.district.pd.learning.outside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Outside PD: asking, pre-approval, evidence, the principal's decision, the history and the event an approval makes. */
@QuarkusTest
class OutsideRequestTest {

    private static final String REQUESTS = "/api/v1/learning/outside-requests";
    private static final String ALICE = "ebfb6d30-f464-356c-8f76-758edbe23e38";
    private static final String CAROLS_SCHOOL = "2698429a-d6a5-343b-8695-6a069b029c33";

    static String body(LocalDate startsOn, LocalDate endsOn, boolean preApproval, String evidence) {
        return """
                {"title":"State math conference","provider":"State Council of Teachers of Mathematics",
                 "startsOn":"%s","endsOn":"%s","hours":7.5,"creditType":"CLOCK_HOUR","category":"CONFERENCE",
                 "competencyTags":["number-sense"],"preApproval":%s,"evidenceUrl":%s}"""
                .formatted(startsOn, endsOn, preApproval, evidence == null ? "null" : "\"" + evidence + "\"");
    }

    private static ValidatableResponse ask(String user, String body) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(body)
                .when().post(REQUESTS).then();
    }

    private static ValidatableResponse decide(String user, String id, String decision, String comment) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body("{\"decision\":\"" + decision + "\",\"comment\":" + (comment == null ? "null" : "\"" + comment
                        + "\"") + "}")
                .when().post(REQUESTS + "/" + id + "/decision").then();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void thePrincipalApprovesOutsidePdOnceAndTheApprovalIsACompletion() {
        ask("alice", body(today().minusDays(3), today().plusDays(1), false, "https://evidence.example/cert"))
                .statusCode(400).body("violations[0].field", equalTo("endsOn"));
        ask("alice", body(today().minusDays(3), today().minusDays(2), false, null))
                .statusCode(400).body("violations[0].field", equalTo("evidenceUrl"));
        ask("alice", body(today().minusDays(3), today().minusDays(4), false, "https://evidence.example/cert"))
                .statusCode(400).body("violations[0].field", equalTo("endsOn"));
        String id = ask("alice", body(today().minusDays(3), today().minusDays(2), false,
                "https://evidence.example/cert"))
                .statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("id");

        String completionId = decide("frank", id, "APPROVE", "Well chosen").statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("history.action", contains("SUBMITTED", "APPROVED"))
                .body("history.actor", contains("alice", "frank"))
                .body("history[1].comment", equalTo("Well chosen"))
                .body("completionId", notNullValue())
                .extract().path("completionId");
        decide("frank", id, "APPROVE", null).statusCode(409).contentType("application/problem+json");
        decide("frank", id, "DENY", "Changed my mind").statusCode(409);

        ConsumerRecord<String, String> completed = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(completionId), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(completed, "ce_type")).isEqualTo("pd.learning.course.completed.v1");
        assertThat(completed.key()).isEqualTo(ALICE);
        assertThat(EventContracts.violations("pd.learning.course.completed.v1", completed.value())).isEmpty();
        assertThat(completed.value()).contains("\"source\":\"EXTERNAL_APPROVED\"").contains("\"creditHours\":7.5")
                .contains("\"offeringId\":\"" + id + "\"").contains("\"category\":\"CONFERENCE\"");
    }

    @Test
    void preApprovalComesBeforeThePdAndTheEvidenceAfter() {
        ask("bob", body(today().minusDays(1), today(), true, null))
                .statusCode(400).body("violations[0].field", equalTo("startsOn"));
        String id = ask("bob", body(today(), today().plusDays(2), true, null))
                .statusCode(201).body("status", equalTo("PENDING_PRE_APPROVAL")).extract().path("id");
        String evidence = "{\"evidenceUrl\":\"https://evidence.example/bob\",\"hours\":6,\"endsOn\":\"%s\"}";
        given().auth().oauth2(Tokens.user("bob")).contentType(ContentType.JSON).body(evidence.formatted(today()))
                .when().post(REQUESTS + "/" + id + "/submission").then().statusCode(409);

        decide("frank", id, "APPROVE", null).statusCode(200).body("status", equalTo("PRE_APPROVED"));
        given().auth().oauth2(Tokens.user("bob")).contentType(ContentType.JSON)
                .body(evidence.formatted(today().plusDays(2)))
                .when().post(REQUESTS + "/" + id + "/submission")
                .then().statusCode(400).body("violations[0].field", equalTo("endsOn"));
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(evidence.formatted(today()))
                .when().post(REQUESTS + "/" + id + "/submission").then().statusCode(404);
        given().auth().oauth2(Tokens.user("bob")).contentType(ContentType.JSON).body(evidence.formatted(today()))
                .when().post(REQUESTS + "/" + id + "/submission")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("hours", equalTo(6))
                .body("endsOn", equalTo(today().toString()));

        decide("frank", id, "DENY", null).statusCode(400).body("violations[0].field", equalTo("comment"));
        decide("frank", id, "DENY", "The agenda shows no mathematics").statusCode(200)
                .body("status", equalTo("DENIED"))
                .body("history.action", contains("REQUESTED_PRE_APPROVAL", "PRE_APPROVED", "SUBMITTED", "DENIED"))
                .body("history.status", contains("PENDING_PRE_APPROVAL", "PRE_APPROVED", "SUBMITTED", "DENIED"));
        given().auth().oauth2(Tokens.user("bob")).when().post(REQUESTS + "/" + id + "/withdrawal")
                .then().statusCode(409);
    }

    @Test
    void eachSeesOnlyTheirOwnOrTheirSchoolsRequests() {
        String id = ask("alice", body(today().minusDays(3), today().minusDays(2), false,
                "https://evidence.example/cert")).statusCode(201).extract().path("id");
        given().when().get(REQUESTS + "/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.user("carol")).when().get(REQUESTS + "/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.user("bob")).when().get(REQUESTS + "/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.user("frank")).when().get(REQUESTS + "/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.user("henry")).when().get(REQUESTS + "/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.user("bob")).when().post(REQUESTS + "/" + id + "/withdrawal")
                .then().statusCode(404);
        decide("alice", id, "APPROVE", null).statusCode(403);
        decide("bob", id, "APPROVE", null).statusCode(403);

        given().auth().oauth2(Tokens.user("frank")).queryParam("status", "SUBMITTED").queryParam("size", "200")
                .when().get(REQUESTS).then().statusCode(200).body("id", hasItem(id))
                .body("status", everyItem(equalTo("SUBMITTED")));
        given().auth().oauth2(Tokens.user("carol")).when().get(REQUESTS).then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.user("frank")).queryParam("schoolId", CAROLS_SCHOOL)
                .when().get(REQUESTS).then().statusCode(403);
        given().auth().oauth2(Tokens.user("alice")).queryParam("size", "200")
                .when().get(REQUESTS).then().statusCode(200).body("educatorId", everyItem(equalTo(ALICE)));

        // Erin teaches at two schools: she says whose principal decides.
        ask("erin", body(today().minusDays(3), today().minusDays(2), false, "https://evidence.example/e"))
                .statusCode(400).body("violations[0].field", equalTo("schoolId"));
        given().auth().oauth2(Tokens.user("alice")).when().post(REQUESTS + "/" + id + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(Tokens.user("alice")).when().post(REQUESTS + "/" + id + "/withdrawal")
                .then().statusCode(409);
    }
}
