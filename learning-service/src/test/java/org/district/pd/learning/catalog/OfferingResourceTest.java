package org.district.pd.learning.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.district.pd.learning.Catalog.offering;

import java.util.UUID;

import org.district.pd.learning.Catalog;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class OfferingResourceTest {

    private static final String LMS_COURSE = "{\"lms\":\"" + Catalog.LMS + "\",\"courseId\":\"LMS-forbidden\"}";

    @Test
    void districtAdminCreatesAnOfferingThatEveryoneCanRead() {
        String courseId = "LMS-" + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(offering(courseId))
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/learning/offerings/"))
                .body("id", notNullValue())
                .body("creditHours", equalTo(6))
                .body("variableCredit", equalTo(false))
                .body("maxCreditHours", nullValue())
                .body("lmsCourses[0].lms", equalTo(Catalog.LMS))
                .body("lmsCourses[0].courseId", equalTo(courseId))
                .extract().path("id");

        given().auth().oauth2(Tokens.user("alice"))
                .when().get("/api/v1/learning/offerings/" + id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user("grace"))
                .when().post("/api/v1/learning/offerings/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue());
        given().auth().oauth2(Tokens.user("alice"))
                .when().get("/api/v1/learning/offerings/" + id)
                .then().statusCode(200).body("title", equalTo("Formative Assessment"));
    }

    @Test
    void aVariableCreditOfferingShowsItsMaximum() {
        String id = Catalog.create(Catalog.variableOffering("LMS-" + UUID.randomUUID(), "10"));
        given().auth().oauth2(Tokens.user("alice"))
                .when().get("/api/v1/learning/offerings/" + id)
                .then().statusCode(200)
                .body("variableCredit", equalTo(true))
                .body("maxCreditHours", equalTo(10.0f));
    }

    @Test
    void variableCreditNeedsAMaximumNoLowerThanTheCreditAndNoHigherThan999() {
        String course = "LMS-" + UUID.randomUUID();
        assertInvalidMaximum(Catalog.variableOffering(course, "10").replace(",\"maxCreditHours\":10", ""),
                "is required when variableCredit is true");
        assertInvalidMaximum(Catalog.variableOffering(course, "5.5"), "must be at least creditHours (6)");
        assertInvalidMaximum(Catalog.variableOffering(course, "1000"), "must be less than or equal to 999");
        assertInvalidMaximum(Catalog.offering(course).replace("\"creditHours\":6", "\"creditHours\":6,\"maxCreditHours\":8"),
                "applies only when variableCredit is true");
    }

    private static void assertInvalidMaximum(String body, String message) {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("maxCreditHours"))
                .body("violations.message", hasItem(message));
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
    void aCourseOfOneLmsCannotBeMappedTwiceButTheSameIdInAnotherLmsIsAnotherCourse() {
        String courseId = "LMS-" + UUID.randomUUID();
        String id = Catalog.create(offering(courseId));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(offering(courseId))
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(courseId));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"lms\":\"" + Catalog.LMS + "\",\"courseId\":\"" + courseId + "\"}")
                .when().post("/api/v1/learning/offerings/" + id + "/lms-courses")
                .then().statusCode(409).contentType("application/problem+json");

        Catalog.create(offering("other-lms", courseId));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"lms\":\"third-lms\",\"courseId\":\"" + courseId + "\"}")
                .when().post("/api/v1/learning/offerings/" + id + "/lms-courses")
                .then().statusCode(200)
                .body("lmsCourses.lms", contains(Catalog.LMS, "third-lms"))
                .body("lmsCourses.courseId", everyItem(equalTo(courseId)));
    }

    @Test
    void anLmsCourseNamesItsLms() {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(offering("Canvas", "LMS-" + UUID.randomUUID()))
                .when().post("/api/v1/learning/offerings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("lmsCourses[0].lms"));
    }

    @Test
    void aMalformedIdOrPageIsA400NamingIt() {
        given().auth().oauth2(Tokens.user("alice")).when().get("/api/v1/learning/offerings/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("id"));
        for (String size : new String[] { "0", "201", "ten", "99999999999" }) {
            given().auth().oauth2(Tokens.user("alice")).queryParam("size", size).when().get("/api/v1/learning/offerings")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("size"));
        }
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
        given().contentType(ContentType.JSON).body(LMS_COURSE)
                .when().post("/api/v1/learning/offerings/" + UUID.randomUUID() + "/lms-courses").then().statusCode(401);
    }

    @Test
    void onlyDistrictAdminsCurateTheDistrictsOfferings() {
        String id = Catalog.create(offering("LMS-" + UUID.randomUUID()));
        for (String token : new String[] { Tokens.user("alice"), Tokens.user("frank"), Tokens.hrConnector(),
                Tokens.lmsConnector() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(offering("LMS-" + UUID.randomUUID()))
                    .when().post("/api/v1/learning/offerings")
                    .then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(LMS_COURSE)
                    .when().post("/api/v1/learning/offerings/" + id + "/lms-courses")
                    .then().statusCode(403);
        }
    }
}
