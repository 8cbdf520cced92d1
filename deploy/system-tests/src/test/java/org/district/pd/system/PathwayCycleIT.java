package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * One teacher walks a growth pathway's full cycle and into the second, through the gateway and the real broker: an
 * LMS completion (learning-service), a PLC meeting (community-service's event, published as it will be), evidence
 * and a credential (credentials-service's events), and the coach's sign-off. plan-service publishes each milestone
 * and the cycle's turn on pd.plan.events. It prints how long each event took to reach the plan's read model.
 */
class PathwayCycleIT {

    private static final String PLANS = "/api/v1/plans";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ERIN = TestDistrict.uuid("educator:c-erin");

    private final TestDistrict district = new TestDistrict();

    @Test
    void aTeacherCompletesACycleWithEventsOfEveryProducerAndMovesIntoTheNext() {
        Instant since = Instant.now();
        district.importRoster();
        String course = "SYS-PW-" + district.suffix;
        district.createOffering(course, "3", "COURSEWORK");
        // Another course for the second cycle: learning-service takes one completion per teacher, course and day.
        String another = "SYS-PW2-" + district.suffix;
        district.createOffering(another, "2", "COURSEWORK");
        String teacher = district.first.educatorId();
        UUID credential = UUID.randomUUID();
        String planId = startPlan(teacher, credential);
        Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON).body("{\"coachId\": \"" + ERIN + "\"}")
                .when().put(PLANS + "/" + planId + "/coach").then().statusCode(200);

        // learning-service: an LMS completion through the gateway.
        long completion = timed(planId, "Practice", () -> complete(course, "pw-1-" + district.suffix,
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        // community-service: a PLC meeting, as it will publish it.
        long meeting = timed(planId, "Earn", () -> Broker.publish("pd.community.events",
                "pd.community.session.attended.v1", "/community-service", teacher, Instant.now(), """
                        {"attendanceId":"%s","educatorId":"%s","communityId":"%s","communityKind":"plc",
                         "meetingId":"%s","attendedAt":"%s","minutes":60,"creditHours":1,"category":"PLC"}"""
                        .formatted(UUID.randomUUID(), teacher, UUID.randomUUID(), UUID.randomUUID(), Instant.now())));
        // credentials-service: evidence, then the award.
        Broker.publish("pd.credentials.events", "pd.credentials.evidence.submitted.v1", "/credentials-service",
                teacher, Instant.now(), """
                        {"submissionId":"%s","educatorId":"%s","credentialDefinitionId":"%s","attempt":1,
                         "submittedAt":"%s"}""".formatted(UUID.randomUUID(), teacher, credential, Instant.now()));
        long award = timed(planId, "Review", () -> Broker.publish("pd.credentials.events",
                "pd.credentials.credential.awarded.v1", "/credentials-service", teacher, Instant.now(), """
                        {"awardId":"%s","educatorId":"%s","credentialDefinitionId":"%s","awardedAt":"%s",
                         "expiresAt":null,"creditHours":5,"competencyTags":["formative-assessment"]}"""
                        .formatted(UUID.randomUUID(), teacher, credential, Instant.now())));

        // The coach signs the last milestone off: the cycle completes, and the second opens.
        String secondOpened = Gateway.as(Tokens.user("erin")).contentType(ContentType.JSON)
                .body("{\"note\": \"Ready\"}")
                .when().post(PLANS + "/" + planId + "/milestones/review/sign-off").then().statusCode(201)
                .body("state.cycles[0].status", equalTo("COMPLETED"))
                .body("state.cycles[1].status", equalTo("OPEN")).body("progress.cycle", equalTo(2))
                .body("progress.stage", equalTo("Learn")).extract().path("state.cycles[1].opensAt");
        // Into the second cycle: a completion after it opened counts there (LMS times are whole seconds).
        Instant inSecond = Instant.parse(secondOpened).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long second = timed(planId, "Practice", () -> complete(another, "pw-2-" + district.suffix, inSecond));

        JsonPath plan = read(planId);
        assertThat(plan.getList("state.cycles[0].stages.completedAt")).doesNotContainNull();
        assertThat(plan.getInt("state.cycles[1].stages[0].milestones[0].progress")).isEqualTo(1);
        Gateway.as(Tokens.user("grace")).when().get(PLANS + "/" + planId + "/timeline?size=200").then()
                .statusCode(200).body("causes.kind.flatten()", hasItems("PLAN_STARTED", "COURSE_COMPLETED",
                        "SESSION_ATTENDED", "EVIDENCE_SUBMITTED", "CREDENTIAL_AWARDED", "COACH_SIGN_OFF"));

        // The coach's assignment is announced once too, for credentials-service; it moves no milestone, so its
        // place among the progress events is not fixed.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Broker.since("pd.plan.events", since,
                record -> record.data().contains(planId)).stream().map(Broker.Record::type)
                .filter("pd.plan.coach.assigned.v1"::equals).toList()).hasSize(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Broker.since("pd.plan.events", since,
                record -> record.data().contains(planId)).stream().map(Broker.Record::type)
                .filter(type -> !type.equals("pd.plan.coach.assigned.v1")).toList())
                .as("cycle 1 opens; course, PLC, evidence, credential, review; cycle 1 closes, 2 opens; course")
                .containsExactly("pd.plan.cycle.started.v1", "pd.plan.milestone.completed.v1",
                        "pd.plan.milestone.completed.v1", "pd.plan.milestone.completed.v1",
                        "pd.plan.milestone.completed.v1", "pd.plan.milestone.completed.v1",
                        "pd.plan.cycle.completed.v1",
                        "pd.plan.cycle.started.v1", "pd.plan.milestone.completed.v1"));
        assertThat(DeadLetters.inDatabases(since)).isEmpty();
        System.out.printf("pathway read model after each event (accepted or acknowledged -> plan moved): "
                + "LMS completion %d ms, community meeting %d ms, credential award %d ms, second-cycle completion "
                + "%d ms%n", completion, meeting, award, second);
    }

    private String startPlan(String teacher, UUID credential) {
        String template = Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON).body("""
                {"schoolId": "%s", "name": "System pathway %s",
                 "audience": {"roles": ["teacher"], "autoAssign": false},
                 "cadence": {"kind": "SEMESTER", "anchor": "2026-08-15"},
                 "stages": [
                   {"name": "Learn", "milestones": [{"key": "course", "title": "A course", "required": true,
                     "rule": {"type": "complete-offerings", "count": 1}}]},
                   {"name": "Practice", "milestones": [{"key": "plc", "title": "A PLC meeting", "required": true,
                     "rule": {"type": "attend-sessions", "count": 1, "kind": "plc"}}]},
                   {"name": "Earn", "choose": 1, "milestones": [
                     {"key": "evidence", "title": "Evidence", "required": false,
                      "rule": {"type": "submit-evidence", "credentialId": "%3$s"}},
                     {"key": "credential", "title": "The credential", "required": true,
                      "rule": {"type": "earn-credential", "credentialId": "%3$s"}}]},
                   {"name": "Review", "milestones": [{"key": "review", "title": "Coach sign-off", "required": true,
                     "rule": {"type": "coach-sign-off"}}]}]}""".formatted(district.schoolId, district.suffix,
                credential)).when().post(PLANS + "/templates").then().statusCode(201).extract().path("id");
        return Gateway.as(Tokens.user("grace")).contentType(ContentType.JSON).body("""
                {"educatorId": "%s", "templateId": "%s", "startsAt": "%s"}""".formatted(teacher, template,
                Instant.now().minus(1, ChronoUnit.DAYS))).when().post(PLANS).then().statusCode(201)
                .body("progress.stage", equalTo("Learn")).extract().path("id");
    }

    private void complete(String course, String externalId, Instant completedAt) {
        Gateway.as(Tokens.lmsConnector()).contentType(ContentType.JSON).body("""
                {"items":[{"externalId":"%s","learner":{"email":"%s"},"lmsCourseId":"%s","completedAt":"%s"}]}"""
                .formatted(externalId, district.first.email(), course, completedAt))
                .when().post("/api/v1/learning/completions").then().statusCode(200)
                .body("items[0].status", equalTo("accepted"));
    }

    /**
     * Runs {@code event}, then reads the plan until its open cycle is at {@code stage}; the milliseconds from the
     * event's acceptance (the LMS's 200, the broker's acknowledgement) to the plan read model showing it.
     */
    private long timed(String planId, String stage, Runnable event) {
        event.run();
        long started = System.nanoTime();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> stage.equals(read(planId).getString("progress.stage")));
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static JsonPath read(String planId) {
        return Gateway.as(Tokens.user("grace")).when().get(PLANS + "/" + planId).then().statusCode(200).extract()
                .jsonPath();
    }
}
