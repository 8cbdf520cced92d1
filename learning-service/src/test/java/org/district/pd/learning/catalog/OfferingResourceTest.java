package org.district.pd.learning.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import static org.district.pd.learning.Catalog.offering;

import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class OfferingResourceTest {

    @Test
    void districtAdminCreatesAnOfferingThatEveryoneCanRead() {
        String courseId = "LMS-" + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(offering(courseId))
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/learning/offerings/"))
                .body("id", notNullValue())
                .body("creditHours", equalTo(6))
                .body("lmsCourseIds", hasItem(courseId))
                .extract().path("id");

        given().auth().oauth2(Tokens.user("alice"))
                .when().get("/api/v1/learning/offerings/" + id)
                .then().statusCode(200).body("title", equalTo("Formative Assessment"));
    }

    @Test
    void invalidOfferingIsA400NamingEachField() {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"title":"","format":"ONLINE","creditHours":-1,"creditType":"CLOCK_HOUR","category":"coursework"}""")
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("creditHours"))
                .body("violations.field", hasItem("category"));
    }

    @Test
    void unknownFormatIsA400NamingTheField() {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(offering("LMS-" + UUID.randomUUID()).replace("ONLINE", "HOLOGRAM"))
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("format"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void aMappedLmsCourseCannotBeMappedTwice() {
        String courseId = "LMS-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(offering(courseId))
                .when().post("/api/v1/learning/offerings").then().statusCode(201);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(offering(courseId))
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(courseId));
    }

    @Test
    void unknownOfferingIsA404Problem() {
        given().auth().oauth2(Tokens.user("alice"))
                .when().get("/api/v1/learning/offerings/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401() {
        given().contentType(ContentType.JSON).body(offering("LMS-x"))
                .when().post("/api/v1/learning/offerings").then().statusCode(401);
        given().when().get("/api/v1/learning/offerings").then().statusCode(401);
    }

    @Test
    void onlyDistrictAdminsCurateTheCatalog() {
        for (String token : new String[] { Tokens.user("alice"), Tokens.user("frank"), Tokens.hrConnector(),
                Tokens.lmsConnector() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(offering("LMS-" + UUID.randomUUID()))
                    .when().post("/api/v1/learning/offerings")
                    .then().statusCode(403);
        }
    }
}
