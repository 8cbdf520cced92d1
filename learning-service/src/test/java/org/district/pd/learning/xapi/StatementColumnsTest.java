package org.district.pd.learning.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The columns the agent and activity filters match on, as PostgreSQL generates them for each stored statement
 * (V7's functions, in PL/pgSQL since V14): every identifier of a Group's members, of the context's agents and groups,
 * of a SubStatement's actor and context, and every context activity list in either form.
 */
@QuarkusTest
class StatementColumnsTest {

    private static final String COLUMNS = """
            select xapi_agents(s), xapi_related_agents(s), xapi_related_activities(s) from (select $1::text::jsonb as s) x""";

    @Inject
    Pool pool;

    @Test
    void aGroupActorIsItsMembersAndAnAgentObjectCounts() {
        Row row = columns("""
                {"actor":{"objectType":"Group","name":"g","member":[{"mbox":"mailto:m1@x"},
                          {"account":{"homePage":"http://h","name":"n"}}]},
                 "verb":{"id":"v"},"object":{"objectType":"Agent","mbox_sha1sum":"ABCDEF"}}""");

        assertThat(texts(row, 0)).containsExactly("mbox mailto:m1@x", "account http://h n", "mbox_sha1sum abcdef");
        assertThat(texts(row, 1)).containsExactly("mbox mailto:m1@x", "account http://h n", "mbox_sha1sum abcdef");
        assertThat(texts(row, 2)).isEmpty();
    }

    @Test
    void relatedAgentsAndActivitiesReachIntoTheContext() {
        Row row = columns("""
                {"actor":{"openid":"http://o"},"verb":{"id":"v"},
                 "object":{"objectType":"Group","mbox":"mailto:g@x","member":[{"mbox":"mailto:m2@x"}]},
                 "authority":{"mbox":"mailto:auth@x"},
                 "context":{"instructor":{"mbox":"mailto:i@x"},
                            "team":{"objectType":"Group","member":[{"mbox":"mailto:t1@x"}]},
                            "contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:ca@x"}}],
                            "contextGroups":[{"objectType":"contextGroup",
                                              "group":{"objectType":"Group","member":[{"mbox":"mailto:cg@x"}]}}],
                            "contextActivities":{"parent":[{"id":"http://p"}],"grouping":{"id":"http://g"},
                                                 "category":[{"id":"http://c1"},{"id":"http://c2"}],"other":[]}}}""");

        assertThat(texts(row, 0)).containsExactly("openid http://o", "mbox mailto:g@x", "mbox mailto:m2@x");
        assertThat(texts(row, 1)).containsExactly("openid http://o", "mbox mailto:g@x", "mbox mailto:m2@x",
                "mbox mailto:auth@x", "mbox mailto:i@x", "mbox mailto:t1@x", "mbox mailto:ca@x", "mbox mailto:cg@x");
        assertThat(texts(row, 2)).containsExactlyInAnyOrder("http://p", "http://g", "http://c1", "http://c2");
    }

    @Test
    void aSubStatementsActorContextAndObjectAreRelated() {
        Row row = columns("""
                {"actor":{"mbox":"mailto:a@x"},"verb":{"id":"v"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:sa@x"},"verb":{"id":"v2"},
                           "object":{"id":"http://sub/act"},
                           "context":{"instructor":{"mbox":"mailto:si@x"},"contextActivities":{"parent":{"id":"http://sp"}}}},
                 "context":{"contextActivities":{"other":[{"id":"http://o1"}]}}}""");

        assertThat(texts(row, 0)).containsExactly("mbox mailto:a@x");
        assertThat(texts(row, 1)).containsExactly("mbox mailto:a@x", "mbox mailto:sa@x", "mbox mailto:si@x");
        assertThat(texts(row, 2)).containsExactly("http://o1", "http://sub/act", "http://sp");
    }

    @Test
    void aStatementRefIsNeitherAgentNorActivity() {
        Row row = columns("""
                {"actor":{"mbox":"mailto:a@x"},"verb":{"id":"v"},
                 "object":{"objectType":"StatementRef","id":"6f1b0b5c-6b1e-4d4e-9a6e-6c1f1a1b1c1d"}}""");

        assertThat(texts(row, 1)).containsExactly("mbox mailto:a@x");
        assertThat(texts(row, 2)).isEmpty();
    }

    private Row columns(String statement) {
        return pool.preparedQuery(COLUMNS).execute(Tuple.of(statement)).await().indefinitely().iterator().next();
    }

    private static List<String> texts(Row row, int column) {
        return Arrays.asList(row.getArrayOfStrings(column));
    }
}
