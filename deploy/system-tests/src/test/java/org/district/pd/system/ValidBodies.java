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

    private static final Map<String, Supplier<String>> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/community/communities", ValidBodies::community),
            Map.entry("PUT /api/v1/community/communities/{id}", ValidBodies::community),
            Map.entry("POST /api/v1/community/communities/{id}/meetings", () -> """
                    {"title":"Generated","agenda":"a","startsAt":"2027-01-12T20:30:00Z","durationMinutes":60,
                     "location":"Room 1","recurrence":"FREQ=MONTHLY;INTERVAL=2;COUNT=3"}"""),
            Map.entry("POST /api/v1/community/communities/{id}/threads",
                    () -> "{\"kind\":\"REFLECTION\",\"tried\":\"a\",\"why\":\"b\",\"impact\":\"c\"}"),
            Map.entry("POST /api/v1/community/communities/{id}/resources", () -> """
                    {"url":"https://gen.example/r","title":"Generated","kind":"ARTICLE","tags":["gen"],"note":"n"}"""),
            Map.entry("POST /api/v1/community/meetings/{id}/attendance",
                    () -> "{\"attendees\":[{\"educatorId\":\"%s\",\"minutes\":30}]}".formatted(UUID.randomUUID())),
            Map.entry("PUT /api/v1/community/me/interests", () -> "{\"tags\":[\"generated\"]}"),
            Map.entry("POST /api/v1/community/strengths/profiles/{educatorId}/endorsements",
                    () -> "{\"strength\":\"assessment-design\",\"note\":\"generated\"}"),
            Map.entry("POST /api/v1/learning/completions", () -> """
                    {"items":[{"externalId":"gen-%1$s","learner":{"email":"gen-%1$s@nowhere.example","sisId":"gen-%1$s",
                      "lmsAccount":"demo-lms:gen-%1$s"},"lmsCourseId":"LMS-FA-101","completedAt":"2026-11-02T15:00:00Z",
                      "creditHours":1.5}]}""".formatted(UUID.randomUUID())),
            Map.entry("POST /api/v1/learning/offerings", () -> """
                    {"title":"Generated %1$s","format":"ONLINE","creditHours":2,"variableCredit":true,
                     "maxCreditHours":3,"creditType":"CLOCK_HOUR","category":"COURSEWORK",
                     "lmsCourses":[{"lms":"gen-lms","courseId":"GEN-%1$s"}]}""".formatted(UUID.randomUUID())),
            Map.entry("PUT /api/v1/learning/offerings/{id}", ValidBodies::offeringDetails),
            Map.entry("POST /api/v1/learning/offerings/{id}/lms-courses",
                    () -> "{\"lms\":\"gen-lms\",\"courseId\":\"GEN-%s\"}".formatted(UUID.randomUUID())),
            Map.entry("POST /api/v1/learning/offerings/{id}/xapi-activities",
                    () -> "{\"activityId\":\"https://gen.example/activities/%s\"}".formatted(UUID.randomUUID())),
            Map.entry("POST /api/v1/learning/offerings/{id}/sessions", () -> """
                    {"startsAt":"2026-12-01T15:00:00Z","endsAt":"2026-12-01T16:00:00Z","location":"Room 1",
                     "capacity":20,"facilitatorId":"%s","creditHours":1}""".formatted(UUID.randomUUID())),
            Map.entry("PUT /api/v1/learning/sessions/{id}", () -> """
                    {"startsAt":"2026-12-01T15:00:00Z","endsAt":"2026-12-01T16:00:00Z","location":"Room 1",
                     "capacity":20,"facilitatorId":"%s","creditHours":1}""".formatted(UUID.randomUUID())),
            Map.entry("POST /api/v1/learning/sessions/{id}/cancellation", () -> "{\"reason\":\"generated\"}"),
            Map.entry("POST /api/v1/learning/sessions/{id}/attendance-corrections",
                    () -> "{\"educatorId\":\"%s\",\"reason\":\"generated\"}".formatted(UUID.randomUUID())),
            Map.entry("PUT /api/v1/learning/offerings/{id}/ratings/me", () -> "{\"stars\":4,\"comment\":\"ok\"}"),
            Map.entry("POST /api/v1/learning/sessions/{id}/check-ins", () -> "{\"code\":\"123456\"}"),
            Map.entry("PUT /api/v1/learning/sessions/{id}/attendance",
                    () -> "{\"attendees\":[{\"educatorId\":\"%s\",\"minutes\":30}]}".formatted(UUID.randomUUID())),
            Map.entry("POST /api/v1/learning/outside-requests", () -> """
                    {"title":"Generated","provider":"Gen","startsOn":"2026-10-01","endsOn":"2026-10-02","hours":3,
                     "creditType":"CLOCK_HOUR","category":"CONFERENCE","competencyTags":["gen"],
                     "evidenceUrl":"https://gen.example/evidence","preApproval":false}"""),
            Map.entry("POST /api/v1/learning/outside-requests/{id}/submission",
                    () -> "{\"evidenceUrl\":\"https://gen.example/e\",\"hours\":2,\"endsOn\":\"2026-10-02\"}"),
            Map.entry("POST /api/v1/learning/outside-requests/{id}/decision",
                    () -> "{\"decision\":\"DENY\",\"comment\":\"generated\"}"),
            Map.entry("POST /api/v1/learning/learners/links",
                    () -> "{\"email\":\"gen-%s@nowhere.example\",\"educatorId\":\"%s\"}"
                            .formatted(UUID.randomUUID(), UUID.randomUUID())),
            Map.entry("POST /xapi/statements", ValidBodies::statement),
            Map.entry("PUT /xapi/statements", ValidBodies::statement),
            Map.entry("PUT /api/v1/learning/lms-clients/{clientId}", () -> "{\"lms\":\"gen-lms\"}"),
            Map.entry("POST /api/v1/plans/templates", ValidBodies::template),
            Map.entry("PUT /api/v1/plans/templates/{id}", ValidBodies::template),
            Map.entry("PUT /api/v1/plans/renewal-profiles/{code}", () -> """
                    {"name":"Generated","requiredHours":120,"windowYears":5,
                     "conversions":{"CLOCK_HOUR":1,"CEU":10,"SEMESTER_HOUR":15,"CREDIT":15},
                     "caps":{"INDEPENDENT_STUDY":0.2},"carryOver":{"maxHours":20,"lastYears":2},
                     "approvedProviders":["Generated Provider"]}"""),
            Map.entry("PUT /api/v1/plans/educators/{educatorId}/license", () -> """
                    {"profile":"TX","type":"Standard","number":"GEN-1","issuedOn":"2024-08-01",
                     "expiresOn":"2029-07-31"}"""),
            Map.entry("POST /api/v1/plans/goals", ValidBodies::goal),
            Map.entry("PUT /api/v1/plans/goals/{id}", ValidBodies::goal),
            Map.entry("POST /api/v1/credentials/definitions", ValidBodies::definition),
            Map.entry("PUT /api/v1/credentials/definitions/{id}", ValidBodies::definition),
            Map.entry("POST /api/v1/credentials/assessors",
                    () -> "{\"educatorId\":\"%s\"}".formatted(UUID.randomUUID())),
            Map.entry("POST /api/v1/credentials/submissions", () -> """
                    {"definitionId":"%s","artifacts":[{"requirement":"video","url":"https://gen.example/v"},
                     {"requirement":"reflection","text":"generated"}]}""".formatted(UUID.randomUUID())),
            Map.entry("POST /api/v1/credentials/submissions/{id}/review", () -> """
                    {"scores":[{"criterion":"alignment","level":3,"feedback":"generated"}],"feedback":"generated"}"""),
            Map.entry("POST /api/v1/credentials/awards/{id}/revocation", () -> "{\"reason\":\"generated\"}"),
            Map.entry("POST /api/v1/credentials/imports", () -> "{\"jwt\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\"}"),
            Map.entry("POST /api/v1/credentials/imports/{id}/decision",
                    () -> "{\"decision\":\"DENY\",\"creditHours\":2,\"comment\":\"generated\"}"),
            Map.entry("POST /api/v1/credentials/verify", () -> "{\"jwt\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\"}"));

    /** A statement about an activity no offering maps: stored, and earning nothing. */
    private static String statement() {
        return """
                {"actor":{"mbox":"mailto:gen-%1$s@nowhere.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"https://gen.example/activities/%1$s"}}""".formatted(UUID.randomUUID());
    }

    /** A draft's details: offerings are created as drafts, so what generated input changes no one else sees. */
    private static String offeringDetails() {
        return """
                {"title":"Generated %s","description":"d","format":"IN_PERSON","durationMinutes":60,"creditHours":1,
                 "creditType":"CLOCK_HOUR","category":"WORKSHOP","competencyTags":["gen"],"standards":["EVIDENCE"],
                 "gradeBands":["K-2"],"careerStages":["novice"],"requiredSessions":1}""".formatted(UUID.randomUUID());
    }

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

    /** A draft micro-credential under a fresh name: generated input never publishes what it defines. */
    private static String definition() {
        return """
                {"kind":"MICRO_CREDENTIAL","name":"Generated %s","competency":"Generated",
                 "evidence":[{"key":"video","kind":"VIDEO_LINK","minimum":1,"maximum":2,"instructions":"A video"}],
                 "rubric":{"criteria":[{"key":"alignment","name":"Alignment"}],
                           "levels":[{"score":1,"name":"Low"},{"score":3,"name":"High"}],
                           "passing":{"minimumLevel":3,"minimumTotal":3}},
                 "review":{"assessors":2,"onDisagreement":"RESUBMIT","maxAttempts":2,"turnaroundDays":7},
                 "creditHours":1.5,"validityMonths":12,"renewal":{"opensDaysBefore":30,"evidence":["video"]},
                 "competencyTags":["generated"]}""".formatted(UUID.randomUUID());
    }

    private static String community() {
        return """
                {"kind":"NETWORK","name":"Generated %s","purpose":"p","tags":["gen"],"visibility":"INVITE",
                 "creditBearing":false}""".formatted(UUID.randomUUID());
    }
}
