package org.district.pd.learning.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.district.pd.platform.problem.Problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The statement rules of docs/xapi-test-list.md §1, each case spoiling one value of a valid statement. */
class StatementValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VALID = """
            {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
             "actor":{"objectType":"Agent","name":"Alice","mbox":"mailto:alice@district-demo.example"},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},
             "object":{"id":"https://lms.example/activities/fa-101",
                       "definition":{"name":{"en-US":"Formative Assessment"},"type":"http://adlnet.gov/expapi/activities/course",
                                     "extensions":{}}},
             "result":{"score":{"scaled":0.9,"raw":90,"min":0,"max":100},"success":true,"completion":true,
                       "duration":"PT1H30M","extensions":{"https://lms.example/x/anything":null}},
             "context":{"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7","platform":"Moodle","language":"en-US",
                        "contextActivities":{"parent":{"id":"https://lms.example/courses/fa"},
                                             "grouping":[{"id":"https://lms.example/programs/assessment"}]},
                        "instructor":{"account":{"homePage":"https://lms.example","name":"coach-1"}}},
             "timestamp":"2026-11-30T15:00:00.123+01:00",
             "version":"2.0.0"}""";

    private static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree(VALID);
    }

    private static List<String> fields(ObjectNode statement) {
        return StatementValidator.violations(statement).stream().map(Violation::field).toList();
    }

    /** Sets the value at a dotted path (creating nothing: every parent exists in the valid statement). */
    private static ObjectNode with(String path, String json) throws Exception {
        ObjectNode statement = valid();
        String[] parts = path.split("\\.");
        ObjectNode parent = statement;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        if (json == null) {
            parent.remove(parts[parts.length - 1]);
        } else {
            parent.set(parts[parts.length - 1], JSON.readTree(json));
        }
        return statement;
    }

    @Test
    void theValidStatementIsValid() throws Exception {
        assertThat(StatementValidator.violations(valid())).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} breaks {2}")
    @CsvSource(delimiter = '|', value = {
        // rules 1-3, 5: types, unknown properties, nulls, case
        "id | 12 | id",
        "id | \"6690e6c9-3ef0-4ed3-8b37\" | id",
        "verb.Id | \"http://x.example/v\" | verb.Id",
        "actor.objectType | \"agent\" | actor.objectType",
        "result.success | \"true\" | result.success",
        "result.response | null | result.response",
        "extra | 1 | extra",
        // rule 17-21: exactly one inverse functional identifier, each well formed
        "actor.openid | \"https://id.example/alice\" | actor",
        "actor.mbox | \"mailto:alice.example\" | actor.mbox",
        "actor.mbox | \"alice@district-demo.example\" | actor.mbox",
        "actor | {\"mbox_sha1sum\":\"abc\"} | actor.mbox_sha1sum",
        "actor | {\"account\":{\"homePage\":\"https://lms.example\"}} | actor.account.name",
        "actor | {\"account\":{\"homePage\":\"lms.example\",\"name\":\"a\"}} | actor.account.homePage",
        "actor | {\"name\":\"nobody\"} | actor",
        // rules 22-24: groups
        "actor | {\"objectType\":\"Group\"} | actor.member",
        "actor | {\"objectType\":\"Group\",\"member\":[{\"objectType\":\"Group\",\"member\":[]}]} | actor.member[0].objectType",
        // rules 11, 26-28: required parts, verb, language maps
        "verb | null | verb",
        "object | null | object",
        "verb.id | \"completed\" | verb.id",
        "verb.display | {\"en_US\":\"completed\"} | verb.display.en_US",
        // rules 30-36: objects
        "object.objectType | \"activity\" | object.objectType",
        "object | {\"mbox\":\"mailto:bob@district-demo.example\"} | object.id",
        "object | {\"objectType\":\"Agent\",\"mbox\":\"mailto:bob@x.example\",\"id\":\"u\"} | object.id",
        "object | {\"objectType\":\"StatementRef\",\"id\":\"not-a-uuid\"} | object.id",
        "object | {\"objectType\":\"SubStatement\",\"id\":\"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\",\"actor\":{\"mbox\":\"mailto:a@b.example\"},\"verb\":{\"id\":\"http://v.example/v\"},\"object\":{\"id\":\"http://a.example/a\"}} | object.id",
        "object.definition.interactionType | \"essay\" | object.definition.interactionType",
        "object.definition.choices | [{\"id\":\"a\"}] | object.definition.choices",
        // rules 37-39: result
        "result.score.scaled | 1.5 | result.score.scaled",
        "result.score.raw | 101 | result.score.raw",
        "result.score.min | 100 | result.score.min",
        "result.duration | \"P0003-01-29T04:35:59\" | result.duration",
        "result.duration | \"PT\" | result.duration",
        // rules 41-46: context
        "context.registration | \"r-1\" | context.registration",
        "context.contextActivities.parent | {\"id\":\"no-scheme\"} | context.contextActivities.parent.id",
        "context.contextActivities.sibling | [] | context.contextActivities.sibling",
        "context.team | {\"mbox\":\"mailto:t@x.example\"} | context.team.objectType",
        "context.statement | {\"objectType\":\"StatementRef\",\"id\":\"x\"} | context.statement.id",
        "context.language | \"english please\" | context.language",
        // rule 29: extension keys are IRIs
        "result.extensions | {\"not an iri\":1} | result.extensions.not an iri",
        // rules 48, 55: timestamp and version
        "timestamp | \"2026-11-30 15:00\" | timestamp",
        "timestamp | \"2026-11-30T15:00:00-00:00\" | timestamp",
        "version | \"1.1.0\" | version",
    })
    void oneSpoiledValueIsNamed(String path, String json, String field) throws Exception {
        assertThat(fields(with(path, "null".equals(json) && !path.equals("result.response") ? null : json)))
                .contains(field);
    }

    @Test
    void revisionAndPlatformGoWithActivitiesOnly() throws Exception {
        ObjectNode aboutAgent = with("object", "{\"objectType\":\"Agent\",\"mbox\":\"mailto:bob@x.example\"}");
        assertThat(fields(aboutAgent)).containsExactly("context.platform");
    }

    @Test
    void whatTheStandardLeavesOpenIsAccepted() throws Exception {
        assertThat(fields(with("id", null))).isEmpty();
        assertThat(fields(with("timestamp", "\"2026-11-30T15:00:00+00:00\""))).isEmpty();
        assertThat(fields(with("result.duration", "\"PT1.2345S\""))).isEmpty();
        assertThat(fields(with("result.duration", "\"P2W\""))).isEmpty();
        assertThat(fields(with("version", "\"1.0.3\""))).isEmpty();
        assertThat(fields(with("stored", "\"2026-11-30T15:00:00Z\""))).isEmpty();
        ObjectNode aboutSubStatement = with("object", """
                {"objectType":"SubStatement","actor":{"mbox":"mailto:a@b.example"},
                 "verb":{"id":"http://v.example/v"},"object":{"id":"http://a.example/a"}}""");
        ((ObjectNode) aboutSubStatement.get("context")).remove("platform");
        assertThat(fields(aboutSubStatement)).isEmpty();
        assertThat(fields(with("actor", """
                {"objectType":"Group","name":"Team","member":[{"mbox":"mailto:a@b.example"},
                 {"account":{"homePage":"https://lms.example","name":"b"}}]}"""))).isEmpty();
    }

    @Test
    void aSubStatementInsideASubStatementIsRefused() throws Exception {
        String inner = """
                {"objectType":"SubStatement","actor":{"mbox":"mailto:a@b.example"},
                 "verb":{"id":"http://v.example/v"},"object":{"id":"http://a.example/a"}}""";
        String outer = """
                {"objectType":"SubStatement","actor":{"mbox":"mailto:a@b.example"},
                 "verb":{"id":"http://v.example/v"},"object":%s}""".formatted(inner);
        ObjectNode statement = with("object", outer);
        ((ObjectNode) statement.get("context")).remove("platform");
        assertThat(fields(statement)).containsExactly("object.object.objectType");
    }
}
