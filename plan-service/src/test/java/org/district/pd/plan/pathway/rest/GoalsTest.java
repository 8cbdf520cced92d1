package org.district.pd.plan.pathway.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.district.pd.plan.TestRoster;
import org.district.pd.plan.pathway.PlanRefresher;
import org.district.pd.plan.roster.RosterIds;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * District and school goals, and a teacher's goals and choices for their plan's cycle: who writes which, alignment
 * and links that must hold, and goals that carry forward into the next cycle for the teacher to revise.
 */
@QuarkusTest
class GoalsTest {

    private static final String GOALS = "/api/v1/plans/goals";
    private static final String PLANS = "/api/v1/plans";
    private static final UUID DAN = RosterIds.educatorId("t-dan");

    /** Learn: any 1 of two optional milestones, and one required; then Reflect. */
    private static final String STAGES = """
            [{"name": "Learn", "choose": 1, "milestones": [
                {"key": "plc", "title": "A PLC meeting", "required": false,
                 "rule": {"type": "attend-sessions", "count": 1, "kind": "plc"}},
                {"key": "course", "title": "A course", "required": false,
                 "rule": {"type": "complete-offerings", "count": 1}},
                {"key": "hours", "title": "Two hours", "required": true, "rule": {"type": "earn-hours", "hours": 2}}]},
             {"name": "Reflect", "milestones": [
                {"key": "reflect", "title": "A reflection", "required": true, "rule": {"type": "reflection"}}]}]""";

    @Inject
    Pool database;

    @Inject
    PlanRefresher refresher;

    private static boolean rostered;

    private static synchronized void roster() {
        if (rostered) {
            return;
        }
        rostered = true;
        TestRoster.importUsers("", """
                sourcedId,orgSourcedIds,role,givenName,familyName,email
                t-dan,lincoln-es,teacher,Dan,Davis,dan@district-demo.example
                """).body("counts.rejected", equalTo(0));
    }

    @Test
    void districtAndSchoolGoalsAreWrittenByTheirAuthorsAndAlignOnlyAsTheyShould() {
        roster();
        String lincoln = TestRoster.orgId("lincoln-es").toString();
        String roosevelt = TestRoster.orgId("roosevelt-ms").toString();
        String district = as("grace").body(goal(null, null, "Every student reads by grade 3", "2026-2027")).when()
                .post(GOALS).then().statusCode(201).body("schoolId", nullValue()).extract().path("id");
        String school = as("frank").body(goal(lincoln, district, "Guided reading daily", "2026-2027")).when()
                .post(GOALS).then().statusCode(201).body("alignedTo", equalTo(district)).extract().path("id");
        as("frank").body(goal(roosevelt, null, "Not my school", "2026-2027")).when().post(GOALS).then()
                .statusCode(403);
        as("frank").body(goal(null, null, "A district goal", "2026-2027")).when().post(GOALS).then().statusCode(403);
        as("alice").body(goal(lincoln, null, "A teacher", "2026-2027")).when().post(GOALS).then().statusCode(403);
        as("henry").when().get(GOALS).then().statusCode(403);
        given().when().get(GOALS).then().statusCode(401);

        as("frank").body(goal(lincoln, school, "Aligned to a school goal", "2026-2027")).when().post(GOALS).then()
                .statusCode(400).body("violations.field", contains("alignedTo"));
        as("frank").body(goal(lincoln, district, "Another year", "2027-2028")).when().post(GOALS).then()
                .statusCode(400).body("violations.field", contains("alignedTo"));
        as("grace").body(goal(null, null, "", "2026")).when().post(GOALS).then().statusCode(400)
                .body("violations.field", hasItem("title")).body("violations.field", hasItem("schoolYear"));

        String other = as("grace").body(goal(roosevelt, null, "Roosevelt's own", "2026-2027")).when().post(GOALS)
                .then().statusCode(201).extract().path("id");
        as("alice").when().get(GOALS + "?schoolYear=2026-2027&size=200").then().statusCode(200)
                .body("id", hasItem(district)).body("id", hasItem(school)).body("id", not(hasItem(other)));
        as("alice").when().get(GOALS + "/" + other).then().statusCode(404);
        as("frank").body(goal(lincoln, district, "Guided reading every day", "2026-2027")).when()
                .put(GOALS + "/" + school).then().statusCode(200).body("title", equalTo("Guided reading every day"));
    }

