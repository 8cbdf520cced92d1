package org.district.pd.system;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A valid body for each operation that takes JSON, for generated input to spoil one value of: a body wrong in one
 * place gets past the parser and the other checks to where that value is used. Learners are unknown to the demo
 * roster and course ids are fresh, so what the services accept touches no demo data.
 */
final class ValidBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Supplier<String>> BODIES = Map.of(
            "POST /api/v1/learning/completions", () -> """
                    {"items":[{"externalId":"gen-%1$s","learner":{"email":"gen-%1$s@nowhere.example","sisId":"gen-%1$s",
                      "lmsAccount":"demo-lms:gen-%1$s"},"lmsCourseId":"LMS-FA-101","completedAt":"2026-11-02T15:00:00Z",
                      "creditHours":1.5}]}""".formatted(UUID.randomUUID()),
            "POST /api/v1/learning/offerings", () -> """
                    {"title":"Generated %1$s","format":"ONLINE","creditHours":2,"variableCredit":true,
                     "maxCreditHours":3,"creditType":"CLOCK_HOUR","category":"COURSEWORK",
                     "lmsCourses":[{"lms":"gen-lms","courseId":"GEN-%1$s"}]}""".formatted(UUID.randomUUID()),
            "POST /api/v1/learning/offerings/{id}/lms-courses",
            () -> "{\"lms\":\"gen-lms\",\"courseId\":\"GEN-%s\"}".formatted(UUID.randomUUID()),
            "PUT /api/v1/learning/lms-clients/{clientId}", () -> "{\"lms\":\"gen-lms\"}",
            "POST /api/v1/plans/templates", ValidBodies::template,
            "PUT /api/v1/plans/templates/{id}", ValidBodies::template,
            "POST /api/v1/plans/goals", ValidBodies::goal,
            "PUT /api/v1/plans/goals/{id}", ValidBodies::goal);

    /** A district goal of a school year to come, so the demo's lists of this year's goals never show it. */
    private static String goal() {
        return """
                {"schoolId":null,"alignedTo":null,"title":"Generated %s","description":"d",
                 "competencyTags":["literacy"],"schoolYear":"2030-2031"}""".formatted(UUID.randomUUID());
    }

    private static String template() {
        return """
                {"schoolId":null,"name":"Generated %s","audience":{"careerStages":["novice"],"autoAssign":false},
                 "cadence":{"kind":"WEEKS","weeks":6,"anchor":"2026-08-17"},"cycles":2,
                 "stages":[{"name":"Learn","choose":1,"milestones":[
                   {"key":"learn","title":"An offering","required":false,
                    "rule":{"type":"complete-offerings","count":1,"tag":"literacy"}},
                   {"key":"hours","title":"Hours","required":false,"rule":{"type":"earn-hours","hours":2.5}}]}]}"""
                .formatted(UUID.randomUUID());
    }

    private ValidBodies() {
    }

    /** A valid body for {@code operation}, or null when none is known here (the schema then shapes one). */
    static JsonNode of(OpenApiOperations.Operation operation) {
        Supplier<String> body = BODIES.get(operation.toString());
        if (body == null) {
            return null;
        }
        try {
            return JSON.readTree(body.get());
        } catch (Exception e) {
            throw new AssertionError("the valid body for " + operation + " is not JSON", e);
        }
    }
}
