package org.district.pd.learning.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.district.pd.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Statement immutability (rules 67-69), the version header (90-92) and strict parsing (rule 4). */
class StatementComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STORED = """
            {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee","stored":"2026-11-30T15:00:01Z",
             "authority":{"account":{"homePage":"https://district.example","name":"lms-connector"}},
             "version":"2.0.0","timestamp":"2026-11-30T15:00:00Z",
             "actor":{"objectType":"Group","member":[{"mbox":"mailto:a@x.example"},{"mbox":"mailto:b@x.example"}]},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},
             "object":{"id":"https://lms.example/a","definition":{"name":{"en-US":"A"}}},
             "result":{"duration":"PT1.234S","score":{"raw":1.0}}}""";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void whatTheLrsAssignsAndWhatDoesNotCountAreIgnored() throws Exception {
        String sent = """
                {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee","timestamp":"2026-11-30T16:00:00+01:00",
                 "actor":{"objectType":"Group","member":[{"mbox":"mailto:B@X.example"},{"mbox":"mailto:a@x.example"}]},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"fr-FR":"terminé"}},
                 "object":{"id":"https://lms.example/a"},
                 "result":{"score":{"raw":1},"duration":"PT1.23S"}}""";
        assertThat(StatementComparison.same(json(STORED), json(sent))).isTrue();
    }

    @Test
    void anotherVerbObjectOrResultIsAnotherStatement() throws Exception {
        assertThat(StatementComparison.same(json(STORED),
                json(STORED.replace("verbs/completed", "verbs/passed")))).isFalse();
        assertThat(StatementComparison.same(json(STORED),
                json(STORED.replace("https://lms.example/a\"", "https://lms.example/b\"")))).isFalse();
        assertThat(StatementComparison.same(json(STORED), json(STORED.replace("PT1.234S", "PT1.3S")))).isFalse();
        assertThat(StatementComparison.same(json(STORED), json(STORED.replace("\"raw\":1.0", "\"raw\":2"))))
                .isFalse();
        assertThat(StatementComparison.same(json(STORED),
                json(STORED.replace("mailto:b@x.example", "mailto:c@x.example")))).isFalse();
    }

    @Test
    void theVersionHeaderNames2OrA1_0Version() {
        assertThat(XapiVersion.refusal("2.0.0")).isNull();
        assertThat(XapiVersion.refusal("2.0")).isNull();
        assertThat(XapiVersion.refusal("2.0.3")).isNull();
        assertThat(XapiVersion.refusal("1.0.3")).isNull();
        assertThat(XapiVersion.refusal(null)).contains("required");
        assertThat(XapiVersion.refusal("2.1.0")).contains("not served");
        assertThat(XapiVersion.refusal("0.95")).contains("not served");
    }

    @Test
    void aPropertyGivenTwiceIsRefusedAndAnArrayIsABatch() {
        assertThatThrownBy(() -> StatementParser.statements("{\"actor\":{},\"actor\":{}}"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> StatementParser.statements("")).isInstanceOf(ProblemException.class);
        assertThat(StatementParser.statements("[{\"a\":1},{\"a\":2}]")).hasSize(2);
        assertThat(StatementParser.statements("{\"a\":1}")).hasSize(1);
    }
}
