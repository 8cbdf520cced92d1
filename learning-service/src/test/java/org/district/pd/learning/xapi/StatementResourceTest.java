package org.district.pd.learning.xapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The Statements resource over HTTP with the lms-connector's real token: storing, conflicts, reading, voiding. */
@QuarkusTest
class StatementResourceTest {

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
    void onlyLmsIntegrationsUseIt() {
        given().header("X-Experience-API-Version", "2.0.0").contentType(ContentType.JSON)
                .body(statement(null, "completed")).when().post(STATEMENTS).then().statusCode(401);
        given().auth().oauth2(Tokens.user("alice")).header("X-Experience-API-Version", "2.0.0")
                .contentType(ContentType.JSON).body(statement(null, "completed"))
                .when().post(STATEMENTS).then().statusCode(403);
    }
}
