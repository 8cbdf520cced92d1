package org.district.pd.plan.pathway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.district.pd.plan.LearningEvents;
import org.district.pd.plan.TestRoster;
import org.district.pd.plan.pathway.Cadence;
import org.district.pd.plan.roster.RosterIds;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Plans through real tokens and a real completion on the broker: frank, Lincoln's principal, starts alice's plan; a
 * course.completed for her moves it; who may read it and who gets a 404.
 */
@QuarkusTest
class PlanResourceTest {

    @Inject
    Pool database;

    private static final String PLANS = "/api/v1/plans";
    private static final UUID ALICE = RosterIds.educatorId("t-alice");
    private static final String ELSEWHERE = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
    private static final UUID OTHER_TEACHER = RosterIds.educatorId("t-" + ELSEWHERE);

    /** Learn: one offering tagged feedback-for-learning and 3 hours; then Reflect. */
    private static final String STAGES = """
            [{"name": "Learn", "milestones": [
                {"key": "feedback", "title": "An offering on feedback", "required": true,
                 "rule": {"type": "complete-offerings", "count": 1, "tag": "feedback-for-learning"}},
                {"key": "hours", "title": "Three hours", "required": true,
                 "rule": {"type": "earn-hours", "hours": 3}}]},
             {"name": "Reflect", "milestones": [
                {"key": "reflect", "title": "A reflection", "required": true, "rule": {"type": "reflection"}}]}]""";

    private static final String LEARN_COMPLETED = "state.cycles[0].stages[0].completedAt";

    private static boolean rostered;

    /** Once per class, from the first test: RestAssured knows the test port only once a test runs. */
    private static synchronized void roster() {
        if (rostered) {
            return;
        }
        rostered = true;
        // alice at Lincoln (frank's school, as in the demo district) and a teacher of another school.
        TestRoster.importUsers(ELSEWHERE + ",active,,Elsewhere School,school,,\n",
                "sourcedId,orgSourcedIds,role,givenName,familyName,email\n"
                        + "t-alice,lincoln-es,teacher,Alice,Anderson,alice@district-demo.example\n"
                        + "t-" + ELSEWHERE + "," + ELSEWHERE + ",teacher,Olu,Other,\n")
                .body("counts.rejected", equalTo(0));
    }

    @Test
    void aCompletionOnTheBrokerMovesTheTeachersPlanWhichSheAndHerPrincipalRead() {
        roster();
        String template = districtTemplate("Feedback pathway " + UUID.randomUUID());
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        String planId = as("frank").body("""
                {"educatorId": "%s", "templateId": "%s", "startsAt": "%s"}""".formatted(ALICE, template, start))
                .when().post(PLANS).then().statusCode(201).header("Location", startsWith(PLANS + "/"))
                .body("educatorId", equalTo(ALICE.toString())).body("template.version", equalTo(1))
                .body("state.cycles[0].status", equalTo("OPEN")).body("state.cycles[0].currentStage", equalTo(0))
                .extract().path("id");
        as("frank").body("""
                {"educatorId": "%s", "templateId": "%s"}""".formatted(ALICE, template)).when().post(PLANS).then()
                .statusCode(409).contentType("application/problem+json");

        ObjectNode completion = LearningEvents.completion(ALICE, "3.50", "COURSEWORK", Instant.now());
        LearningEvents.send(completion);
        ValidatableResponse moved = awaitPlan("alice", planId, LEARN_COMPLETED, "Learn completed");
        moved.body("state.cycles[0].currentStage", equalTo(1))
                .body("state.cycles[0].stages[0].milestones.key", contains("feedback", "hours"))
                .body("state.cycles[0].stages[0].milestones[1].progress", equalTo(3))
                .body("state.cycles[0].stages[1].completedAt", nullValue());
        as("alice").when().get(PLANS + "/me").then().statusCode(200).body("id", hasItem(planId));
        as("frank").when().get(PLANS + "/" + planId).then().statusCode(200)
                .body("state.cycles[0].currentStage", equalTo(1));
        as("grace").when().get(PLANS + "/" + planId).then().statusCode(200);
    }

