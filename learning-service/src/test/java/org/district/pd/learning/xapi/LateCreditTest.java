package org.district.pd.learning.xapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.learning.Catalog;
import org.district.pd.learning.Roster;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A completed statement of a learner the roster does not know yet is held, listed for the district admin, and
 * credited once the roster names the learner's email, or an admin links the learner's LMS account. Statements about
 * an activity stored before it was mapped to an offering earn when it is.
 */
@QuarkusTest
class LateCreditTest {

    private static final String HELD = "/api/v1/learning/xapi-statements/held";
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static RequestSpecification lms() {
        return given().auth().oauth2(Tokens.lmsConnector()).header("X-Experience-API-Version", "2.0.0")
                .contentType(ContentType.JSON);
    }

    private static String mappedActivity() {
        String activity = "https://lms.example/held/" + UUID.randomUUID();
        Catalog.create("""
                {"title":"Held xAPI course","format":"ONLINE","creditHours":1.5,"creditType":"CLOCK_HOUR",
                 "category":"COURSEWORK","xapiActivityIds":["%s"]}""".formatted(activity));
        return activity;
    }

    private static String completed(String actor, String activity) {
        String id = UUID.randomUUID().toString();
        lms().body("""
                {"id":"%s","actor":%s,"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"%s"}}"""
                .formatted(id, actor, activity)).when().post("/xapi/statements").then().statusCode(200);
        return id;
    }

    @Test
    void aStatementOfANewTeacherWaitsForTheRosterAndIsCreditedOnce() {
        String activity = mappedActivity();
        ObjectNode learner = Roster.newEducator("Wanda");
        String email = learner.get("email").asText();
        String id = completed("{\"mbox\":\"mailto:" + email.toUpperCase() + "\"}", activity);
        // A statement on an activity no offering maps is stored, and not held: nothing would ever credit it.
        String unmapped = completed("{\"mbox\":\"mailto:" + email + "\"}", "https://lms.example/not-mapped/" + id);

        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 200).when().get(HELD).then().statusCode(200)
                .body("items.statementId", hasItem(id)).body("items.statementId", not(hasItem(unmapped)))
                .body("items.find { it.statementId == '" + id + "' }.email", equalTo(email.toLowerCase()));

        Roster.publish(learner);
        ConsumerRecord<String, String> credited = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("\"externalRef\":\"" + id + "\""), PATIENCE);
        assertThat(credited.key()).isEqualTo(learner.get("educatorId").asText());
        assertThat(credited.value()).contains("\"source\":\"XAPI\"").contains("\"creditHours\":1.5");
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 200).when().get(HELD).then().statusCode(200)
                .body("items.statementId", not(hasItem(id)));
    }

    @Test
    void linkingAnLmsAccountCreditsWhatWasHeldForIt() {
        Catalog.bind("lms-connector", Catalog.LMS);
        String activity = mappedActivity();
        String account = "acct-" + UUID.randomUUID();
        String id = completed("{\"account\":{\"homePage\":\"https://lms.example\",\"name\":\"" + account + "\"}}",
                activity);
        ObjectNode learner = Roster.newEducator("Yusuf");
        Roster.publish(learner);
        String educatorId = learner.get("educatorId").asText();
        await(learner.get("email").asText());

        String link = "{\"lmsAccount\":\"" + Catalog.LMS + ":" + account + "\",\"educatorId\":\"" + educatorId + "\"}";
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(link)
                .when().post("/api/v1/learning/learners/links")
                .then().statusCode(200).body("creditedCompletions", equalTo(1));
        KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("\"externalRef\":\"" + id + "\""), PATIENCE);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(link)
                .when().post("/api/v1/learning/learners/links")
                .then().statusCode(200).body("creditedCompletions", equalTo(0));
    }

    @Test
    void mappingAnActivityCreditsWhatWasStoredAboutItBefore() {
        String activity = "https://lms.example/mapped-later/" + UUID.randomUUID();
        ObjectNode known = Roster.newEducator("Zora");
        Roster.publish(known);
        await(known.get("email").asText());
        String early = completed("{\"mbox\":\"mailto:" + known.get("email").asText() + "\"}", activity);
        String stranger = "stranger." + UUID.randomUUID() + "@nowhere.example";
        String strangers = completed("{\"mbox\":\"mailto:" + stranger + "\"}", activity);
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 200).when().get(HELD).then()
                .body("items.statementId", not(hasItem(strangers)));

        String offering = Catalog.create("""
                {"title":"Mapped later","format":"ONLINE","creditHours":2,"creditType":"CLOCK_HOUR",
                 "category":"COURSEWORK"}""");
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"activityId\":\"" + activity + "\"}")
                .when().post("/api/v1/learning/offerings/" + offering + "/xapi-activities").then().statusCode(200);
        ConsumerRecord<String, String> credited = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("\"externalRef\":\"" + early + "\""), PATIENCE);
        assertThat(credited.value()).contains("\"offeringId\":\"" + offering + "\"");
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 200).when().get(HELD).then()
                .body("items.statementId", hasItem(strangers));
    }

    @Test
    void onlyTheDistrictAdminSeesTheQueue() {
        given().auth().oauth2(Tokens.user("frank")).when().get(HELD).then().statusCode(403);
        given().auth().oauth2(Tokens.lmsConnector()).when().get(HELD).then().statusCode(403);
        given().when().get(HELD).then().statusCode(401);
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 0).when().get(HELD).then().statusCode(400);
    }

    private static void await(String email) {
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("email", email).when().get("/api/v1/learning/learners/resolve").statusCode() == 200);
    }
}
