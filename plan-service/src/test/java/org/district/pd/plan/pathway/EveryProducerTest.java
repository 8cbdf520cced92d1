package org.district.pd.plan.pathway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.district.pd.plan.ContractEvents;
import org.district.pd.plan.LearningEvents;
import org.district.pd.plan.TestRoster;
import org.district.pd.plan.pathway.rest.TemplateResourceTest;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Events of all three producers, on the real broker as they will be published, move a plan and the ledger; a
 * revocation and a void take back what they had earned, reopening the cycle, and the timeline says why.
 */
@QuarkusTest
class EveryProducerTest {

    private static final String PLANS = "/api/v1/plans";
    private static final String CREDENTIALS = "pd.credentials.events";
    private static final String COMMUNITY = "pd.community.events";
    private static final String AWARDED = "pd.credentials.credential.awarded.v1";
    private static final String REVOKED = "pd.credentials.credential.revoked.v1";
    private static final String SUBMITTED = "pd.credentials.evidence.submitted.v1";
    private static final String MET_IN_COMMUNITY = "pd.community.session.attended.v1";
    private static final String VOIDED = "pd.learning.course.voided.v1";
    private static final String ATTENDED = "pd.learning.session.attended.v1";
    private static final String ATTENDANCE_VOIDED = "pd.learning.attendance.voided.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool database;

    @Test
    void anAwardCompletesTheCycleAndItsRevocationReopensItAndReversesTheHours() {
        UUID teacher = TestRoster.newLincolnTeacher();
        UUID credential = UUID.randomUUID();
        String planId = startPlan(teacher, """
                [{"name": "Practice", "choose": 1, "milestones": [
                    {"key": "plc", "title": "A PLC meeting", "required": false,
                     "rule": {"type": "attend-sessions", "count": 1, "kind": "plc"}},
                    {"key": "evidence", "title": "Evidence for the credential", "required": false,
                     "rule": {"type": "submit-evidence", "credentialId": "%1$s"}}]},
                 {"name": "Earn", "milestones": [
                    {"key": "credential", "title": "The credential", "required": true,
                     "rule": {"type": "earn-credential", "credentialId": "%1$s"}}]}]""".formatted(credential));

        ObjectNode meeting = ContractEvents.example(MET_IN_COMMUNITY, teacher);
        meeting.put("attendanceId", UUID.randomUUID().toString()).put("meetingId", UUID.randomUUID().toString())
                .put("attendedAt", Instant.now().toString());
        ContractEvents.send(COMMUNITY, MET_IN_COMMUNITY, meeting);
        awaitPlan(planId, "state.cycles[0].stages[0].completedAt");

        ObjectNode evidence = ContractEvents.example(SUBMITTED, teacher);
        evidence.put("submissionId", UUID.randomUUID().toString()).put("credentialDefinitionId", credential.toString())
                .put("submittedAt", Instant.now().toString());
        ContractEvents.send(CREDENTIALS, SUBMITTED, evidence);
        ObjectNode award = ContractEvents.example(AWARDED, teacher);
        String awardId = UUID.randomUUID().toString();
        award.put("awardId", awardId).put("credentialDefinitionId", credential.toString())
                .put("awardedAt", Instant.now().toString()).put("creditHours", 10);
        ContractEvents.send(CREDENTIALS, AWARDED, award);
        awaitPlan(planId, "state.cycles[1]").body("state.cycles.status", contains("COMPLETED", "OPEN"))
                .body("state.cycles[0].stages[0].milestones.facts[1]", hasSize(1));
        assertThat(hours(teacher)).as("the PLC hour and the award's 10").isEqualByComparingTo("11");

        ObjectNode revocation = ContractEvents.example(REVOKED, teacher);
        revocation.put("awardId", awardId).put("at", Instant.now().toString());
        ContractEvents.send(CREDENTIALS, REVOKED, revocation);
        await().atMost(PATIENCE).untilAsserted(() -> as("frank").when().get(PLANS + "/" + planId).then()
                .body("state.cycles.status", contains("OPEN")));
        assertThat(hours(teacher)).as("a reversing entry takes the award's hours back").isEqualByComparingTo("1");
        as("frank").when().get(PLANS + "/" + planId + "/timeline?size=200").then().statusCode(200)
                .body("[-1].causes[0].kind", equalTo("REVERSAL"))
                .body("[-1].causes[0].reverses", equalTo("award:" + awardId))
                .body("[-1].changes.what", hasItems("CYCLE_REOPENED", "MILESTONE_REOPENED", "CYCLE_WITHDRAWN"));

        // A second revocation of the same award (another event) takes nothing more back.
        UUID again = ContractEvents.send(CREDENTIALS, REVOKED, revocation);
        awaitProcessed(again);
        assertThat(hours(teacher)).isEqualByComparingTo("1");
    }

