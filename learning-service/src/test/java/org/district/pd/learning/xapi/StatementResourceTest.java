package org.district.pd.learning.xapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.learning.Roster;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The Statements resource with the lms-connector's real token: storing, conflicts, reading, voiding, credit. */
@QuarkusTest
class StatementResourceTest {

    @Inject
    Pool database;

    private static final String STATEMENTS = "/xapi/statements";

    static String statement(String id, String verb) {
        return """
                {%s"actor":{"mbox":"mailto:learner.%s@nowhere.example"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/%s","display":{"en-US":"%s"}},
                 "object":{"id":"https://lms.example/activities/xapi-test"}}"""
                .formatted(id == null ? "" : "\"id\":\"" + id + "\",", UUID.randomUUID(), verb, verb);
    }

    private static RequestSpecification lms() {
        return given().auth().oauth2(Tokens.lmsConnector()).header("X-Experience-API-Version", "2.0.0")
                .contentType(ContentType.JSON);
    }

    @Test
    void aboutNeedsNeitherTokenNorVersion() {
        given().when().get("/xapi/about").then().statusCode(200)
                .header("X-Experience-API-Version", "2.0.0")
                .body("version", contains("2.0.0", "1.0.3"));
    }

    @Test
    void aPostedStatementIsStoredWithWhatTheLrsSets() {
        String id = lms().body("[" + statement(null, "completed") + "]").when().post(STATEMENTS)
                .then().statusCode(200).header("X-Experience-API-Version", "2.0.0")
                .header("X-Experience-API-Consistent-Through", notNullValue())
                .body("", hasSize(1)).extract().path("[0]");
        lms().queryParam("statementId", id).when().get(STATEMENTS)
                .then().statusCode(200).header("Last-Modified", notNullValue())
                .body("id", equalTo(id))
                .body("stored", notNullValue()).body("timestamp", notNullValue())
                .body("version", equalTo("2.0.0"))
                .body("authority.account.name", equalTo("lms-connector"));
    }

