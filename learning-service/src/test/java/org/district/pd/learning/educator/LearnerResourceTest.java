package org.district.pd.learning.educator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.district.pd.learning.Roster;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LearnerResourceTest {

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
}
