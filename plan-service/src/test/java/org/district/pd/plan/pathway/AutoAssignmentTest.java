package org.district.pd.plan.pathway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.district.pd.plan.TestRoster;
import org.district.pd.plan.roster.RosterIds;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Templates for automatic assignment reach the educators their audience matches, from the roster: on import, when
 * the template is written, and on a later roster change; never one the audience does not match, nor one whose career
 * stage the roster does not give.
 */
@QuarkusTest
class AutoAssignmentTest {

    private static final String PLANS = "/api/v1/plans";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STAGES = """
            [{"name": "Reflect", "milestones": [
                {"key": "reflect", "title": "A reflection", "required": true, "rule": {"type": "reflection"}}]}]""";

    @Inject
    Pool database;

    @Test
    void aTemplatesAudienceGetsItsPlansFromTheRosterAndOnlyItsAudience() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String lincoln = TestRoster.orgId("lincoln-es").toString();
        String novices = template(lincoln, "Novices " + run, "\"careerStages\": [\"novice\"], \"roles\": [\"teacher\"]");

        ValidatableResponse imported = TestRoster.importUsers("", """
                sourcedId,orgSourcedIds,role,givenName,familyName,email,grades,metadata.pd.hireDate
                t-new-%1$s,lincoln-es,teacher,Nia,New,,03,%2$s
                t-old-%1$s,lincoln-es,teacher,Otto,Old,,04,2001-08-15
                t-unknown-%1$s,lincoln-es,teacher,Uma,Unknown,,05,
                t-bad-%1$s,lincoln-es,teacher,Bea,Bad,,05,15/08/2001
                """.formatted(run, today.minusYears(1)));
        imported.body("counts.rejected", equalTo(1));
        TestRoster.report(imported).body("items.field", contains("metadata.pd.hireDate"))
                .body("items.line", contains(5));
        UUID nia = RosterIds.educatorId("t-new-" + run);
        UUID otto = RosterIds.educatorId("t-old-" + run);
        UUID uma = RosterIds.educatorId("t-unknown-" + run);

        await().atMost(PATIENCE).until(() -> plans(nia, novices) == 1);
        awaitEvaluated(nia, novices);
        assertThat(plans(otto, novices)).as("a veteran is not a novice").isZero();
        assertThat(plans(uma, novices)).as("no hire date, no career stage: not assumed a novice").isZero();

        // Written after the import, a template for grades 3-5 reaches all three at once.
        String upperGrades = template(lincoln, "Grades 3-5 " + run, "\"gradeBands\": [\"3-5\"]");
        await().atMost(PATIENCE).until(() -> plans(nia, upperGrades) + plans(otto, upperGrades)
                + plans(uma, upperGrades) == 3);

        // A later roster change: a teacher hired this year joins, and gets the novice pathway.
        TestRoster.importUsers("", """
                sourcedId,orgSourcedIds,role,givenName,familyName,email,grades,metadata.pd.hireDate
                t-newer-%s,lincoln-es,teacher,Ned,Newer,,KG,%s
                """.formatted(run, today));
        UUID ned = RosterIds.educatorId("t-newer-" + run);
        await().atMost(PATIENCE).until(() -> plans(ned, novices) == 1);
        assertThat(plans(ned, upperGrades)).as("kindergarten is not grades 3-5").isZero();
        assertThat(plans(nia, novices)).as("one plan per educator and template, however often it runs").isEqualTo(1);

        as("grace").body(Templates.template(lincoln, "Bad audience " + run, STAGES,
                "\"roles\": [\"student\"], \"gradeBands\": [\"K-12\"]")).when().post(PLANS + "/templates").then()
                .statusCode(400).body("violations.field", contains("audience.roles[0]",
                        "audience.gradeBands[0]"));
    }

    private void awaitEvaluated(UUID educator, String template) {
        await().atMost(PATIENCE).until(() -> database.preparedQuery(
                "select count(*) from plan where educator_id = $1 and template_id = $2 and state is not null")
                .execute(Tuple.of(educator, UUID.fromString(template))).await().indefinitely().iterator().next()
                .getLong(0) == 1);
    }

    private long plans(UUID educator, String template) {
        return database.preparedQuery("select count(*) from plan where educator_id = $1 and template_id = $2")
                .execute(Tuple.of(educator, UUID.fromString(template))).await().indefinitely().iterator().next()
                .getLong(0);
    }

    private static String template(String schoolId, String name, String audience) {
        return as("frank").body(Templates.template(schoolId, name, STAGES, audience)).when()
                .post(PLANS + "/templates").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json");
    }

    /** Templates with an audience of their own, for automatic assignment, semesters from 15 Aug 2026. */
    private static final class Templates {

        static String template(String schoolId, String name, String stages, String audience) {
            return """
                    {"schoolId": "%s", "name": "%s", "audience": {%s, "autoAssign": true},
                     "cadence": {"kind": "SEMESTER", "anchor": "2026-08-15"}, "stages": %s}"""
                    .formatted(schoolId, name, audience, stages);
        }
    }
}
