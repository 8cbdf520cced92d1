package org.district.pd.learning.rating;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.district.pd.learning.Sessions.JACK;
import static org.district.pd.learning.Sessions.checkIn;
import static org.district.pd.learning.Sessions.code;
import static org.district.pd.learning.Sessions.register;
import static org.district.pd.learning.Sessions.session;
import static org.district.pd.learning.Sessions.workshop;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Ratings: by those who took part, once each and editable, averaged on the offering and searchable by it. */
@QuarkusTest
class RatingTest {

    private static final String OFFERINGS = "/api/v1/learning/offerings";
    private static final String BOB = "7ecef643-e5e5-30e3-8fb7-0e103c2656ec";

    @Test
    void aTeacherWhoAttendedRatesOnceAndMayChangeTheirMind() {
        String offering = workshop(null);
        String session = session(offering, Duration.ofMinutes(10), 5, JACK);
        rate("bob", offering, 4).statusCode(403).contentType("application/problem+json");
        register("bob", session, "REGISTERED");
        checkIn("bob", session, code(session)).statusCode(201);

        rate("bob", offering, 4).statusCode(201).body("stars", equalTo(4)).body("mine", equalTo(true));
        given().auth().oauth2(Tokens.user("grace")).when().get(OFFERINGS + "/" + offering)
                .then().statusCode(200).body("rating.count", equalTo(1)).body("rating.average", equalTo(4.0f));
        rate("bob", offering, 2).statusCode(200).body("stars", equalTo(2));
        given().auth().oauth2(Tokens.user("alice")).when().get(OFFERINGS + "/" + offering)
                .then().statusCode(200).body("rating.count", equalTo(1)).body("rating.average", equalTo(2.0f));
        given().auth().oauth2(Tokens.user("alice")).when().get(OFFERINGS + "/" + offering + "/ratings")
                .then().statusCode(200).body("stars", contains(2)).body("comment", contains("Useful for Monday"))
                .body("mine", contains(false));

        given().auth().oauth2(Tokens.user("alice")).queryParam("minRating", "3").queryParam("size", "200")
                .when().get(OFFERINGS).then().statusCode(200).body("id", not(hasItem(offering)));
        given().auth().oauth2(Tokens.user("alice")).queryParam("minRating", "2").queryParam("tag", "number-sense")
                .queryParam("size", "200")
                .when().get(OFFERINGS).then().statusCode(200).body("id", hasItem(offering));

        List<ConsumerRecord<String, String>> rated = KafkaTestClient.awaitRecords("pd.learning.events",
                record -> record.value().contains(offering) && record.value().contains("\"stars\""), 2,
                Duration.ofSeconds(30));
        assertThat(rated).allSatisfy(event -> {
            assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo("pd.learning.offering.rated.v1");
            assertThat(event.key()).isEqualTo(BOB);
            assertThat(EventContracts.violations("pd.learning.offering.rated.v1", event.value())).isEmpty();
        });
        assertThat(rated.get(1).value()).contains("\"stars\":2");
    }

    @Test
    void starsAreOneToFiveAndOnlyTeachersRate() {
        String offering = workshop(null);
        rate("bob", offering, 6).statusCode(400).body("violations[0].field", equalTo("stars"));
        rate("bob", offering, 0).statusCode(400).body("violations[0].field", equalTo("stars"));
        rate("frank", offering, 5).statusCode(403);
        given().contentType(ContentType.JSON).body("{\"stars\":5}")
                .when().put(OFFERINGS + "/" + offering + "/ratings/me").then().statusCode(401);
        given().when().get(OFFERINGS + "/" + offering + "/ratings").then().statusCode(401);
    }

    private static ValidatableResponse rate(String user, String offering, int stars) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body("{\"stars\":" + stars + ",\"comment\":\"Useful for Monday\"}")
                .when().put(OFFERINGS + "/" + offering + "/ratings/me").then();
    }
}
