package org.district.pd.plan.pathway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.plan.ContractEvents;
import org.district.pd.plan.LearningEvents;
import org.district.pd.plan.TestRoster;
import org.district.pd.plan.messaging.events.PlanProgressed;
import org.district.pd.plan.pathway.rest.TemplateResourceTest;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The plan read model against the real broker and database: a completion on the broker moves the stored plan, its
 * events reach pd.plan.events once each and match their contracts, the timeline says why; a cycle whose period has
 * ended rolls over once however many refreshers race for it, and the next cycle runs on the newest template version;
 * a teacher's history from before the plan makes it no work, and a reversal of any date still takes its fact out.
 */
@QuarkusTest
class PlanProgressTest {

    private static final String PLANS = "/api/v1/plans";
    private static final String TEMPLATES = PLANS + "/templates";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Learn: an offering tagged feedback-for-learning; then Reflect: a reflection. Semesters from 15 Aug 2026. */
    private static final String STAGES = """
            [{"name": "Learn", "milestones": [
                {"key": "feedback", "title": "An offering on feedback", "required": true,
                 "rule": {"type": "complete-offerings", "count": 1, "tag": "feedback-for-learning"}}]},
             {"name": "Reflect", "milestones": [
                {"key": "reflect", "title": "A reflection", "required": true, "rule": {"type": "reflection"}}]}]""";

    @Inject
    Pool database;

    @Inject
    PlanRefresher refresher;

    @Test
    void aCompletionOnTheBrokerMovesTheStoredPlanPublishesItsEventsOnceAndTheTimelineSaysWhy() throws Exception {
        UUID teacher = TestRoster.newLincolnTeacher();
        String planId = startPlan(teacher, template("Feedback " + UUID.randomUUID()));

        ObjectNode completion = LearningEvents.completion(teacher, "2.00", "COURSEWORK", Instant.now());
        LearningEvents.send(completion);
        await(planId, "state.cycles[0].stages[0].completedAt").body("progress.stage", equalTo("Reflect"))
                .body("progress.milestonesMet", contains("feedback"))
                .body("progress.milestonesOpen", contains("reflect"))
                .body("state.cycles[0].stages[0].milestones[0].facts",
                        contains("completion:" + completion.get("completionId").asText()));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.awaitRecords("pd.plan.events",
                record -> record.value().contains(planId), 2, Duration.ofSeconds(30));
        assertThat(events).extracting(record -> KafkaTestClient.header(record, "ce_type"))
                .containsExactly(PlanProgressed.CYCLE_STARTED, PlanProgressed.MILESTONE_COMPLETED);
        for (ConsumerRecord<String, String> event : events) {
            assertThat(event.key()).isEqualTo(teacher.toString());
            assertThat(EventContracts.violations(KafkaTestClient.header(event, "ce_type"), event.value())).isEmpty();
        }
        JsonNode met = JSON.readTree(events.get(1).value());
        assertThat(met.get("milestoneId").asText()).isEqualTo("feedback");
        assertThat(met.get("stage").asText()).isEqualTo("Learn");
        assertThat(Instant.parse(met.get("at").asText()))
                .isEqualTo(Instant.parse(completion.get("completedAt").asText()).truncatedTo(ChronoUnit.MICROS));

        as("alice").when().get(PLANS + "/" + planId + "/timeline").then().statusCode(404);
        ValidatableResponse timeline = as("frank").when().get(PLANS + "/" + planId + "/timeline").then()
                .statusCode(200).body("", hasSize(2));
        timeline.body("[0].causes.kind", contains("PLAN_STARTED")).body("[0].changes.what", contains("CYCLE_STARTED"))
                .body("[1].causes.kind", contains("COURSE_COMPLETED"))
                .body("[1].causes[0].fact", equalTo("completion:" + completion.get("completionId").asText()))
                .body("[1].changes.what", contains("MILESTONE_MET", "STAGE_COMPLETED"));
        given().when().get(PLANS + "/" + planId + "/timeline").then().statusCode(401);
        as("henry").when().get(PLANS + "/" + planId + "/timeline").then().statusCode(403);
    }

