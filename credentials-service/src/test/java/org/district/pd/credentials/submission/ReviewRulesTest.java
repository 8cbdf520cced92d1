package org.district.pd.credentials.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.credentials.Demo;
import org.district.pd.credentials.award.ExpirySweep;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The review rules against the real database, broker and tokens: balanced assignment, two assessors and a third on
 * disagreement, attempts, renewal, stacks, expiry, versions, withdrawal, the overdue list and key rotation. Dan, who
 * has no coach, submits; Ivy, Erin and Jack assess.
 */
@QuarkusTest
class ReviewRulesTest {

    private static final String SUBMISSIONS = "/api/v1/credentials/submissions";
    private static final String DAN = "3818393d-b09b-3c9e-9c9a-c6af8d3c3dd2";
    private static final String JACK = "2f19c82f-f21b-3b60-adfd-a57d9495a968";
    private static final Map<String, String> ASSESSORS = Map.of(Demo.IVY, "ivy", Demo.ERIN, "erin", JACK, "jack");
    private static boolean ready;

    @Inject
    Pool database;

    @Inject
    ExpirySweep sweep;

    @BeforeEach
    void people() {
        if (ready) {
            return;
        }
        ready = true;
        Demo.rostered(DAN, "Dan", "dan@district-demo.example");
        Demo.rostered(Demo.IVY, "Ivy", "ivy@district-demo.example");
        Demo.rostered(Demo.ERIN, "Erin", "erin@district-demo.example", Demo.LINCOLN);
        Demo.rostered(JACK, "Jack", "jack@district-demo.example");
        await().atMost(Duration.ofSeconds(45)).until(() -> count(
                "select count(*) from educator where id = any($1)",
                Stream.of(DAN, Demo.IVY, Demo.ERIN, JACK).map(UUID::fromString).toArray(UUID[]::new)) == 4);
        for (String assessor : ASSESSORS.keySet()) {
            given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                    .body("{\"educatorId\":\"" + assessor + "\"}").post("/api/v1/credentials/assessors");
        }
        given().auth().oauth2(Tokens.user("grace")).when().get("/api/v1/credentials/assessors").then()
                .statusCode(200).body("findAll { it.active }.educatorId", hasItem(JACK));
    }

    @Test
    void eachSubmissionGoesToTheLeastLoadedAssessor() {
        Map<String, Integer> before = openLoads();
        for (int i = 0; i < 4; i++) {
            submit(Demo.published(Demo.microCredential("Balanced " + i, 1, ""))).statusCode(201);
        }
        // Whatever the order of ties, giving each of 4 submissions to a least-loaded assessor fills the lowest
        // loads first: the loads after are the loads before, water-filled with 4.
        List<Integer> expected = new ArrayList<>(before.values());
        for (int i = 0; i < 4; i++) {
            int lowest = expected.indexOf(Collections.min(expected));
            expected.set(lowest, expected.get(lowest) + 1);
        }
        Collections.sort(expected);
        List<Integer> after = new ArrayList<>(openLoads().values());
        Collections.sort(after);
        assertThat(after).isEqualTo(expected);
    }

    @Test
    void anAssessorWhoLeavesHandsTheirOpenReviewsOn() {
        String submission = submit(Demo.published(Demo.microCredential("Handed on", 1, ""))).statusCode(201)
                .extract().path("id");
        String leaving = assessorsOf(submission).get(0);
        given().auth().oauth2(Tokens.user("grace")).when().delete("/api/v1/credentials/assessors/" + leaving).then()
                .statusCode(200).body("active", equalTo(false)).body("openReviews", equalTo(0));
        try {
            List<String> now = assessorsOf(submission);
            assertThat(now).hasSize(1).doesNotContain(leaving);
            review(leaving, submission, 4, 4).statusCode(404);
            review(now.get(0), submission, 4, 4).statusCode(200).body("status", equalTo("PASSED"));
        } finally {
            given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                    .body("{\"educatorId\":\"" + leaving + "\"}").post("/api/v1/credentials/assessors").then()
                    .statusCode(200).body("active", equalTo(true));
        }
    }

