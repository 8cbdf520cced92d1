package org.district.pd.learning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.district.pd.platform.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Session set-up in tests: a workshop, its sessions, registrations, the code on screen and check-ins. */
public final class Sessions {

    public static final String JACK = "2f19c82f-f21b-3b60-adfd-a57d9495a968";
    private static final String LEARNING = "/api/v1/learning";

    private Sessions() {
    }

    /** A published in-person workshop of 4 clock hours, completed by attending two of its sessions. */
    public static String workshop(String schoolId) {
        String body = """
                {"title":"Number Talks","format":"IN_PERSON","durationMinutes":120,"creditHours":4,
                 "creditType":"CLOCK_HOUR","category":"WORKSHOP","competencyTags":["number-sense"],
                 "requiredSessions":2,"schoolId":%s}""".formatted(schoolId == null ? "null" : "\"" + schoolId + "\"");
        String id = given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(body)
                .when().post(LEARNING + "/offerings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("grace")).when().post(LEARNING + "/offerings/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }

    /** A one-hour session starting {@code fromNow}, facilitated by {@code facilitator}. */
    public static String session(String offeringId, Duration fromNow, int capacity, String facilitator) {
        Instant start = Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS);
        return given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("""
                        {"startsAt":"%s","endsAt":"%s","location":"Room 101","capacity":%d,"facilitatorId":"%s"}"""
                        .formatted(start, start.plus(Duration.ofHours(1)), capacity, facilitator))
                .when().post(LEARNING + "/offerings/" + offeringId + "/sessions")
                .then().statusCode(201).body("creditHours", equalTo(2.0f)).body("seatsLeft", equalTo(capacity))
                .extract().path("id");
    }

    public static void register(String user, String sessionId, String status) {
        given().auth().oauth2(Tokens.user(user)).when().post(LEARNING + "/sessions/" + sessionId + "/registrations")
                .then().statusCode(200).body("status", equalTo(status));
    }

    public static String code(String sessionId) {
        return given().auth().oauth2(Tokens.user("jack")).when().get(LEARNING + "/sessions/" + sessionId + "/check-in-code")
                .then().statusCode(200).body("stepSeconds", equalTo(30)).extract().path("code");
    }

    public static ValidatableResponse checkIn(String user, String sessionId, String code) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\"}")
                .when().post(LEARNING + "/sessions/" + sessionId + "/check-ins").then();
    }
}
