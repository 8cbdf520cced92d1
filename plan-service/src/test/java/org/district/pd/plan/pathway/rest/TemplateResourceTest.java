package org.district.pd.plan.pathway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Templates over REST with real tokens: who writes and reads which, versions, and a 400 naming each bad field. */
@QuarkusTest
public class TemplateResourceTest {

    private static final String TEMPLATES = "/api/v1/plans/templates";
    /** frank is the principal of Lincoln, alice teaches there, carol at another school. */
    private static final String LINCOLN = "bafd1764-384a-3c8f-9104-11542913b123";
    private static final String OTHER_SCHOOL = "2698429a-d6a5-343b-8695-6a069b029c33";

    public static String template(String schoolId, String name, String stages) {
        return """
                {"schoolId": %s, "name": "%s",
                 "audience": {"careerStages": ["novice"], "autoAssign": true},
                 "cadence": {"kind": "SEMESTER", "anchor": "2026-08-15"}, "cycles": null,
                 "stages": %s}""".formatted(schoolId == null ? "null" : "\"" + schoolId + "\"", name, stages);
    }

    static final String STAGES = """
            [{"name": "Learn", "milestones": [
                {"key": "learn", "title": "Two literacy offerings", "required": true,
                 "rule": {"type": "complete-offerings", "count": 2, "tag": "literacy"}},
                {"key": "hours", "title": "Six hours", "required": true, "rule": {"type": "earn-hours", "hours": 6}}]},
             {"name": "Apply", "choose": 1, "milestones": [
                {"key": "plc", "title": "A PLC meeting", "required": false,
                 "rule": {"type": "attend-sessions", "count": 1, "kind": "plc"}},
                {"key": "reflect", "title": "A reflection", "required": false, "rule": {"type": "reflection"}}]}]""";

