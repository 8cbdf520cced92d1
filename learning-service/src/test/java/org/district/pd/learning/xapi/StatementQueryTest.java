package org.district.pd.learning.xapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Statement queries (docs/xapi-test-list.md 74-89, 113-114): filters, related agents and activities, StatementRef
 * propagation, voided statements, paging with more, time bounds, formats, HEAD, and each client seeing its own.
 * Every test names activities and agents of its own, so the statements other tests store never match.
 */
@QuarkusTest
class StatementQueryTest {

    private static final String STATEMENTS = "/xapi/statements";
    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    private static RequestSpecification lms() {
        return as(Tokens.lmsConnector());
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).header("X-Experience-API-Version", "2.0.0").contentType(ContentType.JSON);
    }

    private static String post(String json) {
        return lms().body(json).when().post(STATEMENTS).then().statusCode(200).extract().path("[0]");
    }

    private static String mbox(String who) {
        return "{\"mbox\":\"mailto:" + who + "@query.example\"}";
    }

    private static List<String> ids(Response response) {
        return response.then().statusCode(200).contentType(ContentType.JSON).extract().path("statements.id");
    }

    private static Response query(Object... parameters) {
        RequestSpecification request = lms();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return request.when().get(STATEMENTS);
    }

    @Test
    void filtersMatchTheActorOrObjectAndTheObjectActivityUnlessRelatedIsAsked() {
        String run = UUID.randomUUID().toString();
        String x = mbox("x-" + run);
        String y = mbox("y-" + run);
        String course = "https://lms.example/courses/" + run;
        String quiz = "https://lms.example/quizzes/" + run;
        String registration = UUID.randomUUID().toString();
        String a = post("""
                {"actor":%s,"verb":{"id":"%scompleted"},"object":{"id":"%s"}}""".formatted(x, ADL, course));
        String b = post("""
                {"actor":%s,"verb":{"id":"%sattempted"},"object":{"id":"%s"},
                 "context":{"contextActivities":{"parent":[{"id":"%s"}]}}}""".formatted(x, ADL, quiz, course));
        String c = post("""
                {"actor":%s,"verb":{"id":"%scompleted"},"object":{"id":"%s"},
                 "context":{"registration":"%s","instructor":%s}}""".formatted(y, ADL, course, registration, x));

        assertThat(ids(query("agent", x))).containsExactly(b, a);
        assertThat(ids(query("agent", x, "related_agents", "true"))).containsExactly(c, b, a);
        assertThat(ids(query("activity", course))).containsExactly(c, a);
        assertThat(ids(query("activity", course, "related_activities", "true"))).containsExactly(c, b, a);
        assertThat(ids(query("activity", course, "verb", ADL + "completed", "ascending", "true")))
                .containsExactly(a, c);
        assertThat(ids(query("registration", registration))).containsExactly(c);
        assertThat(ids(query("agent", x, "verb", ADL + "passed"))).isEmpty();
        // An Agent is the object: the agent filter matches it there too.
        String d = post("""
                {"actor":%s,"verb":{"id":"%smentored"},"object":{"objectType":"Agent","mbox":"mailto:x-%s@query.example"}}
                """.formatted(y, ADL, run));
        assertThat(ids(query("agent", x))).containsExactly(d, b, a);
    }

    @Test
    void aStatementThatRefersToAMatchMatchesAndAVoidedOneNever() {
        String run = UUID.randomUUID().toString();
        String course = "https://lms.example/courses/" + run;
        String target = post("""
                {"actor":%s,"verb":{"id":"%scompleted"},"object":{"id":"%s"}}""".formatted(mbox(run), ADL, course));
        String kept = post("""
                {"actor":%s,"verb":{"id":"%spassed"},"object":{"id":"%s"}}""".formatted(mbox(run), ADL, course));
        String comment = post("""
                {"actor":%s,"verb":{"id":"http://adlnet.gov/expapi/verbs/commented"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(mbox("teacher-" + run), kept));
        String reply = post("""
                {"actor":%s,"verb":{"id":"http://adlnet.gov/expapi/verbs/commented"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(mbox("peer-" + run), comment));
        String voiding = post("""
                {"actor":%s,"verb":{"id":"%svoided"},"object":{"objectType":"StatementRef","id":"%s"}}"""
                .formatted(mbox("admin-" + run), ADL, target));

        // The target is voided: never returned; what refers to it is, down a chain, with the filter on the target.
        assertThat(ids(query("activity", course))).containsExactly(voiding, reply, comment, kept);
        assertThat(ids(query("activity", course, "verb", ADL + "passed"))).containsExactly(reply, comment, kept);
        assertThat(ids(query("verb", ADL + "completed", "agent", mbox(run)))).containsExactly(voiding);
        // A statement given by id is not propagated to.
        lms().queryParam("statementId", target).when().get(STATEMENTS).then().statusCode(404);
    }

    @Test
    void pagesFollowMoreUntilItIsEmpty() {
        String course = "https://lms.example/courses/" + UUID.randomUUID();
        String[] posted = new String[5];
        for (int i = 0; i < posted.length; i++) {
            posted[i] = post("""
                    {"actor":%s,"verb":{"id":"%sexperienced"},"object":{"id":"%s"}}"""
                    .formatted(mbox("pager" + i), ADL, course));
        }
        Response first = query("activity", course, "limit", "2");
        assertThat(ids(first)).containsExactly(posted[4], posted[3]);
        String more = first.path("more");
        assertThat(more).startsWith("/xapi/statements?more=");
        Response second = lms().when().get(more);
        assertThat(ids(second)).containsExactly(posted[2], posted[1]);
        Response last = lms().when().get((String) second.path("more"));
        assertThat(ids(last)).containsExactly(posted[0]);
        last.then().body("more", equalTo(""));
        assertThat(ids(query("activity", course, "limit", "0"))).hasSize(5);

        lms().when().get(more + "&limit=1").then().statusCode(400).body("violations[0].field", equalTo("more"));
        query("more", "not-a-link").then().statusCode(400).body("violations[0].field", equalTo("more"));
    }

    @Test
    void sinceIsExclusiveUntilInclusiveAndLastModifiedIsTheLatestStored() {
        String course = "https://lms.example/courses/" + UUID.randomUUID();
        String first = post("""
                {"actor":%s,"verb":{"id":"%sexperienced"},"object":{"id":"%s"}}""".formatted(mbox("t1"), ADL, course));
        String second = post("""
                {"actor":%s,"verb":{"id":"%sexperienced"},"object":{"id":"%s"}}""".formatted(mbox("t2"), ADL, course));
        String stored = lms().queryParam("statementId", first).when().get(STATEMENTS).then().statusCode(200)
                .extract().path("stored");
        String storedSecond = lms().queryParam("statementId", second).when().get(STATEMENTS).then()
                .extract().path("stored");
        assertThat(ids(query("activity", course, "since", stored))).containsExactly(second);
        assertThat(ids(query("activity", course, "until", stored))).containsExactly(first);
        // HTTP's IMF-fixdate: a two-digit day, where RFC_1123_DATE_TIME would print "1 Dec".
        query("activity", course).then().header("Last-Modified", DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
                .format(ZonedDateTime.ofInstant(Instant.parse(storedSecond), ZoneOffset.UTC)));
        assertThat(ids(query("activity", course, "since", "2999-01-01T00:00:00Z"))).isEmpty();
        query("activity", course, "since", "2999-01-01T00:00:00Z").then().body("statements", empty());
    }

    @Test
    void formatsIdsAndCanonicalKeepWhatIdentifiesAndOneLanguage() {
        String course = "https://lms.example/courses/" + UUID.randomUUID();
        String id = post("""
                {"actor":{"name":"Ana","mbox":"mailto:ana@query.example"},
                 "verb":{"id":"%scompleted","display":{"en-US":"completed","fr-FR":"a terminé"}},
                 "object":{"objectType":"Activity","id":"%s","definition":{"name":{"en-US":"Course","fr-FR":"Cours"}}}}"""
                .formatted(ADL, course));
        query("activity", course, "format", "ids").then().statusCode(200)
                .body("statements[0].actor.name", nullValue())
                .body("statements[0].actor.mbox", equalTo("mailto:ana@query.example"))
                .body("statements[0].verb.display", nullValue())
                .body("statements[0].object.definition", nullValue())
                .body("statements[0].object.keySet()", contains("id"))
                .body("statements[0].id", equalTo(id));
        lms().header("Accept-Language", "fr, en;q=0.5").queryParam("activity", course)
                .queryParam("format", "canonical").when().get(STATEMENTS).then().statusCode(200)
                .body("statements[0].verb.display.keySet()", contains("fr-FR"))
                .body("statements[0].object.definition.name.keySet()", contains("fr-FR"))
                .body("statements[0].actor.name", equalTo("Ana"));
        query("activity", course).then().body("statements[0].verb.display.keySet()", hasItem("en-US"))
                .body("statements[0].verb.display.keySet()", hasItem("fr-FR"));
        lms().queryParam("statementId", id).queryParam("format", "ids").when().get(STATEMENTS).then()
                .statusCode(200).body("verb.display", nullValue());
    }

    @Test
    void badParametersAreNamed() {
        query("Limit", "2").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Limit"));
        query("ascending", "yes").then().statusCode(400).body("violations[0].field", equalTo("ascending"));
        query("limit", "-1").then().statusCode(400).body("violations[0].field", equalTo("limit"));
        query("since", "yesterday").then().statusCode(400).body("violations[0].field", equalTo("since"));
        query("format", "full").then().statusCode(400).body("violations[0].field", equalTo("format"));
        query("verb", "completed").then().statusCode(400).body("violations[0].field", equalTo("verb"));
        query("agent", "{\"name\":\"nobody\"}").then().statusCode(400).body("violations[0].field", equalTo("agent"));
        query("agent", "not json").then().statusCode(400).body("violations[0].field", equalTo("agent"));
        query("agent", "{\"objectType\":\"Group\",\"member\":[" + mbox("m") + "]}").then().statusCode(400)
                .body("violations[0].field", equalTo("agent"));
        query("method", "PUT").then().statusCode(400).body("violations[0].field", equalTo("method"));
        query("activity", "https://a.example/1", "activity", "https://a.example/2").then().statusCode(400);
    }

    @Test
    void headAnswersAsGetWithoutTheBodyAndAttachmentsComeAsMultipart() {
        String course = "https://lms.example/courses/" + UUID.randomUUID();
        String id = post("""
                {"actor":%s,"verb":{"id":"%sexperienced"},"object":{"id":"%s"}}""".formatted(mbox("h"), ADL, course));
        lms().queryParam("activity", course).when().head(STATEMENTS).then().statusCode(200)
                .header("X-Experience-API-Consistent-Through", startsWith("20"))
                .header("Last-Modified", notNullValue())
                .body(equalTo(""));
        lms().queryParam("statementId", id).when().head(STATEMENTS).then().statusCode(200);
        lms().queryParam("statementId", UUID.randomUUID()).when().head(STATEMENTS).then().statusCode(404);
        lms().queryParam("limit", "x").when().head(STATEMENTS).then().statusCode(400);
        given().when().head("/xapi/about").then().statusCode(200);

        String multipart = lms().queryParam("activity", course).queryParam("attachments", "true").when()
                .get(STATEMENTS).then().statusCode(200).contentType(startsWith("multipart/mixed; boundary="))
                .extract().asString();
        assertThat(multipart).contains("Content-Type: application/json").contains("\"id\":\"" + id + "\"");
    }

    @Test
    void eachClientReadsAndVoidsOnlyItsOwnStatements() {
        String course = "https://lms.example/courses/" + UUID.randomUUID();
        String id = post("""
                {"actor":%s,"verb":{"id":"%scompleted"},"object":{"id":"%s"}}""".formatted(mbox("own"), ADL, course));
        String other = Tokens.client("lms-connector-2", "lms-connector-2-secret");
        assertThat(ids(as(other).queryParam("activity", course).when().get(STATEMENTS))).isEmpty();
        as(other).queryParam("statementId", id).when().get(STATEMENTS).then().statusCode(404);
        as(other).body("""
                {"actor":%s,"verb":{"id":"%svoided"},"object":{"objectType":"StatementRef","id":"%s"}}"""
                .formatted(mbox("intruder"), ADL, id)).when().post(STATEMENTS).then().statusCode(403)
                .contentType("application/problem+json");
        lms().queryParam("statementId", id).when().get(STATEMENTS).then().statusCode(200);
        given().auth().oauth2(Tokens.user("grace")).header("X-Experience-API-Version", "2.0.0")
                .queryParam("activity", course).when().get(STATEMENTS).then().statusCode(403);
        given().header("X-Experience-API-Version", "2.0.0").queryParam("activity", course)
                .when().get(STATEMENTS).then().statusCode(401);
    }
}
