package org.district.pd.learning.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The full catalog entry: authors by school, the draft-published-retired lifecycle, and search. */
@QuarkusTest
class CatalogTest {

    static final String LINCOLN = "bafd1764-384a-3c8f-9104-11542913b123";
    static final String CAROLS_SCHOOL = "2698429a-d6a5-343b-8695-6a069b029c33";
    private static final String OFFERINGS = "/api/v1/learning/offerings";

    /** A full entry; {@code word} makes its title and tag findable by this test alone. */
    static String entry(String word, String format, String schoolId, int minutes, String credit) {
        return """
                {"title":"Questioning %s","description":"Ask better questions so every student thinks.",
                 "format":"%s","durationMinutes":%d,"creditHours":%s,"creditType":"CLOCK_HOUR",
                 "category":"WORKSHOP","competencyTags":["%s","questioning"],"standards":["LEARNING_DESIGNS"],
                 "subject":"Mathematics","gradeBands":["3-5"],"careerStages":["novice"],"provider":"Math Circle",
                 "schoolId":%s}""".formatted(word, format, minutes, credit, word,
                schoolId == null ? "null" : "\"" + schoolId + "\"");
    }

    static String create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(OFFERINGS).then().statusCode(201).extract().path("id");
    }

    static void publish(String token, String id) {
        given().auth().oauth2(token).when().post(OFFERINGS + "/" + id + "/publish").then().statusCode(200);
    }

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void publishingAnnouncesTheOfferingOnceAndItsEditsAgain() {
        String word = word();
        String id = create(Tokens.user("grace"), entry(word, "IN_PERSON", null, 360, "6"));
        publish(Tokens.user("grace"), id);
        publish(Tokens.user("grace"), id);

        ConsumerRecord<String, String> published = KafkaTestClient.awaitRecord("pd.learning.events",
                record -> record.key().equals(id), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(published, "ce_type")).isEqualTo("pd.learning.offering.published.v1");
        assertThat(EventContracts.violations("pd.learning.offering.published.v1", published.value())).isEmpty();
        assertThat(published.value()).contains("\"tags\":[\"" + word + "\",\"questioning\"]")
                .contains("\"careerStages\":[\"novice\"]").contains("\"schoolId\":null");

        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(entry(word, "IN_PERSON", null, 240, "4"))
                .when().put(OFFERINGS + "/" + id)
                .then().statusCode(200).body("durationMinutes", equalTo(240)).body("status", equalTo("PUBLISHED"));
        List<ConsumerRecord<String, String>> announcements = KafkaTestClient.awaitRecords("pd.learning.events",
                record -> record.key().equals(id), 2, Duration.ofSeconds(30));
        assertThat(announcements).hasSize(2);
        assertThat(announcements.get(1).value()).contains("\"durationMinutes\":240");
    }

    @Test
    void aPrincipalAuthorsTheirOwnSchoolsOfferingsOnly() {
        String word = word();
        String id = create(Tokens.user("frank"), entry(word, "ONLINE", LINCOLN, 60, "1"));
        given().auth().oauth2(Tokens.user("frank")).contentType(ContentType.JSON)
                .body(entry(word, "ONLINE", CAROLS_SCHOOL, 60, "1"))
                .when().post(OFFERINGS)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("frank")).contentType(ContentType.JSON)
                .body(entry(word, "ONLINE", null, 60, "1"))
                .when().post(OFFERINGS)
                .then().statusCode(403);
        // Moving it to another school is writing that school's offering.
        given().auth().oauth2(Tokens.user("frank")).contentType(ContentType.JSON)
                .body(entry(word, "ONLINE", CAROLS_SCHOOL, 60, "1"))
                .when().put(OFFERINGS + "/" + id)
                .then().statusCode(403);
        String district = create(Tokens.user("grace"), entry(word, "ONLINE", null, 60, "1"));
        // The district's draft is hidden from him; once published he reads it but may not retire it.
        given().auth().oauth2(Tokens.user("frank")).when().post(OFFERINGS + "/" + district + "/publish")
                .then().statusCode(404);
        publish(Tokens.user("grace"), district);
        given().auth().oauth2(Tokens.user("frank")).when().post(OFFERINGS + "/" + district + "/retire")
                .then().statusCode(403).contentType("application/problem+json");
        for (String teacher : new String[] {"alice", "jack"}) {
            given().auth().oauth2(Tokens.user(teacher)).contentType(ContentType.JSON)
                    .body(entry(word, "ONLINE", LINCOLN, 60, "1"))
                    .when().post(OFFERINGS)
                    .then().statusCode(403);
        }
        given().when().post(OFFERINGS + "/" + id + "/publish").then().statusCode(401);

        // A draft is its authors' alone: the school's teacher does not see it until it is published.
        given().auth().oauth2(Tokens.user("alice")).when().get(OFFERINGS + "/" + id).then().statusCode(404);
        publish(Tokens.user("frank"), id);
        given().auth().oauth2(Tokens.user("alice")).queryParam("q", word).queryParam("scope", "school")
                .when().get(OFFERINGS)
                .then().statusCode(200).body("id", contains(id));
        // Carol's school is another: its teachers do not find Lincoln's offerings, though they may read one.
        given().auth().oauth2(Tokens.user("carol")).queryParam("q", word)
                .when().get(OFFERINGS)
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.user("carol")).queryParam("schoolId", LINCOLN)
                .when().get(OFFERINGS)
                .then().statusCode(403);
    }

    @Test
    void searchFindsWordsTagsAndRangesAndHidesDraftsAndRetiredOfferings() {
        String word = word();
        String workshop = create(Tokens.user("grace"), entry(word, "IN_PERSON", null, 360, "6"));
        String micro = create(Tokens.user("grace"), entry(word, "MICRO", null, 10, "0.25"));
        String schools = create(Tokens.user("frank"), entry(word, "ONLINE", LINCOLN, 90, "1.5"));
        String draft = create(Tokens.user("grace"), entry(word, "ONLINE", null, 90, "1.5"));
        String retired = create(Tokens.user("grace"), entry(word, "ONLINE", null, 90, "1.5"));
        for (String id : List.of(workshop, micro, retired)) {
            publish(Tokens.user("grace"), id);
        }
        publish(Tokens.user("frank"), schools);
        given().auth().oauth2(Tokens.user("grace")).when().post(OFFERINGS + "/" + retired + "/retire")
                .then().statusCode(200).body("status", equalTo("RETIRED"));

        search("alice", "q", word).body("id", containsInAnyOrder(workshop, micro, schools));
        search("alice", "tag", word).body("id", containsInAnyOrder(workshop, micro, schools));
        search("alice", "q", word + " -nothing").body("id", hasItem(workshop));
        search("alice", "q", word, "format", "MICRO").body("id", contains(micro));
        search("alice", "q", word, "maxMinutes", "15").body("id", contains(micro));
        search("alice", "q", word, "minMinutes", "60", "maxMinutes", "120").body("id", contains(schools));
        search("alice", "q", word, "minCredit", "2").body("id", contains(workshop));
        search("alice", "q", word, "scope", "district").body("id",
                containsInAnyOrder(workshop, micro));
        search("alice", "q", word, "scope", "school").body("id", contains(schools));
        search("alice", "q", word, "standard", "LEARNING_DESIGNS", "tag", "questioning").body("id",
                containsInAnyOrder(workshop, micro, schools));
        search("alice", "q", word, "standard", "LEADERSHIP").body("id", empty());
        search("grace", "q", word, "status", "DRAFT").body("id", contains(draft));
        // A principal lists his school's drafts, never the district's.
        String lincolnDraft = create(Tokens.user("frank"), entry(word, "ONLINE", LINCOLN, 90, "1.5"));
        search("frank", "q", word, "status", "DRAFT").body("id", contains(lincolnDraft));
        search("grace", "q", word, "status", "retired").body("id", contains(retired));
        given().auth().oauth2(Tokens.user("alice")).queryParam("status", "DRAFT")
                .when().get(OFFERINGS).then().statusCode(403);
    }

    @Test
    void badSearchParametersAreA400NamingEach() {
        for (String[] bad : new String[][] {{"format", "PODCAST"}, {"minCredit", "lots"}, {"minRating", "6"},
                {"maxMinutes", "0"}, {"tag", "Not A Tag"}, {"scope", "planet"}, {"schoolId", "lincoln"}}) {
            given().auth().oauth2(Tokens.user("alice")).queryParam(bad[0], bad[1])
                    .when().get(OFFERINGS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void theFieldsHangTogether() {
        String micro = entry(word(), "MICRO", null, 30, "0.5");
        invalid(micro, "durationMinutes");
        String sessions = entry(word(), "ONLINE", null, 30, "0.5").replace("\"schoolId\"",
                "\"requiredSessions\":2,\"schoolId\"");
        invalid(sessions, "requiredSessions");
        invalid(entry(word(), "ONLINE", null, 30, "0.5").replace("[\"LEARNING_DESIGNS\"]", "[\"KINDNESS\"]"),
                "standards[0]");
        invalid(entry(word(), "ONLINE", null, 30, "0.5").replace("[\"3-5\"]", "[\"4-6\"]"), "gradeBands[0]");
        invalid(entry(word(), "ONLINE", null, 30, "0.5").replace("[\"novice\"]", "[\"rookie\"]"),
                "careerStages[0]");
    }

    @Test
    void aRetiredOfferingIsNotEditedUntilPublishedAgain() {
        String word = word();
        String id = create(Tokens.user("grace"), entry(word, "ONLINE", null, 60, "1"));
        given().auth().oauth2(Tokens.user("grace")).when().post(OFFERINGS + "/" + id + "/retire")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(entry(word, "ONLINE", null, 90, "1"))
                .when().put(OFFERINGS + "/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        publish(Tokens.user("grace"), id);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body(entry(word, "ONLINE", null, 90, "1"))
                .when().put(OFFERINGS + "/" + id)
                .then().statusCode(200).body("durationMinutes", equalTo(90));
    }

    @Test
    void anXapiActivityMapsToOneOffering() {
        String activity = "https://lms.example/activities/" + UUID.randomUUID();
        String id = create(Tokens.user("grace"), entry(word(), "ONLINE", null, 60, "1"));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"activityId\":\"" + activity + "\"}")
                .when().post(OFFERINGS + "/" + id + "/xapi-activities")
                .then().statusCode(200).body("xapiActivityIds", contains(activity));
        String other = create(Tokens.user("grace"), entry(word(), "ONLINE", null, 60, "1"));
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"activityId\":\"" + activity + "\"}")
                .when().post(OFFERINGS + "/" + other + "/xapi-activities")
                .then().statusCode(409);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                .body("{\"activityId\":\"not an iri\"}")
                .when().post(OFFERINGS + "/" + other + "/xapi-activities")
                .then().statusCode(400).body("violations[0].field", equalTo("activityId"));
        // A one-field body is JSON only: as text/plain, even empty, it is a 415 problem, not the reader's bare 400.
        for (String text : new String[] {"", activity}) {
            given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.TEXT).body(text)
                    .when().post(OFFERINGS + "/" + other + "/xapi-activities")
                    .then().statusCode(415).contentType("application/problem+json");
        }
    }

    private static void invalid(String body, String field) {
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(body)
                .when().post(OFFERINGS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private static ValidatableResponse search(String user, String... parameters) {
        var request = given().auth().oauth2(Tokens.user(user)).queryParam("size", "50");
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.when().get(OFFERINGS).then().statusCode(200);
    }
}