    @Test
    void aDistrictAdminWritesADistrictTemplateAndEveryEditIsANewVersionThatEducatorsRead() {
        String id = as("grace").body(template(null, "Novice teachers", STAGES)).when().post(TEMPLATES).then()
                .statusCode(201).header("Location", startsWith(TEMPLATES + "/")).body("version", equalTo(1))
                .body("schoolId", nullValue())
                .body("template.stages[1].choose", equalTo(1))
                .body("template.stages[0].milestones[0].rule.type", equalTo("complete-offerings"))
                .body("createdBy", equalTo("grace")).extract().path("id");
        as("grace").body(template(null, "Novice teachers, revised", STAGES)).when().put(TEMPLATES + "/" + id).then()
                .statusCode(200).body("id", equalTo(id)).body("version", equalTo(2));

        as("alice").when().get(TEMPLATES + "/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("template.name", equalTo("Novice teachers, revised"));
        as("carol").when().get(TEMPLATES + "/" + id + "/versions/1").then().statusCode(200)
                .body("template.name", equalTo("Novice teachers"));
        as("alice").queryParam("size", 200).when().get(TEMPLATES).then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void aPrincipalWritesTemplatesForTheirOwnSchoolAndNoOneElseSeesAnotherSchoolsTemplate() {
        String lincoln = as("frank").body(template(LINCOLN, "Lincoln literacy", STAGES)).when().post(TEMPLATES)
                .then().statusCode(201).body("schoolId", equalTo(LINCOLN)).extract().path("id");
        as("frank").body(template(null, "District-wide", STAGES)).when().post(TEMPLATES).then().statusCode(403)
                .contentType("application/problem+json");
        as("frank").body(template(OTHER_SCHOOL, "Not mine", STAGES)).when().post(TEMPLATES).then().statusCode(403);
        as("frank").body(template(LINCOLN, "Lincoln literacy 2", STAGES)).when().put(TEMPLATES + "/" + lincoln)
                .then().statusCode(200).body("version", equalTo(2));
        as("frank").body(template(OTHER_SCHOOL, "Moved", STAGES)).when().put(TEMPLATES + "/" + lincoln).then()
                .statusCode(400).body("violations.field", contains("schoolId"));

        String other = as("grace").body(template(OTHER_SCHOOL, "Elsewhere", STAGES)).when().post(TEMPLATES).then()
                .statusCode(201).extract().path("id");
        String district = as("grace").body(template(null, "Everyone", STAGES)).when().post(TEMPLATES).then()
                .statusCode(201).extract().path("id");
        for (String reader : List.of("frank", "alice")) {
            as(reader).when().get(TEMPLATES + "/" + other).then().statusCode(404).contentType("application/problem+json");
            as(reader).queryParam("size", 200).when().get(TEMPLATES).then().statusCode(200)
                    .body("id", hasItem(lincoln)).body("id", hasItem(district)).body("id", not(hasItem(other)));
        }
        as("carol").when().get(TEMPLATES + "/" + lincoln).then().statusCode(404);
        as("frank").body(template(OTHER_SCHOOL, "Elsewhere", STAGES)).when().put(TEMPLATES + "/" + other).then()
                .statusCode(404);
        as("frank").body(template(null, "Everyone", STAGES)).when().put(TEMPLATES + "/" + district).then()
                .statusCode(403);
        as("frank").queryParam("schoolId", OTHER_SCHOOL).when().get(TEMPLATES).then().statusCode(403);
        as("grace").queryParam("schoolId", OTHER_SCHOOL).queryParam("size", 200).when().get(TEMPLATES).then()
                .statusCode(200).body("id", hasItem(other)).body("id", not(hasItem(lincoln)));
    }

    @Test
    void aTemplateThatCannotRunIsAProblemNamingEachField() {
        String stages = """
                [{"name": "Empty", "milestones": []},
                 {"name": "Bad", "choose": 3, "milestones": [
                    {"key": "a", "title": "None", "required": false,
                     "rule": {"type": "complete-offerings", "count": 0}},
                    {"key": "b", "title": "Hours", "required": false, "rule": {"type": "earn-hours", "hours": -1}}]}]""";
        as("grace").body(template(null, "Broken", stages).replace("\"SEMESTER\"", "\"WEEKS\", \"weeks\": 0"))
                .when().post(TEMPLATES).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("cadence.weeks", "stages[0].milestones",
                        "stages[1].milestones[0].rule.count", "stages[1].milestones[1].rule.hours",
                        "stages[1].choose"));
        String unknownRule = STAGES.replace("\"reflection\"", "\"interpretive-dance\"");
        as("grace").body(template(null, "Unknown rule", unknownRule)).when().post(TEMPLATES).then().statusCode(400)
                .body("violations.field", contains("stages[1].milestones[1].rule"));
        as("grace").body("[]").when().post(TEMPLATES).then().statusCode(400);
    }

    @Test
    void templatesAnswer401403And404AsTheirRolesSay() {
        given().when().get(TEMPLATES).then().statusCode(401);
        given().contentType("application/json").body(template(null, "T", STAGES)).when().post(TEMPLATES).then()
                .statusCode(401);
        for (RequestSpecification hr : List.of(as("henry"), given().auth().oauth2(Tokens.hrConnector()))) {
            hr.when().get(TEMPLATES).then().statusCode(403).contentType("application/problem+json");
        }
        for (String notAnAuthor : List.of("alice", "erin", "henry")) {
            as(notAnAuthor).body(template(null, "T", STAGES)).when().post(TEMPLATES).then().statusCode(403);
        }
        as("alice").when().get(TEMPLATES + "/" + UUID.randomUUID()).then().statusCode(404);
        as("alice").when().get(TEMPLATES + "/not-a-uuid").then().statusCode(400).body("violations.field", contains("id"));
        as("alice").when().get(TEMPLATES + "/" + UUID.randomUUID() + "/versions/0").then().statusCode(400)
                .body("violations.field", contains("version"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json");
    }
}