    @Test
    void aSessionAttendedOnTheBrokerCompletesACycleAndIsCreditedOnce() {
        roster();
        String stages = """
                [{"name": "Meet", "milestones": [
                    {"key": "plc", "title": "A PLC meeting", "required": true,
                     "rule": {"type": "attend-sessions", "count": 1, "kind": "plc"}},
                    {"key": "plc-hours", "title": "An hour of PLC", "required": true,
                     "rule": {"type": "earn-hours", "hours": 1, "category": "PLC"}}]}]""";
        String template = as("grace")
                .body(TemplateResourceTest.template(null, "PLC pathway " + UUID.randomUUID(), stages))
                .when().post("/api/v1/plans/templates").then().statusCode(201).extract().path("id");
        String planId = as("grace").body("""
                {"educatorId": "%s", "templateId": "%s", "startsAt": "%s"}""".formatted(ALICE, template,
                Instant.now().minus(1, ChronoUnit.HOURS))).when().post(PLANS).then().statusCode(201)
                .extract().path("id");

        ObjectNode webinar = LearningEvents.attendance(ALICE, "webinar", "2.0", "PLC", Instant.now());
        ObjectNode plc = LearningEvents.attendance(ALICE, "plc", "1.5", "PLC", Instant.now());
        assertThat(EventContracts.violations(LearningEvents.ATTENDED, plc.toString())).isEmpty();
        LearningEvents.sendAttendance(webinar);
        awaitLedgerEntry(webinar.get("attendanceId").asText());
        awaitPlan("alice", planId, "state.cycles[0].stages[0].milestones[1].progress", "the webinar's hour")
                .body("state.cycles[0].status", equalTo("OPEN"))
                .body("state.cycles[0].stages[0].milestones.progress", contains(0, 1))
                .body("state.cycles[0].stages[0].milestones[0].metAt", nullValue());

        UUID eventId = LearningEvents.sendAttendance(plc);
        LearningEvents.send(eventId, LearningEvents.ATTENDED, ALICE.toString(), plc.toString());
        ValidatableResponse done = awaitPlan("alice", planId, LEARN_COMPLETED, "the PLC session");
        done.body("state.cycles[0].status", equalTo("COMPLETED")).body("state.cycles[1].status", equalTo("OPEN"));
        assertThat(database.preparedQuery("select count(*) from ledger_entry where source_ref = $1")
                .execute(Tuple.of(plc.get("attendanceId").asText())).await().indefinitely().iterator().next()
                .getLong(0)).as("the redelivered event is credited once").isEqualTo(1);
    }