    @Test
    void aCycleWhosePeriodEndedRollsOverOnceWhileRefreshersRaceAndTheNextRunsOnTheNewestVersion() {
        UUID teacher = TestRoster.newLincolnTeacher();
        String name = "Rollover " + UUID.randomUUID();
        String templateId = template(name);
        String planId = startPlan(teacher, templateId);
        // An edit while the plan runs is version 2; the open cycle stays on version 1.
        String shorter = """
                [{"name": "Reflect", "milestones": [
                    {"key": "reflect", "title": "A reflection", "required": true, "rule": {"type": "reflection"}}]}]""";
        as("grace").body(TemplateResourceTest.template(null, name, shorter)).when().put(TEMPLATES + "/" + templateId)
                .then().statusCode(200).body("version", equalTo(2));

        // As if the plan had started in March: its first cycle (to 15 Aug) ended unfinished, and its end is due.
        sql("update plan set started_at = '2026-03-01T00:00:00Z' where id = $1", planId);
        sql("update plan_refresh_due set due_at = now() where plan_id = $1 and cause = 'cadence'", planId);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(refresher::drain);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(refresher::drain);
        CompletableFuture.allOf(one, two).join();

        as("frank").when().get(PLANS + "/" + planId).then().statusCode(200)
                .body("state.cycles.status", contains("INCOMPLETE", "OPEN"))
                .body("state.cycles[1].opensAt", equalTo("2026-08-15T00:00:00Z"))
                .body("state.cycles[0].stages", hasSize(2)).body("state.cycles[1].stages", hasSize(1))
                .body("template.version", equalTo(2)).body("progress.cycle", equalTo(2));
        assertThat(outboxed(planId, PlanProgressed.CYCLE_COMPLETED)).as("one cycle.completed").hasSize(1);
        assertThat(outboxed(planId, PlanProgressed.CYCLE_STARTED)).as("cycle 1 at the start, then cycle 2 once")
                .hasSize(2);
        JsonNode closed = read(outboxed(planId, PlanProgressed.CYCLE_COMPLETED).get(0));
        assertThat(closed.get("outcome").asText()).isEqualTo("INCOMPLETE");
        assertThat(closed.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(read(outboxed(planId, PlanProgressed.CYCLE_STARTED).get(1)).get("templateVersion").asInt())
                .isEqualTo(2);
        as("frank").when().get(PLANS + "/" + planId + "/timeline").then().statusCode(200)
                .body("[1].causes.kind", contains("CADENCE"))
                .body("[1].changes.what", contains("CYCLE_INCOMPLETE", "CYCLE_STARTED"));
    }

    @Test
    void aTeachersHistoryFromBeforeThePlanLeavesItAloneAndAReversalOfAnyDateStillTakesItsFactOut() {
        UUID teacher = TestRoster.newLincolnTeacher();
        String planId = startPlan(teacher, template("History " + UUID.randomUUID()));
        Instant evaluated = settledRefreshedAt(planId);

        // A completion from before the plan started, as a backfill of the teacher's history brings: it cannot count,
        // so it is recorded and the plan is not evaluated for it.
        ObjectNode history = LearningEvents.completion(teacher, "2.00", "COURSEWORK",
                Instant.now().minus(30, ChronoUnit.DAYS));
        LearningEvents.send(history);
        awaitUntil("the history recorded", () -> count("select count(*) from educator_fact where fact_id = $1",
                "completion:" + history.get("completionId").asText()) == 1);
        awaitUntil("nothing due for the plan", () -> count(
                "select count(*) from plan_refresh_due where plan_id = $1::text::uuid and due_at <= now()",
                planId) == 0);
        assertThat(refreshedAt(planId)).as("not evaluated for a fact from before it").isEqualTo(evaluated);

        // A completion in the cycle meets the milestone, counted alone.
        ObjectNode completion = LearningEvents.completion(teacher, "2.00", "COURSEWORK", Instant.now());
        LearningEvents.send(completion);
        await(planId, "state.cycles[0].stages[0].completedAt")
                .body("state.cycles[0].stages[0].milestones[0].facts",
                        contains("completion:" + completion.get("completionId").asText()));

        // Its void, dated (by the LMS) before the plan started, still takes it out: the milestone is open again.
        ObjectNode voided = ContractEvents.example("pd.learning.course.voided.v1", teacher);
        voided.put("completionId", completion.get("completionId").asText());
        voided.put("voidedAt", Instant.now().minus(30, ChronoUnit.DAYS).toString());
        ContractEvents.send(LearningEvents.TOPIC, "pd.learning.course.voided.v1", voided);
        awaitUntil("the milestone open again", () -> as("frank").when().get(PLANS + "/" + planId).then()
                .statusCode(200).extract().<List<String>>path("progress.milestonesOpen").contains("feedback"));
        as("frank").when().get(PLANS + "/" + planId).then().body("progress.stage", equalTo("Learn"))
                .body("state.cycles[0].stages[0].milestones[0].facts", hasSize(0));
    }

    private Instant refreshedAt(String planId) {
        return database.preparedQuery("select refreshed_at from plan where id = $1")
                .execute(Tuple.of(UUID.fromString(planId))).await().indefinitely().iterator().next()
                .getOffsetDateTime(0).toInstant();
    }

    /** When the plan was last evaluated, once no evaluation of its start is still under way (none for 600 ms). */
    private Instant settledRefreshedAt(String planId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Instant last = refreshedAt(planId);
        while (true) {
            for (int i = 0; i < 12; i++) {
                pause();
            }
            Instant now = refreshedAt(planId);
            if (now.equals(last)) {
                return now;
            }
            assertThat(Instant.now()).as("plan %s settles", planId).isBefore(deadline);
            last = now;
        }
    }

    private long count(String query, String parameter) {
        return database.preparedQuery(query).execute(Tuple.of(parameter)).await().indefinitely().iterator().next()
                .getLong(0);
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            pause();
        }
    }

    private List<String> outboxed(String planId, String type) {
        List<String> payloads = new java.util.ArrayList<>();
        database.preparedQuery("select payload from outbox_event where type = $1 and payload::jsonb ->> 'planId' = $2"
                + " order by seq").execute(Tuple.of(type, planId)).await().indefinitely()
                .forEach(row -> payloads.add(row.getString(0)));
        return payloads;
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void sql(String statement, String planId) {
        database.preparedQuery(statement).execute(Tuple.of(UUID.fromString(planId))).await().indefinitely();
    }

    private static String template(String name) {
        return as("grace").body(TemplateResourceTest.template(null, name, STAGES)).when().post(TEMPLATES).then()
                .statusCode(201).extract().path("id");
    }

    private static String startPlan(UUID teacher, String templateId) {
        return as("frank").body("""
                {"educatorId": "%s", "templateId": "%s", "startsAt": "%s"}""".formatted(teacher, templateId,
                Instant.now().minus(1, ChronoUnit.HOURS))).when().post(PLANS).then().statusCode(201)
                .body("progress.cycle", equalTo(1)).body("progress.stage", equalTo("Learn"))
                .extract().path("id");
    }

    private static ValidatableResponse await(String planId, String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            ValidatableResponse plan = as("frank").when().get(PLANS + "/" + planId).then().statusCode(200);
            if (plan.extract().path(path) != null) {
                return plan;
            }
            assertThat(Instant.now()).as("plan %s has %s", planId, path).isBefore(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json");
    }
}