    @Test
    void aStatementNeverChanges() {
        String id = UUID.randomUUID().toString();
        String original = statement(null, "completed");
        lms().queryParam("statementId", id).body(original).when().put(STATEMENTS).then().statusCode(204);
        lms().queryParam("statementId", id).body(original).when().put(STATEMENTS).then().statusCode(204);
        lms().queryParam("statementId", id).body(original.replace("verbs/completed", "verbs/passed"))
                .when().put(STATEMENTS).then().statusCode(409).contentType("application/problem+json");
        lms().body("[" + original.replaceFirst("\\{", "{\"id\":\"" + id + "\",")
                .replace("verbs/completed", "verbs/passed") + "]")
                .when().post(STATEMENTS).then().statusCode(409);
        lms().queryParam("statementId", id).when().get(STATEMENTS)
                .then().statusCode(200).body("verb.id", equalTo("http://adlnet.gov/expapi/verbs/completed"));
        lms().queryParam("statementId", UUID.randomUUID()).body(statement(id, "completed"))
                .when().put(STATEMENTS).then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAll() {
        String good = UUID.randomUUID().toString();
        lms().body("[" + statement(good, "completed") + "," + statement(null, "completed")
                .replace("\"mbox\":\"mailto:", "\"mbox\":\"") + "]")
                .when().post(STATEMENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("statements[1].actor.mbox"));
        lms().queryParam("statementId", good).when().get(STATEMENTS).then().statusCode(404);
        String twice = UUID.randomUUID().toString();
        lms().body("[" + statement(twice, "completed") + "," + statement(twice, "passed") + "]")
                .when().post(STATEMENTS).then().statusCode(400);
        lms().body("{\"actor\":{},\"actor\":{}}").when().post(STATEMENTS).then().statusCode(400);
    }

    @Test
    void aVoidedStatementIsReadOnlyAsVoided() {
        String target = UUID.randomUUID().toString();
        lms().body(statement(target, "completed")).when().post(STATEMENTS).then().statusCode(200);
        String voiding = lms().body("""
                {"actor":{"mbox":"mailto:admin@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(target))
                .when().post(STATEMENTS).then().statusCode(200).extract().path("[0]");
        lms().queryParam("statementId", target).when().get(STATEMENTS).then().statusCode(404);
        lms().queryParam("voidedStatementId", target).when().get(STATEMENTS)
                .then().statusCode(200).body("id", equalTo(target));
        lms().queryParam("statementId", voiding).when().get(STATEMENTS).then().statusCode(200);
        lms().queryParam("voidedStatementId", voiding).when().get(STATEMENTS).then().statusCode(404);
        lms().body("""
                {"actor":{"mbox":"mailto:admin@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"id":"https://lms.example/activities/xapi-test"}}""")
                .when().post(STATEMENTS).then().statusCode(400)
                .body("violations[0].field", equalTo("object.objectType"));
    }

    @Test
    void theVersionHeaderAndTheParametersAreChecked() {
        given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON).body(statement(null, "completed"))
                .when().post(STATEMENTS).then().statusCode(400).header("X-Experience-API-Version", "2.0.0")
                .body("violations[0].field", equalTo("X-Experience-API-Version"));
        given().auth().oauth2(Tokens.lmsConnector()).header("X-Experience-API-Version", "2.1.0")
                .contentType(ContentType.JSON).body(statement(null, "completed"))
                .when().post(STATEMENTS).then().statusCode(400);
        lms().queryParam("statementId", UUID.randomUUID()).queryParam("voidedStatementId", UUID.randomUUID())
                .when().get(STATEMENTS).then().statusCode(400);
        lms().queryParam("statementId", UUID.randomUUID()).queryParam("limit", "1")
                .when().get(STATEMENTS).then().statusCode(400).body("violations[0].field", equalTo("limit"));
        lms().queryParam("statementId", "nope").when().get(STATEMENTS).then().statusCode(400);
        lms().queryParam("statementId", UUID.randomUUID()).when().get(STATEMENTS).then().statusCode(404);
    }

    @Test
    void aCompletedStatementEarnsTheOfferingsCreditOnceAndVoidingTakesItBack() throws Exception {
        String activity = "https://lms.example/activities/" + UUID.randomUUID();
        String offering = given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"title":"xAPI course","format":"ONLINE","creditHours":3,"creditType":"CLOCK_HOUR",
                         "category":"COURSEWORK","xapiActivityIds":["%s"]}""".formatted(activity))
                .when().post("/api/v1/learning/offerings").then().statusCode(201).extract().path("id");
        ObjectNode learner = Roster.newEducator("Xena");
        Roster.publish(learner);
        String educatorId = learner.get("educatorId").asText();
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("email", learner.get("email").asText())
                .when().get("/api/v1/learning/learners/resolve").statusCode() == 200);

        String id = UUID.randomUUID().toString();
        String completed = """
                {"id":"%s","actor":{"mbox":"mailto:%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"%s"},"timestamp":"2026-11-02T15:00:00Z"}"""
                .formatted(id, learner.get("email").asText().toUpperCase(), activity);
        lms().body(completed).when().post(STATEMENTS).then().statusCode(200);
        lms().body(completed).when().post(STATEMENTS).then().statusCode(200);
        ConsumerRecord<String, String> earned = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("\"externalRef\":\"" + id + "\""), Duration.ofSeconds(30));
        assertThat(earned.key()).isEqualTo(educatorId);
        assertThat(EventContracts.violations("pd.learning.course.completed.v1", earned.value())).isEmpty();
        assertThat(earned.value()).contains("\"source\":\"XAPI\"").contains("\"creditHours\":3")
                .contains("\"offeringId\":\"" + offering + "\"");
        String completionId = new ObjectMapper().readTree(earned.value())
                .get("completionId").asText();

        lms().body("""
                {"actor":{"mbox":"mailto:admin@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(id.toUpperCase()))
                .when().post(STATEMENTS).then().statusCode(200);
        ConsumerRecord<String, String> voided = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(completionId) && record.value().contains("voidedAt"),
                Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(voided, "ce_type")).isEqualTo("pd.learning.course.voided.v1");
        assertThat(EventContracts.violations("pd.learning.course.voided.v1", voided.value())).isEmpty();

        // Sent again under a new id, the completion counts again: the voided one no longer holds the day.
        String again = UUID.randomUUID().toString();
        lms().body(completed.replace(id, again)).when().post(STATEMENTS).then().statusCode(200);
        KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("\"externalRef\":\"" + again + "\""), Duration.ofSeconds(30));
        // The first statement, sent twice, made one completion, and it is the voided one.
        RowSet<Row> first = database.preparedQuery("select voided_at from completion where external_id = $1")
                .execute(Tuple.of(id)).await().indefinitely();
        assertThat(first.size()).isEqualTo(1);
        assertThat(first.iterator().next().getValue("voided_at")).isNotNull();
    }

    @Test
    void aVariableCreditOfferingTakesTheHoursTheStatementReportsUpToItsMaximum() throws Exception {
        String activity = "https://lms.example/activities/" + UUID.randomUUID();
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"title":"Coaching lab","format":"ONLINE","creditHours":2,"variableCredit":true,
                         "maxCreditHours":6,"creditType":"CLOCK_HOUR","category":"COURSEWORK",
                         "xapiActivityIds":["%s"]}""".formatted(activity))
                .when().post("/api/v1/learning/offerings").then().statusCode(201);
        ObjectNode learner = Roster.newEducator("Vera");
        Roster.publish(learner);
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("email", learner.get("email").asText())
                .when().get("/api/v1/learning/learners/resolve").statusCode() == 200);
        String template = """
                {"id":"%s","actor":{"mbox":"mailto:%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"%s"},"result":{"extensions":{"%s":%s}}}""";
        String tooMany = UUID.randomUUID().toString();
        lms().body(template.formatted(tooMany, learner.get("email").asText(), activity, XapiCredit.CREDIT_HOURS, "7"))
                .when().post(STATEMENTS).then().statusCode(400)
                .body("violations[0].field", equalTo("result.extensions." + XapiCredit.CREDIT_HOURS));
        lms().queryParam("statementId", tooMany).when().get(STATEMENTS).then().statusCode(404);
        lms().body(template.formatted(UUID.randomUUID(), learner.get("email").asText(), activity,
                XapiCredit.CREDIT_HOURS, "\"four\"")).when().post(STATEMENTS).then().statusCode(400);

        String id = UUID.randomUUID().toString();
        lms().body(template.formatted(id, learner.get("email").asText(), activity, XapiCredit.CREDIT_HOURS, "4.5"))
                .when().post(STATEMENTS).then().statusCode(200);
        ConsumerRecord<String, String> earned = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains("\"externalRef\":\"" + id + "\""), Duration.ofSeconds(30));
        assertThat(earned.value()).contains("\"creditHours\":4.5");
    }

    @Test
    void whatTheConformanceSuiteFoundIsRight() {
        // Single context activities come back as arrays, also in a SubStatement (XAPI-00096).
        String id = UUID.randomUUID().toString();
        lms().body("""
                {"id":"%s","actor":{"mbox":"mailto:ctx@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/x"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:sub@nowhere.example"},
                   "verb":{"id":"http://adlnet.gov/expapi/verbs/y"},"object":{"id":"https://lms.example/a"},
                   "context":{"contextActivities":{"other":{"id":"https://lms.example/o"}}}},
                 "context":{"contextActivities":{"parent":{"id":"https://lms.example/p"},
                   "grouping":[{"id":"https://lms.example/g"}]}}}""".formatted(id))
                .when().post(STATEMENTS).then().statusCode(200);
        lms().queryParam("statementId", id).when().get(STATEMENTS).then().statusCode(200)
                .header("Date", matchesPattern("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"))
                .body("context.contextActivities.parent.id", contains("https://lms.example/p"))
                .body("context.contextActivities.grouping.id", contains("https://lms.example/g"))
                .body("object.context.contextActivities.other.id", contains("https://lms.example/o"));
        // An authority that is a Group is an anonymous one of exactly two Agents (XAPI-00098, -00100).
        lms().body(statement(null, "completed").replaceFirst("\\{", """
                {"authority":{"objectType":"Group","mbox":"mailto:g@nowhere.example",
                  "member":[{"mbox":"mailto:a@nowhere.example"},{"mbox":"mailto:b@nowhere.example"}]},"""))
                .when().post(STATEMENTS).then().statusCode(400).body("violations[0].field", equalTo("authority"));
        lms().body(statement(null, "completed").replaceFirst("\\{", """
                {"authority":{"objectType":"Group","member":[{"mbox":"mailto:a@nowhere.example"}]},"""))
                .when().post(STATEMENTS).then().statusCode(400).body("violations[0].field", equalTo("authority"));
        lms().body(statement(null, "completed").replaceFirst("\\{", """
                {"authority":{"objectType":"Group","member":[{"mbox":"mailto:a@nowhere.example"},
                  {"account":{"homePage":"https://lms.example","name":"app"}}]},"""))
                .when().post(STATEMENTS).then().statusCode(200);
        // Statements come as JSON or multipart/mixed: anything else is a 400, not a 415 (XAPI-00127).
        given().auth().oauth2(Tokens.lmsConnector()).header("X-Experience-API-Version", "2.0.0")
                .multiPart("statement", statement(null, "completed")).when().post(STATEMENTS).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("Content-Type"));
    }