    @Test
    void twoAssessorsWhoDisagreeAreSettledByAThird() {
        String definition = Demo.published(Demo.microCredential("Two and a third", 2, ""));
        String submission = submit(definition).statusCode(201).extract().path("id");
        List<String> first = assessorsOf(submission);
        assertThat(first).hasSize(2).doesNotContain(DAN);
        review(first.get(0), submission, 4, 4).statusCode(200).body("status", equalTo("IN_REVIEW"))
                // An assessor sees their own review only: the two stay independent.
                .body("reviews", hasSize(1));
        review(first.get(1), submission, 1, 2).statusCode(200).body("status", equalTo("IN_REVIEW"));
        List<String> all = assessorsOf(submission);
        assertThat(all).hasSize(3);
        String third = all.stream().filter(assessor -> !first.contains(assessor)).findFirst().orElseThrow();
        review(third, submission, 3, 3).statusCode(200).body("status", equalTo("PASSED"))
                .body("awardId", notNullValue());
        ConsumerRecord<String, String> reviewed = KafkaTestClient.awaitRecord("pd.credentials.events",
                r -> "pd.credentials.evidence.reviewed.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && r.value().contains(submission), Duration.ofSeconds(30));
        assertThat(reviewed.value()).contains("\"outcome\":\"PASS\"").contains("\"assessors\":3");
    }

    @Test
    void aDisagreementCanSendTheWorkBackAndAttemptsRunOut() {
        String definition = Demo.published(Demo.microCredential("Strict pair", 2,
                "").replace("\"review\":{\"assessors\":2}",
                        "\"review\":{\"assessors\":2,\"onDisagreement\":\"RESUBMIT\",\"maxAttempts\":2}"));
        String first = submit(definition).statusCode(201).body("attemptsAllowed", equalTo(2)).extract().path("id");
        List<String> pair = assessorsOf(first);
        review(pair.get(0), first, 3, 3).statusCode(200);
        review(pair.get(1), first, 2, 3).statusCode(200).body("status", equalTo("RESUBMIT"));
        ConsumerRecord<String, String> reviewed = KafkaTestClient.awaitRecord("pd.credentials.events",
                r -> "pd.credentials.evidence.reviewed.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && r.value().contains(first), Duration.ofSeconds(30));
        assertThat(EventContracts.violations("pd.credentials.evidence.reviewed.v1", reviewed.value())).isEmpty();
        assertThat(reviewed.value()).contains("\"outcome\":\"RESUBMIT\"");

        String second = submit(definition).statusCode(201).body("attempt", equalTo(2)).extract().path("id");
        for (String assessor : assessorsOf(second)) {
            review(assessor, second, 1, 1).statusCode(200);
        }
        submit(definition).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aWithdrawnSubmissionDoesNotCountAndOthersCannotWithdrawIt() {
        String definition = Demo.published(Demo.microCredential("Withdrawable", 1, ""));
        String submission = submit(definition).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("alice")).when().post(SUBMISSIONS + "/" + submission + "/withdrawal")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user("dan")).when().post(SUBMISSIONS + "/" + submission + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        submit(definition).statusCode(201).body("attempt", equalTo(2));
    }

    @Test
    void aRenewalAsksForWhatTheRuleSaysAndExtendsFromTheExpiry() {
        String definition = Demo.published(Demo.microCredential("Renewable", 1, "")
                .replace("\"validityMonths\":36", "\"validityMonths\":1,"
                        + "\"renewal\":{\"opensDaysBefore\":60,\"evidence\":[\"reflection\"]}"));
        String awardId = pass(submit(definition).statusCode(201).extract().path("id"));
        Instant firstUntil = Instant.parse(award(awardId).getString("validUntil"));

        // The renewal needs only the reflection.
        String renewal = given().auth().oauth2(Tokens.user("dan")).contentType(ContentType.JSON).body("""
                {"definitionId":"%s","artifacts":[{"requirement":"reflection","text":"A year on: still using it"}]}"""
                .formatted(definition)).when().post(SUBMISSIONS).then().statusCode(201)
                .body("renewalOf", equalTo(awardId)).body("attempt", equalTo(1)).extract().path("id");
        String renewed = pass(renewal);
        assertThat(award(awardId).getString("status")).isEqualTo("RENEWED");
        assertThat(Instant.parse(award(renewed).getString("validUntil"))).isAfter(firstUntil.plus(Duration.ofDays(27)));

        // A credential whose renewal is not open yet cannot be submitted again.
        String lasting = Demo.published(Demo.microCredential("Lasting", 1, "")
                .replace("\"validityMonths\":36", "\"validityMonths\":24,\"renewal\":{\"opensDaysBefore\":30}"));
        pass(submit(lasting).statusCode(201).extract().path("id"));
        submit(lasting).statusCode(409);
    }

    @Test
    void holdingEveryMemberAwardsTheStackAndRevokingAMemberRevokesIt() {
        String a = Demo.published(Demo.microCredential("Literacy A", 1, ""));
        String b = Demo.published(Demo.microCredential("Literacy B", 1, ""));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("""
                {"kind":"STACK","name":"One member","competency":"Literacy","members":["%s"],"creditHours":0}"""
                .formatted(a)).when().post(Demo.DEFINITIONS).then().statusCode(400)
                .body("violations[0].field", equalTo("members"));
        String stack = Demo.published("""
                {"kind":"STACK","name":"Literacy Leader","competency":"Literacy","members":["%s","%s"],
                 "creditHours":5,"competencyTags":["literacy"]}""".formatted(a, b));
        String memberA = pass(submit(a).statusCode(201).extract().path("id"));
        assertThat(stackAwards(stack)).isEmpty();
        pass(submit(b).statusCode(201).extract().path("id"));
        List<Map<String, Object>> stacks = stackAwards(stack);
        assertThat(stacks).hasSize(1);
        String stackAward = (String) stacks.get(0).get("id");
        ConsumerRecord<String, String> awarded = KafkaTestClient.awaitRecord("pd.credentials.events",
                r -> r.value().contains(stackAward), Duration.ofSeconds(30));
        assertThat(awarded.value()).contains("\"kind\":\"STACK\"").contains("\"creditHours\":5");

        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"reason\":\"plagiarism\"}")
                .when().post("/api/v1/credentials/awards/" + memberA + "/revocation").then().statusCode(200);
        assertThat(award(stackAward).getString("status")).isEqualTo("REVOKED");
        assertThat(award(stackAward).getString("revokeReason")).contains(a);
    }

    @Test
    void membersPassedAtTheSameMomentStillAwardTheirStackOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String a = Demo.published(Demo.microCredential("Science A" + round, 1, ""));
            String b = Demo.published(Demo.microCredential("Science B" + round, 1, ""));
            String stack = Demo.published("""
                    {"kind":"STACK","name":"Science Leader %d","competency":"Science","members":["%s","%s"],
                     "creditHours":2}""".formatted(round, a, b));
            String first = submit(a).statusCode(201).extract().path("id");
            String second = submit(b).statusCode(201).extract().path("id");
            String firstAssessor = assessorsOf(first).get(0);
            String secondAssessor = assessorsOf(second).get(0);
            // Both reviews at once: each transaction awards its member and looks for the stack.
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(
                    () -> review(firstAssessor, first, 4, 4).extract().statusCode());
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(
                    () -> review(secondAssessor, second, 4, 4).extract().statusCode());
            assertThat(List.of(one.get(), two.get())).containsExactly(200, 200);
            assertThat(stackAwards(stack)).as("round %d", round).hasSize(1);
        }
    }

    @Test
    void aRenewedMemberReissuesItsStackWithoutItsHoursAgain() {
        String shortLived = Demo.published(Demo.microCredential("Numeracy A", 1, "")
                .replace("\"validityMonths\":36", "\"validityMonths\":1,"
                        + "\"renewal\":{\"opensDaysBefore\":60,\"evidence\":[\"reflection\"]}"));
        String lasting = Demo.published(Demo.microCredential("Numeracy B", 1, ""));
        String stack = Demo.published("""
                {"kind":"STACK","name":"Numeracy Leader","competency":"Numeracy","members":["%s","%s"],
                 "creditHours":5}""".formatted(shortLived, lasting));
        String member = pass(submit(shortLived).statusCode(201).extract().path("id"));
        pass(submit(lasting).statusCode(201).extract().path("id"));
        Map<String, Object> first = stackAwards(stack).get(0);
        // The stack holds as long as its shortest-lived member.
        assertThat(first.get("validUntil")).isEqualTo(award(member).getString("validUntil"));

        String renewal = given().auth().oauth2(Tokens.user("dan")).contentType(ContentType.JSON).body("""
                {"definitionId":"%s","artifacts":[{"requirement":"reflection","text":"Still at it"}]}"""
                .formatted(shortLived)).when().post(SUBMISSIONS).then().statusCode(201).extract().path("id");
        String renewed = pass(renewal);
        List<Map<String, Object>> stacks = stackAwards(stack);
        assertThat(stacks).hasSize(2);
        Map<String, Object> reissued = stacks.stream().filter(award -> "ACTIVE".equals(award.get("status")))
                .findFirst().orElseThrow();
        assertThat(reissued.get("validUntil")).isEqualTo(award(renewed).getString("validUntil"));
        assertThat(((Number) reissued.get("creditHours")).doubleValue()).isZero();
        assertThat(award((String) first.get("id")).getString("status")).isEqualTo("RENEWED");
    }

    @Test
    void anAwardPastItsValidUntilExpiresAndIsAnnounced() throws Throwable {
        String definition = Demo.published(Demo.microCredential("Short-lived", 1, ""));
        String awardId = pass(submit(definition).statusCode(201).extract().path("id"));
        database.preparedQuery("update award set valid_until = now() - interval '1 minute' where id = $1")
                .execute(Tuple.of(UUID.fromString(awardId))).await().indefinitely();
        int expired = VertxContextSupport.subscribeAndAwait(() -> sweep.sweepAll(0));
        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(award(awardId).getString("status")).isEqualTo("EXPIRED");
        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord("pd.credentials.events",
                r -> "pd.credentials.credential.expired.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && r.value().contains(awardId), Duration.ofSeconds(30));
        assertThat(EventContracts.violations("pd.credentials.credential.expired.v1", record.value())).isEmpty();
    }

    @Test
    void anEditedDefinitionIsANewVersionAndSubmissionsKeepTheirs() {
        String body = Demo.microCredential("Versioned", 1, "");
        String definition = Demo.published(body);
        String submission = submit(definition).statusCode(201).body("definitionVersion", equalTo(1))
                .extract().path("id");
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(body.replace("\"creditHours\":10", "\"creditHours\":12"))
                .when().put(Demo.DEFINITIONS + "/" + definition).then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("PUBLISHED")).body("creditHours", equalTo(12));
        given().auth().oauth2(Tokens.user("dan")).when().get(Demo.DEFINITIONS + "/" + definition + "/versions")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.contains("SUPERSEDED", "PUBLISHED"));
        given().auth().oauth2(Tokens.user("dan")).when().get(SUBMISSIONS + "/" + submission).then().statusCode(200)
                .body("definitionVersion", equalTo(1));
        String awardId = pass(submission);
        assertThat(award(awardId).getInt("definitionVersion")).isEqualTo(1);
        assertThat(award(awardId).getDouble("creditHours")).isEqualTo(10.0);
    }

    @Test
    void theOverdueListShowsSubmissionsPastTheTurnaroundTarget() {
        String definition = Demo.published(Demo.microCredential("Slow review", 1, ""));
        String submission = submit(definition).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("grace")).when().get(SUBMISSIONS + "/overdue").then().statusCode(200)
                .body("id", not(hasItem(submission)));
        database.preparedQuery("update submission set due_at = now() - interval '1 day' where id = $1")
                .execute(Tuple.of(UUID.fromString(submission))).await().indefinitely();
        given().auth().oauth2(Tokens.user("grace")).when().get(SUBMISSIONS + "/overdue").then().statusCode(200)
                .body("id", hasItem(submission));
        given().auth().oauth2(Tokens.user("ivy")).when().get(SUBMISSIONS + "/overdue").then().statusCode(403);
    }

    @Test
    void aRotatedKeySignsNewCredentialsAndTheOldOnesStillVerify() {
        String definition = Demo.published(Demo.microCredential("Before rotation", 1, ""));
        String before = pass(submit(definition).statusCode(201).extract().path("id"));
        given().auth().oauth2(Tokens.user("ivy")).when().post("/api/v1/credentials/issuer/keys/rotation").then()
                .statusCode(403);
        String newKid = given().auth().oauth2(Tokens.user("grace")).when()
                .post("/api/v1/credentials/issuer/keys/rotation").then().statusCode(200).extract().path("kid");
        String after = pass(submit(Demo.published(Demo.microCredential("After rotation", 1, "")))
                .statusCode(201).extract().path("id"));
        given().when().get("/api/v1/credentials/issuer/jwks").then().statusCode(200)
                .body("keys.kid", hasItem(newKid)).body("keys.size()", org.hamcrest.Matchers.greaterThan(1));
        assertThat(kidOf(after)).endsWith("/" + newKid);
        assertThat(kidOf(before)).doesNotEndWith("/" + newKid);
        for (String award : List.of(before, after)) {
            given().contentType(ContentType.TEXT).body(jwt(award)).when().post("/api/v1/credentials/verify").then()
                    .statusCode(200).body("valid", equalTo(true));
        }
        given().when().get(kidOf(after).substring(kidOf(after).indexOf("/api/"))).then().statusCode(200)
                .body("kid", equalTo(newKid)).body("d", equalTo(null));
    }

    private ValidatableResponse submit(String definition) {
        return given().auth().oauth2(Tokens.user("dan")).contentType(ContentType.JSON).body("""
                {"definitionId":"%s","artifacts":[
                  {"requirement":"lesson-plan","url":"https://docs.district.example/dan/plan"},
                  {"requirement":"video","url":"https://video.district.example/dan/lesson"},
                  {"requirement":"reflection","text":"What I tried, why, and what happened for students."}]}"""
                .formatted(definition)).when().post(SUBMISSIONS).then();
    }

    private static ValidatableResponse review(String assessor, String submission, int alignment, int adjustment) {
        return CredentialLifecycleTest.review(ASSESSORS.get(assessor), submission, alignment, adjustment);
    }

    /** Passes a single-assessor submission; returns its award. */
    private String pass(String submission) {
        return review(assessorsOf(submission).get(0), submission, 4, 4).statusCode(200)
                .body("status", equalTo("PASSED")).extract().path("awardId");
    }

    private static List<String> assessorsOf(String submission) {
        return given().auth().oauth2(Tokens.user("grace")).when().get(SUBMISSIONS + "/" + submission).then()
                .statusCode(200).extract().jsonPath().getList("reviews.assessorId", String.class);
    }

    private static JsonPath award(String id) {
        return given().auth().oauth2(Tokens.user("dan")).when().get("/api/v1/credentials/awards/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> stackAwards(String stack) {
        return given().auth().oauth2(Tokens.user("dan")).when().get("/api/v1/credentials/me/awards?size=200").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.definitionId == '" + stack + "' }");
    }

    private static String jwt(String award) {
        return given().auth().oauth2(Tokens.user("dan")).when()
                .get("/api/v1/credentials/awards/" + award + "/credential.jwt").then().statusCode(200)
                .extract().asString();
    }

    private static String kidOf(String award) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(jwt(award).split("\\.")[0]));
        return JsonPath.from(header).getString("kid");
    }

    private Map<String, Integer> openLoads() {
        Map<String, Integer> loads = new HashMap<>();
        given().auth().oauth2(Tokens.user("grace")).when().get("/api/v1/credentials/assessors").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.active }", Map.class)
                .forEach(row -> loads.put((String) row.get("educatorId"), ((Number) row.get("openReviews")).intValue()));
        return loads;
    }

    private long count(String sql, Object parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next()
                .getLong(0);
    }
}
