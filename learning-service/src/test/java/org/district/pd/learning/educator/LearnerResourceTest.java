package org.district.pd.learning.educator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.district.pd.learning.Roster;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LearnerResourceTest {

    private static final String CONFLICTS = "/api/v1/learning/learners/identity-conflicts";

    @Test
    void anLmsIdentityResolvesToTheRosteredEducator() {
        ObjectNode educator = Roster.newEducator("Lena");
        Roster.publish(educator);
        String email = educator.get("email").asText().toUpperCase();

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().auth().oauth2(Tokens.lmsConnector())
                .queryParam("email", email)
                .when().get("/api/v1/learning/learners/resolve")
                .then().statusCode(200).body("educatorId", equalTo(educator.get("educatorId").asText())));
        given().auth().oauth2(Tokens.user("grace"))
                .queryParam("sisId", educator.get("identifiers").get("sisId").asText())
                .when().get("/api/v1/learning/learners/resolve")
                .then().statusCode(200).body("givenName", equalTo("Lena"));
    }

    @Test
    void anIdentityStaysWithItsHolderUntilTheHoldersRosterDropsIt() {
        ObjectNode holder = Roster.newEducator("Hana");
        String account = "canvas:shared-" + UUID.randomUUID();
        accounts(holder).add(account);
        Roster.publish(holder);
        awaitAccountResolvesTo(account, holder);

        ObjectNode claimant = Roster.newEducator("Cleo");
        accounts(claimant).add(account);
        Roster.publish(claimant);
        awaitOpenConflict(account, holder, claimant);
        resolveAccount(account).body("educatorId", equalTo(id(holder)));

        ObjectNode holderWithout = holder.deepCopy();
        accounts(holderWithout).removeAll().add(accounts(holder).get(0).asText());
        Roster.publish(holderWithout);
        awaitAccountResolvesTo(account, claimant);
        given().auth().oauth2(Tokens.user("grace")).queryParam("status", "resolved").queryParam("size", 200)
                .when().get(CONFLICTS)
                .then().statusCode(200)
                .body("items.find { it.value == '" + account + "' }.resolution", equalTo("HOLDER_DROPPED"))
                .body("items.find { it.value == '" + account + "' }.claimantId", equalTo(id(claimant)));
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 200)
                .when().get(CONFLICTS)
                .then().statusCode(200).body("items.value", not(hasItem(account)));
    }

    @Test
    void aClaimTheClaimantsRosterDropsIsWithdrawn() {
        ObjectNode holder = Roster.newEducator("Ines");
        Roster.publish(holder);
        String email = holder.get("email").asText();
        awaitEmailResolvesTo(email, holder);

        ObjectNode claimant = Roster.newEducator("Jon");
        claimant.put("email", email);
        Roster.publish(claimant);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("size", 200).when().get(CONFLICTS)
                .then().statusCode(200).body("items.find { it.value == '" + email + "' }.claimantId", equalTo(id(claimant))));

        ObjectNode claimantWithOwnEmail = claimant.deepCopy();
        claimantWithOwnEmail.put("email", "jon." + UUID.randomUUID() + "@schools.example");
        Roster.publish(claimantWithOwnEmail);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("status", "resolved").queryParam("size", 200).when().get(CONFLICTS)
                .then().statusCode(200).body("items.find { it.value == '" + email + "' }.resolution", equalTo("CLAIM_WITHDRAWN")));
        awaitEmailResolvesTo(email, holder);
    }

    @Test
    void conflictsArePagedWithABoundedPageSize() {
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 201)
                .when().get(CONFLICTS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("grace")).queryParam("status", "someday")
                .when().get(CONFLICTS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("grace")).queryParam("status", "all").queryParam("size", 1)
                .when().get(CONFLICTS)
                .then().statusCode(200).body("size", equalTo(1));
    }

    @Test
    void anUnknownIdentityIsA404AndAnAmbiguousQueryA400() {
        given().auth().oauth2(Tokens.lmsConnector()).queryParam("lmsAccount", "canvas:nobody")
                .when().get("/api/v1/learning/learners/resolve")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.lmsConnector()).queryParam("email", "a@b.example").queryParam("sisId", "S-1")
                .when().get("/api/v1/learning/learners/resolve")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("email"));
    }

    @Test
    void teachersAndHrCannotProbeIdentities() {
        given().queryParam("email", "a@b.example").when().get("/api/v1/learning/learners/resolve").then().statusCode(401);
        for (String token : new String[] { Tokens.user("alice"), Tokens.hrConnector() }) {
            given().auth().oauth2(token).queryParam("email", "a@b.example")
                    .when().get("/api/v1/learning/learners/resolve").then().statusCode(403);
        }
    }

    @Test
    void onlyDistrictAdminsSeeIdentityConflicts() {
        given().when().get(CONFLICTS).then().statusCode(401);
        for (String token : new String[] { Tokens.user("alice"), Tokens.lmsConnector(), Tokens.hrConnector() }) {
            given().auth().oauth2(token).when().get(CONFLICTS).then().statusCode(403);
        }
    }

    private static void awaitOpenConflict(String account, ObjectNode holder, ObjectNode claimant) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("size", 200).when().get(CONFLICTS)
                .then().statusCode(200)
                .body("items.find { it.value == '" + account + "' }.holderId", equalTo(id(holder)))
                .body("items.find { it.value == '" + account + "' }.claimantId", equalTo(id(claimant)))
                .body("items.find { it.value == '" + account + "' }.kind", equalTo("LMS_ACCOUNT")));
    }

    private static void awaitAccountResolvesTo(String account, ObjectNode educator) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> resolveAccount(account).body("educatorId", equalTo(id(educator))));
    }

    private static void awaitEmailResolvesTo(String email, ObjectNode educator) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().auth().oauth2(Tokens.user("grace"))
                .queryParam("email", email).when().get("/api/v1/learning/learners/resolve")
                .then().statusCode(200).body("educatorId", equalTo(id(educator))));
    }

    private static io.restassured.response.ValidatableResponse resolveAccount(String account) {
        return given().auth().oauth2(Tokens.user("grace")).queryParam("lmsAccount", account)
                .when().get("/api/v1/learning/learners/resolve").then().statusCode(200);
    }

    private static ArrayNode accounts(ObjectNode snapshot) {
        return (ArrayNode) snapshot.get("identifiers").get("lmsAccounts");
    }

    private static String id(ObjectNode snapshot) {
        return snapshot.get("educatorId").asText();
    }
}