    @Test
    void voidingComesFirstWhetherItArrivesBeforeTheTargetOrInTheSameBatch() {
        String activity = "https://lms.example/activities/" + UUID.randomUUID();
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"title":"Void order","format":"ONLINE","creditHours":1,"creditType":"CLOCK_HOUR",
                         "category":"COURSEWORK","xapiActivityIds":["%s"]}""".formatted(activity))
                .when().post("/api/v1/learning/offerings").then().statusCode(201);
        ObjectNode learner = Roster.newEducator("Opal");
        Roster.publish(learner);
        String email = learner.get("email").asText();
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("email", email).when().get("/api/v1/learning/learners/resolve").statusCode() == 200);
        String completed = """
                {"id":"%s","actor":{"mbox":"mailto:%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"%s"},"timestamp":"2026-11-03T10:00:00Z"}""";
        String voiding = """
                {"actor":{"mbox":"mailto:lms-admin@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""";

        // Voided before it arrives (rule 110): stored, voided, and earning nothing.
        String early = UUID.randomUUID().toString();
        lms().body(voiding.formatted(early)).when().post(STATEMENTS).then().statusCode(200);
        lms().queryParam("statementId", early).body(completed.formatted(early, email, activity))
                .when().put(STATEMENTS).then().statusCode(204);
        lms().queryParam("statementId", early).when().get(STATEMENTS).then().statusCode(404);
        assertThat(completions(early)).isZero();

        // Voided and sent again under a new id in one batch: the new one earns the day the voided one held.
        String first = UUID.randomUUID().toString();
        lms().body(completed.formatted(first, email, activity)).when().post(STATEMENTS).then().statusCode(200);
        assertThat(completions(first)).isEqualTo(1);
        String again = UUID.randomUUID().toString();
        lms().body("[" + voiding.formatted(first) + "," + completed.formatted(again, email, activity) + "]")
                .when().post(STATEMENTS).then().statusCode(200);
        assertThat(database.preparedQuery("select count(*) from completion where external_id = $1 and voided_at is "
                + "null").execute(Tuple.of(again)).await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
        assertThat(database.preparedQuery("select count(*) from completion where external_id = $1 and voided_at is "
                + "not null").execute(Tuple.of(first)).await().indefinitely().iterator().next().getLong(0))
                .isEqualTo(1);
    }

    @Test
    void anotherClientsStatementIdIsTaken() {
        String id = UUID.randomUUID().toString();
        String sent = statement(id, "completed");
        lms().body(sent).when().post(STATEMENTS).then().statusCode(200);
        given().auth().oauth2(Tokens.client("lms-connector-2", "lms-connector-2-secret"))
                .header("X-Experience-API-Version", "2.0.0").contentType(ContentType.JSON)
                .queryParam("statementId", id).body(sent).when().put(STATEMENTS).then().statusCode(409)
                .contentType("application/problem+json");
    }

    private long completions(String externalId) {
        return database.preparedQuery("select count(*) from completion where external_id = $1")
                .execute(Tuple.of(externalId)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void onlyLmsIntegrationsUseIt() {
        given().header("X-Experience-API-Version", "2.0.0").contentType(ContentType.JSON)
                .body(statement(null, "completed")).when().post(STATEMENTS).then().statusCode(401);
        given().auth().oauth2(Tokens.user("alice")).header("X-Experience-API-Version", "2.0.0")
                .contentType(ContentType.JSON).body(statement(null, "completed"))
                .when().post(STATEMENTS).then().statusCode(403);
    }
}
