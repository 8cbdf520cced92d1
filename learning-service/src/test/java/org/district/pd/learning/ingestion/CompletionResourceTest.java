package org.district.pd.learning.ingestion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.learning.Catalog;
import org.district.pd.learning.Roster;
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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CompletionResourceTest {

    private static final String COMPLETED = "pd.learning.course.completed.v1";
    /** A second lms-integration client of the realm, to report what lms-connector reports. */
    private static final String SECOND_CLIENT = "lms-connector-2";

    @Inject
    Pool database;

    private String courseId;
    private String offeringId;
    private ObjectNode educator;

    @BeforeEach
    void catalogAndRoster() {
        Catalog.bind("lms-connector", Catalog.LMS);
        courseId = "LMS-" + UUID.randomUUID();
        offeringId = Catalog.create(Catalog.offering(courseId));
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
    void anAdminLinksAnUnmatchedIdentityWhichReleasesWhatWasHeldAndOutlivesTheRoster() {
        ObjectNode noor = Roster.newEducator("Noor");
        Roster.publish(noor);
        awaitEducator(noor);
        String personal = "noor." + UUID.randomUUID() + "@home.example";
        String externalId = "link-" + UUID.randomUUID();
        post(item(externalId, "{\"email\":\"" + personal + "\"}", courseId, null))
                .body("items[0].reason", equalTo("UNKNOWN_LEARNER"));

        String link = "{\"email\":\"" + personal.toUpperCase() + "\",\"educatorId\":\"" + educatorId(noor) + "\"}";
        for (String token : new String[] { Tokens.user("alice"), Tokens.lmsConnector(), Tokens.user("frank") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(link)
                    .when().post("/api/v1/learning/learners/links").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(link)
                .when().post("/api/v1/learning/learners/links").then().statusCode(401);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"email\":\"" + personal + "\",\"sisId\":\"x\",\"educatorId\":\"" + educatorId(noor) + "\"}")
                .when().post("/api/v1/learning/learners/links")
                .then().statusCode(400).body("violations[0].field", equalTo("email"));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"email\":\"" + personal + "\",\"educatorId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/learning/learners/links")
                .then().statusCode(400).body("violations[0].field", equalTo("educatorId"));

        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(link)
                .when().post("/api/v1/learning/learners/links")
                .then().statusCode(200).body("kind", equalTo("EMAIL")).body("value", equalTo(personal))
                .body("linkedBy", equalTo("grace")).body("creditedCompletions", equalTo(1));
        ConsumerRecord<String, String> released = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(externalId), Duration.ofSeconds(30));
        assertThat(released.key()).isEqualTo(educatorId(noor));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(link)
                .when().post("/api/v1/learning/learners/links")
                .then().statusCode(200).body("creditedCompletions", equalTo(0));

        // The roster's next snapshot of Noor does not name the personal address; the link stays.
        String newEmail = "noor." + UUID.randomUUID() + "@schools.example";
        noor.put("email", newEmail);
        Roster.publish(noor);
        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("email", newEmail).when().get("/api/v1/learning/learners/resolve").statusCode() == 200);
        given().auth().oauth2(Tokens.user("grace")).queryParam("email", personal)
                .when().get("/api/v1/learning/learners/resolve")
                .then().statusCode(200).body("educatorId", equalTo(educatorId(noor)));

        ObjectNode other = Roster.newEducator("Omar");
        Roster.publish(other);
        awaitEducator(other);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"email\":\"" + personal + "\",\"educatorId\":\"" + educatorId(other) + "\"}")
                .when().post("/api/v1/learning/learners/links")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anUnmappedCourseIsHeldUntilItIsMappedForTheClientsLms() {
        String unmappedCourse = "LMS-later-" + UUID.randomUUID();
        String externalId = "m-" + UUID.randomUUID();
        String item = item(externalId, "{\"lmsAccount\":\"" + lmsAccount(educator) + "\"}", unmappedCourse, "7.5");
        post(item)
                .body("items[0].status", equalTo("unmatched"))
                .body("items[0].reason", equalTo("UNKNOWN_COURSE"))
                .body("items[0].detail", containsString("LMS '" + Catalog.LMS + "'"));
        post(item).body("items[0].status", equalTo("duplicate"));

        String variableOffering = Catalog.create(Catalog.variableOffering("LMS-" + UUID.randomUUID(), "8"));
        mapCourse(variableOffering, "other-lms", unmappedCourse);
        assertThat(heldRow(externalId).getValue("released_at")).isNull();
        mapCourse(variableOffering, Catalog.LMS, unmappedCourse);

        ConsumerRecord<String, String> released = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(externalId), Duration.ofSeconds(30));
        assertThat(released.value()).contains("\"creditHours\":7.5").contains(variableOffering);
        assertThat(heldRow(externalId).getUUID("completion_id")).isNotNull();
    }

    @Test
    void aHeldCompletionThatRepeatsOneCreditedMeanwhileIsReleasedWithoutCredit() {
        String laterCourse = "LMS-later-" + UUID.randomUUID();
        String heldId = "hd-" + UUID.randomUUID();
        post(item(heldId, "{\"email\":\"" + email(educator) + "\"}", laterCourse, null))
                .body("items[0].status", equalTo("unmatched"));
        post(item("cr-" + UUID.randomUUID(), "{\"email\":\"" + email(educator) + "\"}", courseId, null))
                .body("items[0].status", equalTo("accepted"));

        mapCourse(offeringId, Catalog.LMS, laterCourse);

        Row released = heldRow(heldId);
        assertThat(released.getValue("released_at")).isNotNull();
        assertThat(released.getUUID("completion_id")).isNull();
        assertThat(released.getString("reason")).isEqualTo("DUPLICATE");
        assertThat(count("select count(*) from completion where educator_id = $1", UUID.fromString(educatorId(educator))))
                .isEqualTo(1);
    }

    @Test
    void aHeldCompletionWhoseHoursTheOfferingRefusesIsReleasedWithoutCredit() {
        String laterCourse = "LMS-later-" + UUID.randomUUID();
        String heldId = "hh-" + UUID.randomUUID();
        post(item(heldId, "{\"email\":\"" + email(educator) + "\"}", laterCourse, "12"))
                .body("items[0].status", equalTo("unmatched"));

        mapCourse(Catalog.create(Catalog.variableOffering("LMS-" + UUID.randomUUID(), "8")), Catalog.LMS, laterCourse);

        Row released = heldRow(heldId);
        assertThat(released.getValue("released_at")).isNotNull();
        assertThat(released.getUUID("completion_id")).isNull();
        assertThat(released.getString("reason")).isEqualTo("HOURS_NOT_ALLOWED");
        assertThat(count("select count(*) from completion where external_id = $1", heldId)).isZero();
    }

    @Test
    void reportedHoursOnAFixedCreditOfferingAreRejected() {
        String externalId = "fx-" + UUID.randomUUID();
        post(item(externalId, "{\"email\":\"" + email(educator) + "\"}", courseId, "6"))
                .body("items[0].status", equalTo("rejected"))
                .body("items[0].reason", equalTo("HOURS_NOT_ALLOWED"))
                .body("items[0].detail", containsString("fixed credit of 6"))
                .body("items[0].violations[0].field", equalTo("items[0].hours"));
        post(item(externalId, "{\"email\":\"" + email(educator) + "\"}", courseId, null))
                .body("items[0].status", equalTo("accepted"));
    }

    @Test
    void reportedHoursCountUpToTheOfferingsMaximum() {
        String variableCourse = "LMS-var-" + UUID.randomUUID();
        Catalog.create(Catalog.variableOffering(variableCourse, "10"));
        String learner = "{\"email\":\"" + email(educator) + "\"}";
        String within = "v-" + UUID.randomUUID();
        String batch = "{\"items\":[" + item("v-" + UUID.randomUUID(), learner, variableCourse, "10.5", "2026-09-01T10:00:00Z")
                + "," + item(within, learner, variableCourse, "7.5", "2026-09-02T10:00:00Z")
                + "," + item("v-" + UUID.randomUUID(), learner, variableCourse, null, "2026-09-03T10:00:00Z") + "]}";

        JsonPath report = given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200)
                .body("items.status", contains("rejected", "accepted", "accepted"))
                .body("items[0].reason", equalTo("HOURS_NOT_ALLOWED"))
                .body("items[0].violations[0].field", equalTo("items[0].hours"))
                .body("items[0].violations[0].message", containsString("at most 10"))
                .extract().jsonPath();

        ConsumerRecord<String, String> variable = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(report.getString("items[1].completionId")), Duration.ofSeconds(30));
        assertThat(variable.value()).contains("\"creditHours\":7.5").contains(within);
        assertThat(EventContracts.violations(COMPLETED, variable.value())).isEmpty();
        ConsumerRecord<String, String> nominal = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.value().contains(report.getString("items[2].completionId")), Duration.ofSeconds(30));
        assertThat(nominal.value()).contains("\"creditHours\":6");
    }

    @Test
    void completionDatesBefore2000OrInTheFutureAreRejected() {
        String learner = "{\"email\":\"" + email(educator) + "\"}";
        String batch = "{\"items\":[" + item("d-" + UUID.randomUUID(), learner, courseId, null, "1999-12-31T23:59:59Z")
                + "," + item("d-" + UUID.randomUUID(), learner, courseId, null, Instant.now().plus(Duration.ofMinutes(10)).toString())
                + "," + item("d-" + UUID.randomUUID(), learner, courseId, null, "2000-01-01T00:00:00Z") + "]}";
        given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200)
                .body("items.status", contains("rejected", "rejected", "accepted"))
                .body("items[0].violations[0].field", equalTo("items[0].completedAt"))
                .body("items[0].violations[0].message", containsString("2000-01-01"))
                .body("items[1].violations[0].field", equalTo("items[1].completedAt"))
                .body("items[1].violations[0].message", containsString("future"));
    }

    @Test
    void textThatCannotBeStoredRejectsItsItemAndTheGoodOnesAreAccepted() {
        String learner = "{\"email\":\"" + email(educator) + "\"}";
        String batch = "{\"items\":[" + item("nul-\\u0000-" + UUID.randomUUID(), learner, courseId, null)
                + "," + item("n-" + UUID.randomUUID(), "{\"sisId\":\"S\\u0000\"}", courseId, null)
                + "," + item("n-" + UUID.randomUUID(), learner, courseId, null, "2026-09-16T08:30:00Z") + "]}";
        given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200)
                .body("items.status", contains("rejected", "rejected", "accepted"))
                .body("items[0].violations[0].field", equalTo("items[0].externalId"))
                .body("items[0].violations[0].message", equalTo("must not contain a NUL character"))
                .body("items[1].violations[0].field", equalTo("items[1].learner.sisId"));
    }

    @Test
    void theSameCompletionUnderAnotherExternalIdIsADuplicate() {
        String learner = "{\"email\":\"" + email(educator) + "\"}";
        String first = "s-" + UUID.randomUUID();
        post(item(first, learner, courseId, null, "2026-09-20T08:00:00Z")).body("items[0].status", equalTo("accepted"));

        String batch = "{\"items\":[" + item("s-" + UUID.randomUUID(), learner, courseId, null, "2026-09-20T21:30:00Z")
                + "," + item("s-" + UUID.randomUUID(), learner, courseId, null, "2026-09-21T08:00:00Z")
                + "," + item("s-" + UUID.randomUUID(), learner, courseId, null, "2026-09-21T09:00:00Z") + "]}";
        given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200)
                .body("items.status", contains("duplicate", "accepted", "duplicate"))
                .body("items[0].detail", containsString("2026-09-20"));
        assertThat(count("select count(*) from completion where educator_id = $1", UUID.fromString(educatorId(educator))))
                .isEqualTo(2);
    }

    @Test
    void theSameCompletionThroughAnotherClientIsADuplicate() {
        Catalog.bind(SECOND_CLIENT, Catalog.LMS);
        String learner = "{\"email\":\"" + email(educator) + "\"}";
        post(item("a-" + UUID.randomUUID(), learner, courseId, null)).body("items[0].status", equalTo("accepted"));

        given().auth().oauth2(Tokens.client(SECOND_CLIENT, SECOND_CLIENT + "-secret")).contentType(ContentType.JSON)
                .body("{\"items\":[" + item("b-" + UUID.randomUUID(), learner, courseId, null) + "]}")
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200)
                .body("items[0].status", equalTo("duplicate"));
        assertThat(count("select count(*) from completion where educator_id = $1", UUID.fromString(educatorId(educator))))
                .isEqualTo(1);
    }

    @Test
    void aCourseMappedOnlyForAnotherLmsIsHeldAsUnknownForThisClient() {
        String otherCourse = "LMS-other-" + UUID.randomUUID();
        Catalog.create(Catalog.offering("other-lms", otherCourse));
        post(item("o-" + UUID.randomUUID(), "{\"email\":\"" + email(educator) + "\"}", otherCourse, null))
                .body("items[0].status", equalTo("unmatched"))
                .body("items[0].reason", equalTo("UNKNOWN_COURSE"))
                .body("items[0].detail", containsString("for LMS '" + Catalog.LMS + "'"));
    }

    @Test
    void identitiesOfDifferentEducatorsHoldTheItem() {
        ObjectNode other = Roster.newEducator("Omar");
        Roster.publish(other);
        awaitEducator(other);
        String learner = "{\"email\":\"" + email(educator) + "\",\"sisId\":\"" + other.get("identifiers").get("sisId").asText()
                + "\"}";
        post(item("i-" + UUID.randomUUID(), learner, courseId, null))
                .body("items[0].status", equalTo("unmatched"))
                .body("items[0].reason", equalTo("IDENTITY_CONFLICT"))
                .body("items[0].detail", containsString("email '" + email(educator) + "' is educator " + educatorId(educator)))
                .body("items[0].detail", containsString("is educator " + educatorId(other)));
        assertThat(count("select count(*) from completion where educator_id = $1", UUID.fromString(educatorId(educator))))
                .isZero();
    }

    @Test
    void aClientNoAdminHasBoundIsRefusedTheWholeBatch() {
        database.preparedQuery("delete from lms_client where client_id = $1").execute(Tuple.of("lms-connector"))
                .await().indefinitely();
        try {
            given().auth().oauth2(Tokens.lmsConnector()).contentType(ContentType.JSON)
                    .body("{\"items\":[" + item("n-" + UUID.randomUUID(), "{\"email\":\"" + email(educator) + "\"}", courseId, null) + "]}")
                    .when().post("/api/v1/learning/completions")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("district admin must bind it"));
        } finally {
            Catalog.bind("lms-connector", Catalog.LMS);
        }
    }

    @Test
    void concurrentPostsOfOneCompletionCreditItOnce() throws Exception {
        String learner = "{\"email\":\"" + email(educator) + "\"}";
        String sameItem = item("same-" + UUID.randomUUID(), learner, courseId, null, "2026-08-03T10:00:00Z");
        assertThat(postConcurrently(8, n -> sameItem)).containsOnlyOnce("accepted").containsOnly("accepted", "duplicate");

        String suffix = UUID.randomUUID().toString();
        assertThat(postConcurrently(8, n -> item("day-" + n + "-" + suffix, learner, courseId, null, "2026-08-04T1" + n + ":00:00Z")))
                .containsOnlyOnce("accepted").containsOnly("accepted", "duplicate");
        assertThat(count("select count(*) from completion where educator_id = $1", UUID.fromString(educatorId(educator))))
                .isEqualTo(2);
    }

    /** Posts one single-item batch per thread, all released at once; returns each item's status. */
    private static List<String> postConcurrently(int threads, IntFunction<String> item) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        String token = Tokens.lmsConnector();
        try {
            List<Future<String>> statuses = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                String body = "{\"items\":[" + item.apply(n) + "]}";
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                            .when().post("/api/v1/learning/completions")
                            .then().statusCode(200).extract().<String>path("items[0].status");
                }));
            }
            start.countDown();
            List<String> result = new ArrayList<>();
            for (Future<String> status : statuses) {
                result.add(status.get(60, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
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
    void aRepostOfAHeldItemIsADuplicate() {
        String externalId = "rh-" + UUID.randomUUID();
        String item = item(externalId, "{\"email\":\"nobody." + UUID.randomUUID() + "@schools.example\"}", courseId, null);
        post(item).body("items[0].status", equalTo("unmatched"));
        post(item).body("items[0].status", equalTo("duplicate"));
        assertThat(count("select count(*) from held_completion where external_id = $1", externalId)).isEqualTo(1);
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
    void pageAndSizeOfTheHeldListAreBoundedAndNamed() {
        for (String size : List.of("0", "201", "ten", "99999999999")) {
            given().auth().oauth2(Tokens.user("grace")).queryParam("size", size)
                    .when().get("/api/v1/learning/completions/unmatched")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("size"));
        }
        given().auth().oauth2(Tokens.user("grace")).queryParam("page", "-1")
                .when().get("/api/v1/learning/completions/unmatched")
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
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
        return item(externalId, learner, course, hours, "2026-09-15T08:30:00Z");
    }

    private static String item(String externalId, String learner, String course, String hours, String completedAt) {
        return """
                {"externalId":"%s","learner":%s,"lmsCourseId":"%s","completedAt":"%s"%s}"""
                .formatted(externalId, learner, course, completedAt, hours == null ? "" : ",\"hours\":" + hours);
    }

    private static void mapCourse(String offeringId, String lms, String course) {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"lms\":\"" + lms + "\",\"courseId\":\"" + course + "\"}")
                .when().post("/api/v1/learning/offerings/" + offeringId + "/lms-courses")
                .then().statusCode(200).body("lmsCourses.courseId", hasItem(course));
    }

    private Row heldRow(String externalId) {
        return database.preparedQuery("select * from held_completion where external_id = $1").execute(Tuple.of(externalId))
                .await().indefinitely().iterator().next();
    }

    private void awaitEducator(ObjectNode snapshot) {
        await().atMost(Duration.ofSeconds(45)).until(() -> count("select count(*) from educator where id = $1",
                UUID.fromString(educatorId(snapshot))) == 1);
    }

    private long count(String sql, Object parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    private static String lmsAccount(ObjectNode snapshot) {
        return snapshot.get("identifiers").get("lmsAccounts").get(0).asText();
    }

    private static String email(ObjectNode snapshot) {
        return snapshot.get("email").asText();
    }

    private static String educatorId(ObjectNode snapshot) {
        return snapshot.get("educatorId").asText();
    }
}
