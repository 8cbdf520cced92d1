package org.district.pd.learning.lmsclient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class LmsClientResourceTest {

    private static final String PATH = "/api/v1/learning/lms-clients/";

    @Test
    void aDistrictAdminBindsAClientToItsLmsAndBindingAgainChangesNothing() {
        String clientId = "connector-" + UUID.randomUUID();
        String boundAt = bind(clientId, "canvas")
                .body("clientId", equalTo(clientId))
                .body("lms", equalTo("canvas"))
                .body("boundBy", equalTo("grace"))
                .extract().path("boundAt");
        String again = bind(clientId, "canvas").extract().path("boundAt");
        assertThat(again).isEqualTo(boundAt);

        bind(clientId, "moodle").body("lms", equalTo("moodle"));
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 200)
                .when().get(PATH)
                .then().statusCode(200)
                .body("find { it.clientId == '" + clientId + "' }.lms", equalTo("moodle"));
    }

    @Test
    void anLmsNameIsALowerCaseWord() {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"lms\":\"Canvas LMS\"}")
                .when().put(PATH + "connector-x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("lms"));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{}")
                .when().put(PATH + "connector-x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("lms"));
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 201)
                .when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401() {
        given().contentType(ContentType.JSON).body("{\"lms\":\"canvas\"}").when().put(PATH + "connector-x").then().statusCode(401);
        given().when().get(PATH).then().statusCode(401);
    }

    @Test
    void onlyDistrictAdminsBindClients() {
        for (String token : new String[] { Tokens.user("alice"), Tokens.user("frank"), Tokens.hrConnector(),
                Tokens.lmsConnector() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"lms\":\"canvas\"}")
                    .when().put(PATH + "lms-connector").then().statusCode(403);
            given().auth().oauth2(token).when().get(PATH).then().statusCode(403);
        }
    }

    private static io.restassured.response.ValidatableResponse bind(String clientId, String lms) {
        return given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"lms\":\"" + lms + "\"}")
                .when().put(PATH + clientId)
                .then().statusCode(200);
    }
}
