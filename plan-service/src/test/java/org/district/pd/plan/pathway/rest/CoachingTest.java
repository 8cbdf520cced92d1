package org.district.pd.plan.pathway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.plan.TestRoster;
import org.district.pd.plan.roster.RosterIds;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Coaching through real tokens: frank assigns erin to coach bob's plan; erin then reads it, lists it, checks in and
 * signs off; bob reflects; the cycle completes and the timeline shows who wrote what. Who else may not, and how.
 */
@QuarkusTest
class CoachingTest {

    private static final String PLANS = "/api/v1/plans";
    private static final UUID BOB = RosterIds.educatorId("t-bob");
    private static final UUID CAROL = RosterIds.educatorId("t-carol");
    private static final UUID ERIN = RosterIds.educatorId("c-erin");

    /** Reflect: bob's reflection and erin's sign-off. */
    private static final String STAGES = """
            [{"name": "Reflect", "milestones": [
                {"key": "reflect", "title": "A reflection", "required": true, "rule": {"type": "reflection"}},
                {"key": "sign-off", "title": "Coach sign-off", "required": true, "rule": {"type": "coach-sign-off"}}]}]""";

    private static boolean rostered;

    /** bob and erin at Lincoln (frank's school), carol at Roosevelt, as in the demo district. */
    private static synchronized void roster() {
        if (rostered) {
            return;
        }
        rostered = true;
        TestRoster.importUsers("", """
                sourcedId,orgSourcedIds,role,givenName,familyName,email
                t-bob,lincoln-es,teacher,Bob,Brown,bob@district-demo.example
                c-erin,lincoln-es,teacher,Erin,Evans,erin@district-demo.example
                t-carol,roosevelt-ms,teacher,Carol,Chen,carol@district-demo.example
                """).body("counts.rejected", equalTo(0));
    }

    @Test
    void anAssignedCoachChecksInAndSignsOffTheTeacherReflectsAndTheCycleCompletes() {
        roster();
        String planId = plan(BOB);
        as("erin").when().get(PLANS + "/" + planId).then().statusCode(404);
        as("bob").body("{\"note\": \"I would like help with questioning\"}")
                .when().post(PLANS + "/" + planId + "/coach-request").then().statusCode(200)
                .body("coachRequest.note", equalTo("I would like help with questioning"));

        as("frank").body("{\"coachId\": \"%s\"}".formatted(ERIN)).when().put(PLANS + "/" + planId + "/coach").then()
                .statusCode(200).body("coachId", equalTo(ERIN.toString())).body("coachRequest", nullValue());
        // credentials-service learns who coaches bob from the event, written with the assignment.
        ConsumerRecord<String, String> assigned = KafkaTestClient.awaitRecord("pd.plan.events",
                record -> "pd.plan.coach.assigned.v1".equals(KafkaTestClient.header(record, "ce_type"))
                        && record.value().contains(planId), Duration.ofSeconds(30));
        assertThat(assigned.key()).isEqualTo(BOB.toString());
        assertThat(assigned.value()).contains(ERIN.toString());
        assertThat(EventContracts.violations("pd.plan.coach.assigned.v1", assigned.value())).isEmpty();
        as("erin").when().get(PLANS + "/" + planId).then().statusCode(200);
        as("erin").when().get(PLANS).then().statusCode(200).body("id", hasItem(planId))
                .body("coachId", everyItem(equalTo(ERIN.toString())));

        as("erin").body("""
                {"date": "2026-11-20", "notes": "Watched the discourse lesson", "nextSteps": "Try wait time"}""")
                .when().post(PLANS + "/" + planId + "/check-ins").then().statusCode(201);
        as("bob").body("""
                {"milestone": "reflect", "tried": "Wait time after questions", "why": "More voices",
                 "forStudents": "Twice as many students answered"}""")
                .when().post(PLANS + "/" + planId + "/reflections").then().statusCode(201)
                .body("state.cycles[0].stages[0].milestones[0].metAt", not(nullValue()));
        as("erin").body("{\"note\": \"Well done\"}")
                .when().post(PLANS + "/" + planId + "/milestones/sign-off/sign-off").then().statusCode(201)
                .body("state.cycles[0].status", equalTo("COMPLETED")).body("state.cycles[1].status", equalTo("OPEN"));

        as("bob").when().get(PLANS + "/" + planId + "/timeline").then().statusCode(200)
                .body("causes.kind.flatten()", contains("PLAN_STARTED", "COACH_CHECK_IN", "REFLECTION",
                        "COACH_SIGN_OFF"))
                .body("[1].causes[0].detail.notes", equalTo("Watched the discourse lesson"))
                .body("[1].causes[0].detail.by", equalTo("erin")).body("[1].changes", equalTo(List.of()))
                .body("[2].causes[0].detail.forStudents", equalTo("Twice as many students answered"))
                .body("[3].changes.what", hasItem("CYCLE_COMPLETED"));
    }

