package org.district.pd.learning.ingestion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.learning.Roster;
import org.district.pd.learning.Catalog;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CompletionResourceTest {

    private static final String COMPLETED = "pd.learning.course.completed.v1";

    @Inject
    Pool database;

    private String courseId;
    private ObjectNode educator;

    @BeforeEach
    void catalogAndRoster() {
        courseId = "LMS-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(Catalog.offering(courseId))
                .when().post("/api/v1/learning/offerings").then().statusCode(201);
        educator = Roster.newEducator("Maya");
        Roster.publish(educator);
        awaitEducator(educator);
    }

    @Test
    void aBatchIsAnsweredItemByItem() {
        String unknownEmail = "nobody." + UUID.randomUUID() + "@schools.example";
        String good = "c-" + UUID.randomUUID();
        String batch = """
                {"items":[
                  {"externalId":"%1$s","learner":{"email":"%2$s"},"lmsCourseId":"%3$s","completedAt":"2026-10-01T15:00:00Z"},
                  {"externalId":"%1$s","learner":{"email":"%2$s"},"lmsCourseId":"%3$s","completedAt":"2026-10-01T15:00:00Z"},
                  {"externalId":"u-%4$s","learner":{"email":"%5$s"},"lmsCourseId":"%3$s","completedAt":"2026-10-02T15:00:00Z"},
                  {"externalId":"b-%4$s","learner":{"email":"%2$s"},"lmsCourseId":"%3$s","hours":-2}
                ]}""".formatted(good, email(educator), courseId, UUID.randomUUID(), unknownEmail);

        JsonPath report = given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200)
                .body("received", equalTo(4))
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("unmatched", equalTo(1))
                .body("rejected", equalTo(1))
                .body("items[0].status", equalTo("accepted"))
                .body("items[0].completionId", notNullValue())
                .body("items[1].status", equalTo("duplicate"))
                .body("items[2].status", equalTo("unmatched"))
                .body("items[2].reason", equalTo("UNKNOWN_LEARNER"))
                .body("items[3].status", equalTo("rejected"))
                .body("items[3].violations.field", hasItem("items[3].completedAt"))
                .body("items[3].violations.field", hasItem("items[3].hours"))
                .extract().jsonPath();

        String completionId = report.getString("items[0].completionId");
        ConsumerRecord<String, String> event = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(completionId), Duration.ofSeconds(30));
        assertThat(event.key()).isEqualTo(educatorId(educator));
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(COMPLETED);
        assertThat(KafkaTestClient.header(event, "ce_source")).isEqualTo("/learning-service");
        assertThat(KafkaTestClient.header(event, "ce_subject")).isEqualTo(educatorId(educator));
        assertThat(KafkaTestClient.header(event, "ce_time")).isEqualTo("2026-10-01T15:00:00Z");
        assertThat(EventContracts.violations(COMPLETED, event.value())).isEmpty();
        assertThat(event.value()).contains("\"creditHours\":6");

        given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(3))
                .body("rejected", equalTo(1));
        assertThat(count("select count(*) from completion where external_id = $1", good)).isEqualTo(1);
    }

    @Test
    void anUnknownLearnerIsHeldUntilTheRosterKnowsThem() {
        ObjectNode newcomer = Roster.newEducator("Noor");
        String externalId = "h-" + UUID.randomUUID();
        post(item(externalId, "{\"sisId\":\"" + newcomer.get("identifiers").get("sisId").asText() + "\"}", courseId, null))
                .body("items[0].status", equalTo("unmatched"))
                .body("items[0].reason", equalTo("UNKNOWN_LEARNER"));
        given().auth().oauth2(Tokens.user("grace")).when().get("/api/v1/learning/completions/unmatched?size=200")
                .then().statusCode(200).body("items.externalId", hasItem(externalId));

        Roster.publish(newcomer);

        ConsumerRecord<String, String> released = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(externalId), Duration.ofSeconds(30));
        assertThat(released.key()).isEqualTo(educatorId(newcomer));
        given().auth().oauth2(Tokens.user("grace")).when().get("/api/v1/learning/completions/unmatched?size=200")
                .then().statusCode(200).body("items.externalId", not(hasItem(externalId)));
    }

    @Test
    void anUnmappedCourseIsHeldUntilItIsMapped() {
        String unmappedCourse = "LMS-later-" + UUID.randomUUID();
        String externalId = "m-" + UUID.randomUUID();
        post(item(externalId, "{\"lmsAccount\":\"" + educator.get("identifiers").get("lmsAccounts").get(0).asText() + "\"}",
                unmappedCourse, "1.5"))
                .body("items[0].status", equalTo("unmatched"))
                .body("items[0].reason", equalTo("UNKNOWN_COURSE"));

        String offeringId = given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(Catalog.offering("LMS-" + UUID.randomUUID()))
                .when().post("/api/v1/learning/offerings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"lmsCourseId\":\"" + unmappedCourse + "\"}")
                .when().post("/api/v1/learning/offerings/" + offeringId + "/lms-courses")
                .then().statusCode(200).body("lmsCourseIds", hasItem(unmappedCourse));

        ConsumerRecord<String, String> released = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(externalId), Duration.ofSeconds(30));
        assertThat(released.value()).contains("\"creditHours\":1.5").contains(offeringId);
    }

    @Test
    void malformedBatchesAre400Problems() {
        String token = Tokens.lmsConnector();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"items\":[]}")
                .when().post("/api/v1/learning/completions")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("items"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/learning/completions")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("items"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"items\":[{\"externalId\":")
                .when().post("/api/v1/learning/completions")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"items\":\"all of them\"}")
                .when().post("/api/v1/learning/completions")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("items"));
        StringBuilder tooMany = new StringBuilder("{\"items\":[");
        for (int i = 0; i <= 1000; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{}");
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(tooMany.append("]}").toString())
                .when().post("/api/v1/learning/completions")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("items"));
    }

    @Test
    void onlyLmsIntegrationsPostCompletions() {
        String batch = "{\"items\":[" + item("x-" + UUID.randomUUID(), "{\"email\":\"a@b.example\"}", courseId, null) + "]}";
        given().contentType(ContentType.JSON).body(batch).when().post("/api/v1/learning/completions").then().statusCode(401);
        for (String token : new String[] { Tokens.user("alice"), Tokens.user("grace"), Tokens.hrConnector() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(batch)
                    .when().post("/api/v1/learning/completions").then().statusCode(403);
        }
    }

    @Test
    void onlyDistrictAdminsSeeHeldCompletions() {
        given().when().get("/api/v1/learning/completions/unmatched").then().statusCode(401);
        for (String token : new String[] { Tokens.user("alice"), Tokens.lmsConnector(), Tokens.hrConnector() }) {
            given().auth().oauth2(token).when().get("/api/v1/learning/completions/unmatched").then().statusCode(403);
        }
    }

    private io.restassured.response.ValidatableResponse post(String item) {
        return given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON).body("{\"items\":[" + item + "]}")
                .when().post("/api/v1/learning/completions").then().statusCode(200);
    }

    private static String item(String externalId, String learner, String course, String hours) {
        return """
                {"externalId":"%s","learner":%s,"lmsCourseId":"%s","completedAt":"2026-09-15T08:30:00Z"%s}"""
                .formatted(externalId, learner, course, hours == null ? "" : ",\"hours\":" + hours);
    }

    private void awaitEducator(ObjectNode snapshot) {
        await().atMost(Duration.ofSeconds(45)).until(() -> count("select count(*) from educator where id = $1",
                UUID.fromString(educatorId(snapshot))) == 1);
    }

    private long count(String sql, Object parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    private static String email(ObjectNode snapshot) {
        return snapshot.get("email").asText();
    }

    private static String educatorId(ObjectNode snapshot) {
        return snapshot.get("educatorId").asText();
    }
}
