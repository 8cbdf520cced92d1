package org.district.pd.credentials;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/** The demo realm's people as this service's tests need them, and definitions to submit against. */
public final class Demo {

    public static final String ALICE = "ebfb6d30-f464-356c-8f76-758edbe23e38";
    public static final String CAROL = "97c8cf48-4f58-3e80-916e-13ef39929c93";
    public static final String ERIN = "22ee1145-7a6a-313a-a325-050990312d15";
    public static final String IVY = "c1c79e25-8a92-3188-b144-6fde8ca6e12b";
    public static final String LINCOLN = "bafd1764-384a-3c8f-9104-11542913b123";
    public static final String DEFINITIONS = "/api/v1/credentials/definitions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Demo() {
    }

    /** Publishes a roster snapshot of a demo educator, as plan-service does. */
    public static void rostered(String educatorId, String givenName, String email, String... schools) {
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
        data.putArray("subjects");
        data.putArray("grades");
        data.put("active", true);
        Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(UUID.randomUUID(),
                "pd.roster.educator.upserted.v1", "/plan-service", educatorId));
        headers.put("ce_time", Instant.now().toString());
        KafkaTestClient.send("pd.roster.educators", educatorId, headers, data.toString());
    }

    /** Announces a coach for a plan of the teacher, as plan-service does. */
    public static void coachAssigned(String teacher, String coach) {
        ObjectNode data = JSON.createObjectNode();
        data.put("planId", UUID.randomUUID().toString());
        data.put("educatorId", teacher);
        data.put("coachId", coach);
        data.put("assignedAt", Instant.now().toString());
        KafkaTestClient.send("pd.plan.events", teacher, KafkaTestClient.cloudEventHeaders(UUID.randomUUID(),
                "pd.plan.coach.assigned.v1", "/plan-service", teacher), data.toString());
    }

    /** A micro-credential asking for a lesson plan, a video and a reflection, scored on two criteria. */
    public static String microCredential(String name, int assessors, String extra) {
        return """
                {"kind":"MICRO_CREDENTIAL","name":"%s","description":"Uses exit tickets to adjust instruction",
                 "competency":"Formative assessment","keyMethod":"Exit tickets","researchBasis":"Black & Wiliam 1998",
                 "evidence":[
                   {"key":"lesson-plan","kind":"LESSON_PLAN","instructions":"A lesson plan using exit tickets"},
                   {"key":"video","kind":"VIDEO_LINK","instructions":"Ten minutes of the lesson"},
                   {"key":"reflection","kind":"REFLECTION","instructions":"What changed for students?"}],
                 "rubric":{"criteria":[{"key":"alignment","name":"Alignment to objectives"},
                                       {"key":"adjustment","name":"Instruction adjusted from evidence"}],
                           "levels":[{"score":1,"name":"Emerging"},{"score":2,"name":"Developing"},
                                     {"score":3,"name":"Proficient"},{"score":4,"name":"Exemplary"}],
                           "passing":{"minimumLevel":3}},
                 "review":{"assessors":%d},
                 "creditHours":10,"validityMonths":36,"competencyTags":["formative-assessment"]%s}"""
                .formatted(name, assessors, extra);
    }

    /** Creates and publishes a definition as grace, the district admin; returns its id. */
    public static String published(String body) {
        String id = given().auth().oauth2(Tokens.user("grace")).contentType(ContentType.JSON).body(body)
                .when().post(DEFINITIONS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("grace")).when().post(DEFINITIONS + "/" + id + "/publication")
                .then().statusCode(200);
        return id;
    }
}