    @Test
    void aCheckInBeforeThePlanStartsIsOnItsTimeline() {
        roster();
        // A teacher with no other plan, whose plan starts next week: the check-in is earlier than any plan of theirs.
        UUID teacher = TestRoster.newLincolnTeacher();
        String planId = plan(teacher, Instant.now().plus(7, ChronoUnit.DAYS));
        as("frank").body("{\"coachId\": \"%s\"}".formatted(ERIN)).when().put(PLANS + "/" + planId + "/coach").then()
                .statusCode(200);
        as("erin").body("""
                {"date": "2026-11-20", "notes": "Planning the first cycle"}""")
                .when().post(PLANS + "/" + planId + "/check-ins").then().statusCode(201);

        as("frank").when().get(PLANS + "/" + planId + "/timeline").then().statusCode(200)
                .body("causes.kind.flatten()", contains("PLAN_STARTED", "COACH_CHECK_IN"))
                .body("causes.flatten().find { it.kind == 'COACH_CHECK_IN' }.detail.notes",
                        equalTo("Planning the first cycle"));
    }

    @Test
    void onlyTheAssignedCoachThePlansTeacherAndItsPrincipalMayActAndOthersCannotTellItExists() {
        roster();
        String planId = plan(BOB);
        String carols = plan(CAROL);
        String coaching = PLANS + "/" + planId;

        // Before erin is assigned she is not bob's coach: his plan is not found for her, and she may not act on it.
        as("erin").body("{\"notes\": \"n\"}").when().post(coaching + "/check-ins").then().statusCode(404);
        as("frank").body("{\"coachId\": \"%s\"}".formatted(ERIN)).when().put(coaching + "/coach").then()
                .statusCode(200);
        // A principal of another school: carol's plan is not found for frank.
        as("frank").body("{\"coachId\": \"%s\"}".formatted(ERIN)).when().put(PLANS + "/" + carols + "/coach")
                .then().statusCode(404).contentType("application/problem+json");
        as("frank").when().get(PLANS + "?schoolId=" + TestRoster.orgId("roosevelt-ms")).then().statusCode(403);
        as("frank").when().get(PLANS).then().statusCode(200).body("id", hasItem(planId)).body("id", not(hasItem(carols)));
        as("grace").when().get(PLANS + "?stage=Reflect&size=200").then().statusCode(200)
                .body("id", hasItem(carols)).body("progress.stage", everyItem(equalTo("Reflect")));
        // The teacher does not check in or sign off, the coach does not reflect, the principal does neither.
        as("bob").body("{\"notes\": \"n\"}").when().post(coaching + "/check-ins").then().statusCode(403);
        as("bob").body("{}").when().post(coaching + "/milestones/sign-off/sign-off").then().statusCode(403);
        as("erin").body("{\"tried\": \"t\", \"why\": \"w\", \"forStudents\": \"s\"}")
                .when().post(coaching + "/reflections").then().statusCode(403);
        as("frank").body("{\"notes\": \"n\"}").when().post(coaching + "/check-ins").then().statusCode(403);
        as("alice").body("{\"tried\": \"t\", \"why\": \"w\", \"forStudents\": \"s\"}")
                .when().post(coaching + "/reflections").then().statusCode(404);
        as("alice").when().get(PLANS).then().statusCode(403);
        as("henry").when().get(PLANS).then().statusCode(403);
        as("henry").body("{\"coachId\": \"%s\"}".formatted(ERIN)).when().put(coaching + "/coach").then()
                .statusCode(403);
        given().when().get(PLANS).then().statusCode(401);
        given().contentType("application/json").body("{\"notes\": \"n\"}").when().post(coaching + "/check-ins")
                .then().statusCode(401);

        // Bad input names the field.
        as("frank").body("{\"coachId\": \"%s\"}".formatted(UUID.randomUUID())).when().put(coaching + "/coach").then()
                .statusCode(400).body("violations.field", contains("coachId"));
        as("frank").body("{\"coachId\": \"%s\"}".formatted(BOB)).when().put(coaching + "/coach").then()
                .statusCode(400).body("violations.field", contains("coachId"));
        as("erin").body("{}").when().post(coaching + "/check-ins").then().statusCode(400)
                .contentType("application/problem+json");
        as("erin").body("{}").when().post(coaching + "/milestones/reflect/sign-off").then().statusCode(400)
                .body("violations.field", contains("milestone"));
        as("erin").body("{}").when().post(coaching + "/milestones/nothing-such/sign-off").then().statusCode(400)
                .body("violations.field", contains("milestone"));
        as("bob").body("{\"milestone\": \"sign-off\", \"tried\": \"t\", \"why\": \"w\", \"forStudents\": \"s\"}")
                .when().post(coaching + "/reflections").then().statusCode(400)
                .body("violations.field", contains("milestone"));
        as("grace").when().get(PLANS + "?size=0").then().statusCode(400);
    }

    private static String plan(UUID teacher) {
        return plan(teacher, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    private static String plan(UUID teacher, Instant startsAt) {
        String template = as("grace").body(TemplateResourceTest.template(null, "Coached " + UUID.randomUUID(), STAGES))
                .when().post(PLANS + "/templates").then().statusCode(201).extract().path("id");
        return as("grace").body("""
                {"educatorId": "%s", "templateId": "%s", "startsAt": "%s"}""".formatted(teacher, template,
                startsAt)).when().post(PLANS).then().statusCode(201)
                .extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json");
    }
}