    @Test
    void theTeacherWritesGoalsAndChoicesForTheOpenCycleAndTheyCarryForwardToTheNext() {
        roster();
        String lincoln = TestRoster.orgId("lincoln-es").toString();
        String roosevelt = TestRoster.orgId("roosevelt-ms").toString();
        String schoolGoal = as("frank").body(goal(lincoln, null, "Questioning", "2026-2027")).when().post(GOALS)
                .then().statusCode(201).extract().path("id");
        String elsewhere = as("grace").body(goal(roosevelt, null, "Roosevelt only", "2026-2027")).when()
                .post(GOALS).then().statusCode(201).extract().path("id");
        String template = as("grace").body(TemplateResourceTest.template(null, "Goals " + UUID.randomUUID(), STAGES))
                .when().post(PLANS + "/templates").then().statusCode(201).extract().path("id");
        String planId = as("frank").body("""
                {"educatorId": "%s", "templateId": "%s", "startsAt": "%s"}""".formatted(DAN, template,
                Instant.now().minus(1, ChronoUnit.HOURS))).when().post(PLANS).then().statusCode(201)
                .extract().path("id");
        String plan = PLANS + "/" + planId;

        as("dan").body("""
                {"goals": [{"title": "Ask open questions", "linkedGoalId": "%s", "competencyTags": ["questioning"]}]}"""
                .formatted(schoolGoal)).when().put(plan + "/goals").then().statusCode(200)
                .body("intent.cycle", equalTo(1)).body("intent.carriedFrom", nullValue())
                .body("intent.goals[0].linkedGoalId", equalTo(schoolGoal));
        as("dan").body("{\"milestones\": [\"plc\"]}").when().put(plan + "/choices").then().statusCode(200)
                .body("intent.choices", contains("plc")).body("intent.goals[0].title", equalTo("Ask open questions"));

        as("dan").body("{\"goals\": [{\"title\": \"x\", \"linkedGoalId\": \"%s\"}]}".formatted(elsewhere)).when()
                .put(plan + "/goals").then().statusCode(400).body("violations.field", contains("goals[0].linkedGoalId"));
        as("dan").body("{\"goals\": [{\"title\": \"\"}]}").when().put(plan + "/goals").then().statusCode(400)
                .body("violations.field", contains("goals[0].title"));
        as("dan").body("{\"milestones\": [\"hours\", \"plc\", \"plc\"]}").when().put(plan + "/choices").then()
                .statusCode(400).body("violations.field", contains("milestones[0]", "milestones[2]"));
        as("frank").body("{\"milestones\": [\"plc\"]}").when().put(plan + "/choices").then().statusCode(403);
        as("alice").body("{\"milestones\": [\"plc\"]}").when().put(plan + "/choices").then().statusCode(404);

        // The first cycle's period ends: the second opens with dan's goals and choices carried forward.
        database.preparedQuery("update plan set started_at = '2026-03-01T00:00:00Z' where id = $1")
                .execute(Tuple.of(UUID.fromString(planId))).await().indefinitely();
        database.preparedQuery("update plan_refresh_due set due_at = now() where plan_id = $1")
                .execute(Tuple.of(UUID.fromString(planId))).await().indefinitely();
        // The scheduled refresher may hold the plan's lock when drain() runs (drain skips locked plans): wait for it.
        refresher.drain();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("dan").when().get(plan).then().statusCode(200)
                .body("progress.cycle", equalTo(2)));
        as("dan").when().get(plan).then().statusCode(200).body("progress.cycle", equalTo(2))
                .body("intent.cycle", equalTo(2)).body("intent.carriedFrom", equalTo(1))
                .body("intent.goals[0].title", equalTo("Ask open questions")).body("intent.choices", contains("plc"));
        as("dan").body("{\"goals\": [{\"title\": \"Ask fewer, deeper questions\"}]}").when().put(plan + "/goals")
                .then().statusCode(200).body("intent.carriedFrom", nullValue())
                .body("intent.goals[0].title", equalTo("Ask fewer, deeper questions"))
                .body("intent.choices", contains("plc"));
    }

    private static String goal(String schoolId, String alignedTo, String title, String year) {
        return """
                {"schoolId": %s, "alignedTo": %s, "title": "%s", "description": "d",
                 "competencyTags": ["literacy"], "schoolYear": "%s"}""".formatted(quoted(schoolId), quoted(alignedTo),
                title, year);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json");
    }
}