    @Test
    void aPlanIsNotFoundByAnyoneItIsNotForAndOnlyAuthorsStartOne() {
        roster();
        String template = districtTemplate("Probe pathway " + UUID.randomUUID());
        String planId = as("grace").body("""
                {"educatorId": "%s", "templateId": "%s"}""".formatted(OTHER_TEACHER, template)).when().post(PLANS)
                .then().statusCode(201).extract().path("id");
        // Another teacher, a principal of another school, a coach with no teacher assigned: 404, never 403.
        for (String outsider : List.of("alice", "frank", "erin")) {
            as(outsider).when().get(PLANS + "/" + planId).then().statusCode(404)
                    .contentType("application/problem+json");
            as(outsider).when().get(PLANS + "/" + UUID.randomUUID()).then().statusCode(404);
        }
        as("alice").when().get(PLANS + "/me").then().statusCode(200).body("id", not(hasItem(planId)));
        as("frank").body("""
                {"educatorId": "%s", "templateId": "%s"}""".formatted(OTHER_TEACHER, template)).when().post(PLANS)
                .then().statusCode(400).body("violations.field", contains("educatorId"));
        as("frank").body("""
                {"educatorId": "%s", "templateId": "%s"}""".formatted(UUID.randomUUID(), template)).when().post(PLANS)
                .then().statusCode(400).body("violations.field", contains("educatorId"));
        as("grace").body("""
                {"educatorId": "%s", "templateId": "%s"}""".formatted(ALICE, UUID.randomUUID())).when().post(PLANS)
                .then().statusCode(400).body("violations.field", contains("templateId"));
        as("grace").body("{\"templateId\": \"%s\"}".formatted(template)).when().post(PLANS).then().statusCode(400)
                .body("violations.field", contains("educatorId"));

        given().when().get(PLANS + "/me").then().statusCode(401);
        given().when().get(PLANS + "/" + planId).then().statusCode(401);
        as("henry").when().get(PLANS + "/" + planId).then().statusCode(403);
        as("henry").when().get(PLANS + "/me").then().statusCode(403);
        as("grace").when().get(PLANS + "/me").then().statusCode(403);
        for (String notAnAuthor : List.of("alice", "erin", "henry")) {
            as(notAnAuthor).body("""
                    {"educatorId": "%s", "templateId": "%s"}""".formatted(ALICE, template)).when().post(PLANS).then()
                    .statusCode(403);
        }
        as("grace").when().get(PLANS + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aTeacherEnrollsHerselfInAnOpenTemplateOnlyAndFromItsPeriodsStart() {
        roster();
        String open = openTemplate(null, "Open " + UUID.randomUUID(), true);
        String closed = openTemplate(null, "Closed " + UUID.randomUUID(), false);
        String elsewhere = openTemplate(TestRoster.orgId("roosevelt-ms").toString(), "Roosevelt open " + UUID.randomUUID(),
                true);
        String body = "{\"templateId\": \"%s\"}";
        Cadence semesters = new Cadence(Cadence.Kind.SEMESTER, null, LocalDate.parse("2026-08-15"));
        String periodStart = semesters.startOf(semesters.periodOf(Instant.now())).toString();

        as("alice").body(body.formatted(open)).when().post(PLANS + "/enrollments").then().statusCode(201)
                .header("Location", startsWith(PLANS + "/")).body("educatorId", equalTo(ALICE.toString()))
                .body("startedAt", equalTo(periodStart)).body("progress.cycle", equalTo(1));
        as("alice").body(body.formatted(open)).when().post(PLANS + "/enrollments").then().statusCode(409)
                .contentType("application/problem+json");
        for (String unavailable : List.of(closed, elsewhere, UUID.randomUUID().toString())) {
            as("alice").body(body.formatted(unavailable)).when().post(PLANS + "/enrollments").then().statusCode(400)
                    .body("violations.field", contains("templateId"));
        }
        as("alice").body("{}").when().post(PLANS + "/enrollments").then().statusCode(400)
                .body("violations.field", contains("templateId"));
        as("frank").body(body.formatted(open)).when().post(PLANS + "/enrollments").then().statusCode(403);
        given().contentType("application/json").body(body.formatted(open)).when().post(PLANS + "/enrollments").then()
                .statusCode(401);
    }

    /** A template open for enrollment or not, semesters from 15 Aug 2026, for no one automatically. */
    private static String openTemplate(String schoolId, String name, boolean open) {
        return as("grace").body("""
                {"schoolId": %s, "name": "%s", "audience": {"autoAssign": false, "openEnrollment": %s},
                 "cadence": {"kind": "SEMESTER", "anchor": "2026-08-15"}, "stages": %s}""".formatted(
                schoolId == null ? "null" : "\"" + schoolId + "\"", name, open, STAGES)).when()
                .post("/api/v1/plans/templates").then().statusCode(201).extract().path("id");
    }

    private void awaitLedgerEntry(String sourceRef) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (database.preparedQuery("select count(*) from ledger_entry where source_ref = $1")
                .execute(Tuple.of(sourceRef)).await().indefinitely().iterator().next().getLong(0) == 0) {
            assertThat(Instant.now()).as("ledger entry for %s", sourceRef).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String districtTemplate(String name) {
        return as("grace").body(TemplateResourceTest.template(null, name, STAGES)).when()
                .post("/api/v1/plans/templates").then().statusCode(201).extract().path("id");
    }

    /** Reads the plan until {@code path} has a value: its state is evaluated again shortly after each event. */
    static ValidatableResponse awaitPlan(String user, String planId, String path, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            ValidatableResponse plan = as(user).when().get(PLANS + "/" + planId).then().statusCode(200);
            Object value = plan.extract().path(path);
            if (value != null && !Integer.valueOf(0).equals(value)) {
                return plan;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": plan " + planId + " has no " + path + " after 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json");
    }
}
