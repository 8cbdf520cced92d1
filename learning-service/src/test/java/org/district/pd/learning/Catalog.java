package org.district.pd.learning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.district.pd.platform.testing.Tokens;

import io.restassured.http.ContentType;

/** Catalog set-up in tests: offering bodies, and the binding of LMS clients to the LMS they report for. */
public final class Catalog {

    /** The LMS the tests' lms-connector speaks for. */
    public static final String LMS = "test-lms";

    private Catalog() {
    }

    /** A six-hour online offering with fixed credit, mapped to one course of {@link #LMS}. */
    public static String offering(String lmsCourseId) {
        return offering(LMS, lmsCourseId);
    }

    public static String offering(String lms, String lmsCourseId) {
        return """
                {"title":"Formative Assessment","format":"ONLINE","creditHours":6,"creditType":"CLOCK_HOUR",
                 "category":"COURSEWORK","lmsCourses":[{"lms":"%s","courseId":"%s"}]}""".formatted(lms, lmsCourseId);
    }

    /** A six-hour offering for which an LMS may report up to {@code maxCreditHours}, mapped to one course of {@link #LMS}. */
    public static String variableOffering(String lmsCourseId, String maxCreditHours) {
        return """
                {"title":"Coaching Lab","format":"BLENDED","creditHours":6,"variableCredit":true,"maxCreditHours":%s,
                 "creditType":"CLOCK_HOUR","category":"COURSEWORK","lmsCourses":[{"lms":"%s","courseId":"%s"}]}"""
                .formatted(maxCreditHours, LMS, lmsCourseId);
    }

    /** Creates and publishes an offering as the district admin, and returns its id. */
    public static String create(String offering) {
        String id = createDraft(offering);
        given().auth().oauth2(Tokens.user("grace"))
                .when().post("/api/v1/learning/offerings/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** Creates an offering as the district admin, as a draft, and returns its id. */
    public static String createDraft(String offering) {
        return given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(offering)
                .when().post("/api/v1/learning/offerings").then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
    }

    /** Binds an LMS client as the district admin; binding again to the same LMS changes nothing. */
    public static void bind(String clientId, String lms) {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"lms\":\"" + lms + "\"}")
                .when().put("/api/v1/learning/lms-clients/" + clientId).then().statusCode(200);
    }
}