    @Test
    void aRevocationThatArrivesBeforeItsAwardLeavesTheLedgerAndThePlanAsInOrder() {
        UUID teacher = TestRoster.newLincolnTeacher();
        UUID credential = UUID.randomUUID();
        String planId = startPlan(teacher, """
                [{"name": "Earn", "milestones": [
                    {"key": "credential", "title": "The credential", "required": true,
                     "rule": {"type": "earn-credential", "credentialId": "%s"}}]}]""".formatted(credential));
        String awardId = UUID.randomUUID().toString();
        ObjectNode revocation = ContractEvents.example(REVOKED, teacher);
        revocation.put("awardId", awardId).put("at", Instant.now().toString());
        ObjectNode award = ContractEvents.example(AWARDED, teacher);
        award.put("awardId", awardId).put("credentialDefinitionId", credential.toString())
                .put("awardedAt", Instant.now().minusSeconds(60).toString()).put("creditHours", 10);
        // As when the award was dead-lettered and replayed after its revocation.
        awaitProcessed(ContractEvents.send(CREDENTIALS, REVOKED, revocation));
        awaitProcessed(ContractEvents.send(CREDENTIALS, AWARDED, award));

        assertThat(hours(teacher)).isEqualByComparingTo("0");
        assertThat(count("select count(*) from ledger_entry where source_ref = $1", awardId))
                .as("the award's entry and its reversal").isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> as("frank").when().get(PLANS + "/" + planId).then()
                .body("state.cycles.status", contains("OPEN"))
                .body("state.cycles[0].stages[0].milestones[0].metAt", equalTo(null)));
    }

    @Test
    void aVoidedCompletionTakesBackItsHoursAndTheMilestoneItMet() {
        UUID teacher = TestRoster.newLincolnTeacher();
        String planId = startPlan(teacher, """
                [{"name": "Learn", "milestones": [
                    {"key": "hours", "title": "Three hours", "required": true,
                     "rule": {"type": "earn-hours", "hours": 3}}]},
                 {"name": "Reflect", "milestones": [
                    {"key": "reflect", "title": "A reflection", "required": true, "rule": {"type": "reflection"}}]}]""");
        ObjectNode completion = LearningEvents.completion(teacher, "3.5", "COURSEWORK", Instant.now());
        LearningEvents.send(completion);
        awaitPlan(planId, "state.cycles[0].stages[0].completedAt");

        ObjectNode voided = ContractEvents.example(VOIDED, teacher);
        voided.put("completionId", completion.get("completionId").asText()).put("voidedAt", Instant.now().toString());
        ContractEvents.send(LearningEvents.TOPIC, VOIDED, voided);
        await().atMost(PATIENCE).untilAsserted(() -> as("frank").when().get(PLANS + "/" + planId).then()
                .body("state.cycles[0].stages[0].completedAt", equalTo(null))
                .body("state.cycles[0].stages[0].milestones[0].progress", equalTo(0)));
        assertThat(hours(teacher)).isEqualByComparingTo("0");
    }

    @Test
    void aVoidedAttendanceTakesBackItsHoursAndTheSessionItCounted() {
        UUID teacher = TestRoster.newLincolnTeacher();
        String planId = startPlan(teacher, """
                [{"name": "Attend", "milestones": [
                    {"key": "workshop", "title": "A workshop session", "required": true,
                     "rule": {"type": "attend-sessions", "count": 1, "kind": "workshop"}}]},
                 {"name": "Reflect", "milestones": [
                    {"key": "reflect", "title": "A reflection", "required": true, "rule": {"type": "reflection"}}]}]""");
        ObjectNode attended = ContractEvents.example(ATTENDED, teacher);
        String attendanceId = UUID.randomUUID().toString();
        attended.put("attendanceId", attendanceId).put("sessionId", UUID.randomUUID().toString())
                .put("sessionKind", "workshop").put("attendedAt", Instant.now().toString()).put("creditHours", 2);
        ContractEvents.send(LearningEvents.TOPIC, ATTENDED, attended);
        awaitPlan(planId, "state.cycles[0].stages[0].completedAt");
        assertThat(hours(teacher)).isEqualByComparingTo("2");

        ObjectNode voided = ContractEvents.example(ATTENDANCE_VOIDED, teacher);
        voided.put("attendanceId", attendanceId).put("voidedAt", Instant.now().toString());
        ContractEvents.send(LearningEvents.TOPIC, ATTENDANCE_VOIDED, voided);
        await().atMost(PATIENCE).untilAsserted(() -> as("frank").when().get(PLANS + "/" + planId).then()
                .body("state.cycles[0].stages[0].completedAt", equalTo(null))
                .body("state.cycles[0].stages[0].milestones[0].progress", equalTo(0)));
        assertThat(hours(teacher)).isEqualByComparingTo("0");
        assertThat(count("select count(*) from ledger_entry where source_ref = $1", attendanceId))
                .as("the attendance's entry and its reversal").isEqualTo(2);
    }

    @Test
    void everyContractExampleIsConsumedAndNoneIsDeadLettered() {
        UUID teacher = TestRoster.newLincolnTeacher();
        Map<String, String> topics = Map.ofEntries(Map.entry(SUBMITTED, CREDENTIALS),
                Map.entry("pd.credentials.evidence.reviewed.v1", CREDENTIALS), Map.entry(AWARDED, CREDENTIALS),
                Map.entry(REVOKED, CREDENTIALS), Map.entry("pd.credentials.credential.expired.v1", CREDENTIALS),
                Map.entry(MET_IN_COMMUNITY, COMMUNITY), Map.entry(VOIDED, LearningEvents.TOPIC),
                Map.entry(ATTENDANCE_VOIDED, LearningEvents.TOPIC),
                Map.entry("pd.community.resource.shared.v1", COMMUNITY),
                Map.entry("pd.community.strength.endorsed.v1", COMMUNITY),
                Map.entry("pd.community.attendance.voided.v1", COMMUNITY));
        List<UUID> sent = topics.entrySet().stream()
                .map(type -> ContractEvents.send(type.getValue(), type.getKey(),
                        ContractEvents.example(type.getKey(), teacher)))
                .toList();
        sent.forEach(this::awaitProcessed);
        assertThat(count("select count(*) from dead_letter where event_id = any($1)",
                sent.toArray(UUID[]::new))).isZero();
        assertThat(hours(teacher)).as("the example award's 10 hours, reversed by the example revocation; the PLC "
                + "hour, reversed by the example voiding of that attendance").isEqualByComparingTo("0");
    }

    /** Each consumer of plan-service reads its own topic: a dead letter goes back to the handler of its topic. */
    @Test
    void aDeadLetterOfTheCredentialsTopicReplaysThroughItsOwnHandler() {
        UUID teacher = TestRoster.newLincolnTeacher();
        ObjectNode award = ContractEvents.example(AWARDED, teacher);
        award.put("awardId", UUID.randomUUID().toString()).put("creditHours", 4);
        UUID eventId = UUID.randomUUID();
        UUID deadLetter = UUID.randomUUID();
        database.preparedQuery("""
                insert into dead_letter (id, consumer, topic, partition_no, record_offset, record_key, headers, payload,
                                         event_id, event_type, reason)
                values ($1, 'plan-service', 'test.pd.credentials.events', 0, -1, $2, $3::text::jsonb, $4, $5, $6,
                        'kept from an incident')""")
                .execute(Tuple.tuple(List.of(deadLetter, teacher.toString(), """
                        {"ce_specversion":"1.0","ce_id":"%s","ce_type":"%s","ce_source":"/credentials-service",
                         "ce_subject":"%s","ce_time":"2026-10-20T09:00:00Z","content-type":"application/json"}"""
                        .formatted(eventId, AWARDED, teacher),
                        award.toString(), eventId, AWARDED)))
                .await().indefinitely();
        given().auth().oauth2(Tokens.user("grace"))
                .when().post("/api/v1/plans/admin/dead-letters/" + deadLetter + "/replay")
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertThat(hours(teacher)).isEqualByComparingTo("4");
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(PATIENCE).until(() -> count("select count(*) from inbox_event where event_id = $1",
                eventId) == 1);
    }

    private BigDecimal hours(UUID teacher) {
        return database.preparedQuery("select coalesce(sum(credit_hours), 0) from ledger_entry where educator_id = $1")
                .execute(Tuple.of(teacher)).await().indefinitely().iterator().next().getBigDecimal(0);
    }

    private long count(String sql, Object parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next()
                .getLong(0);
    }

    private static String startPlan(UUID teacher, String stages) {
        String template = as("grace").body(TemplateResourceTest.template(null, "Producers " + UUID.randomUUID(),
                stages)).when().post(PLANS + "/templates").then().statusCode(201).extract().path("id");
        return as("frank").body("""
                {"educatorId": "%s", "templateId": "%s", "startsAt": "%s"}""".formatted(teacher, template,
                Instant.now().minus(1, ChronoUnit.HOURS))).when().post(PLANS).then().statusCode(201)
                .extract().path("id");
    }

    private static ValidatableResponse awaitPlan(String planId, String path) {
        await().atMost(PATIENCE).until(() -> as("frank").when().get(PLANS + "/" + planId).then().extract()
                .path(path) != null);
        return as("frank").when().get(PLANS + "/" + planId).then().statusCode(200);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json");
    }
}
