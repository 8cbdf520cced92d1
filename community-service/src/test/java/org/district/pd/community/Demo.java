package org.district.pd.community;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/** The demo realm's people as this service's tests need them, rostered through the real roster topic. */
public final class Demo {

    public static final String ALICE = "ebfb6d30-f464-356c-8f76-758edbe23e38";
    public static final String BOB = "7ecef643-e5e5-30e3-8fb7-0e103c2656ec";
    public static final String CAROL = "97c8cf48-4f58-3e80-916e-13ef39929c93";
    public static final String DAN = "3818393d-b09b-3c9e-9c9a-c6af8d3c3dd2";
    public static final String ERIN = "22ee1145-7a6a-313a-a325-050990312d15";
    public static final String JACK = "2f19c82f-f21b-3b60-adfd-a57d9495a968";
    public static final String LINCOLN = "bafd1764-384a-3c8f-9104-11542913b123";
    public static final String ROOSEVELT = "2698429a-d6a5-343b-8695-6a069b029c33";
    public static final String JEFFERSON = "9e0b977b-3dc6-3437-bda1-98cb4cbe682b";
    public static final String COMMUNITIES = "/api/v1/community/communities";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean rostered;

    private Demo() {
    }

    /** Rosters the demo teachers once per test run, and waits until the projection has them. */
    public static synchronized void rosterEveryone() {
        if (rostered) {
            return;
        }
        rostered("Alice", ALICE, "alice@district.example", new String[] {"Mathematics"}, new String[] {"06", "07"},
                LINCOLN);
        rostered("Bob", BOB, "bob@district.example", new String[] {"Science"}, new String[] {"07"}, LINCOLN);
        rostered("Carol", CAROL, "carol@district.example", new String[] {"Mathematics"}, new String[] {"07", "08"},
                ROOSEVELT);
        rostered("Dan", DAN, "dan@district.example", new String[] {"English"}, new String[] {"10"}, JEFFERSON);
        rostered("Erin", ERIN, "erin@district.example", new String[] {"Mathematics"}, new String[] {"06"}, LINCOLN,
                ROOSEVELT);
        rostered("Jack", JACK, "jack@district.example", new String[] {}, new String[] {}, ROOSEVELT);
        // Each educator reached the projection once an invitation of them is no longer refused as unknown (400).
        String probe = create("grace", """
                {"kind":"NETWORK","name":"Roster probe","purpose":"Waits for the roster","visibility":"INVITE"}""");
        for (String educator : new String[] {ALICE, BOB, CAROL, DAN, ERIN, JACK}) {
            Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> given()
                    .auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON)
                    .body("{\"educatorId\":\"" + educator + "\"}")
                    .when().post(COMMUNITIES + "/" + probe + "/invitations").statusCode() != 400);
        }
        rostered = true;
    }

    /** Publishes a roster snapshot of a demo educator, as plan-service does. */
    public static void rostered(String givenName, String educatorId, String email, String[] subjects,
            String[] grades, String... schools) {
        ObjectNode data = JSON.createObjectNode();
        data.put("educatorId", educatorId);
        data.put("sourcedId", "s-" + givenName.toLowerCase());
        data.putObject("name").put("givenName", givenName).put("familyName", "Demo");
        data.put("email", email);
        var schoolIds = data.putArray("schoolIds");
        for (String school : schools) {
            schoolIds.add(school);
        }
        data.putArray("roles").add("teacher");
        data.putNull("careerStage");
        var subjectList = data.putArray("subjects");
        for (String subject : subjects) {
            subjectList.add(subject);
        }
        var gradeList = data.putArray("grades");
        for (String grade : grades) {
            gradeList.add(grade);
        }
        data.put("active", true);
        Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(UUID.randomUUID(),
                "pd.roster.educator.upserted.v1", "/plan-service", educatorId));
        headers.put("ce_time", Instant.now().toString());
        KafkaTestClient.send("pd.roster.educators", educatorId, headers, data.toString());
    }

    /** Creates a community as {@code user}; returns its id. */
    public static String create(String user, String body) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(body)
                .when().post(COMMUNITIES).then().statusCode(201).extract().path("id");
    }

    /** Creates a community as {@code user} and has grace, the district admin, make it credit-bearing. */
    public static String createWithCredit(String user, String body) {
        String id = create(user, body);
        given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"creditBearing\":true}")
                .when().put(COMMUNITIES + "/" + id + "/credit-bearing").then().statusCode(200);
        return id;
    }

    /** A community body with a name unique to this run. */
    public static String community(String kind, String visibility, String school, boolean credit) {
        return """
                {"kind":"%s","name":"%s %s","purpose":"Look at student work together","tags":["math","grade-7"],
                 "schoolId":%s,"visibility":"%s","creditBearing":%s}"""
                .formatted(kind, kind, UUID.randomUUID().toString().substring(0, 8),
                        school == null ? "null" : "\"" + school + "\"", visibility, credit);
    }
}
