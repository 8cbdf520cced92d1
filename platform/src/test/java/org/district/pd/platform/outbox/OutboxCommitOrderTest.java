package org.district.pd.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox's commit trigger against the real PostgreSQL: whatever a transaction does with its outbox rows before it
 * commits, each row still there gets a commit number, which is what lets the relay publish it. The trigger numbers a
 * transaction's rows at its first firing and then only counts the rest down (V0_4); these are the cases where a
 * count could be wrong.
 */
@QuarkusTest
class OutboxCommitOrderTest {

    private static final String INSERT = """
            insert into outbox_event (id, topic, event_key, type, source, subject, event_time, payload)
            select id, $1, $2, 'pd.platform.relay-test.v1', '/test', $2, now(), '{}' from unnest($3::uuid[]) as id""";
    private static final String LATE_WRITE = "insert into outbox_test_late_writer (id, topic, event_key) values ($1, $2, $3)";

    @Inject
    Pool pool;

    /** Other tests drain every pending row and count what they publish. */
    @AfterEach
    void forgetRows() {
        pool.query("delete from outbox_event where topic like 'pd.platform.commit-order-test.%'").execute().await().indefinitely();
    }

    @Test
    void rowsWrittenInSeveralStatementsWithOneDeletedShareOneNumber() {
        String topic = topic();
        List<UUID> first = ids(3);
        List<UUID> second = ids(2);
        pool.withTransaction(connection -> insert(connection, topic, "a", first)
                .chain(() -> connection.preparedQuery("delete from outbox_event where id = $1").execute(Tuple.of(first.get(1))))
                .chain(() -> insert(connection, topic, "b", second)))
                .await().indefinitely();

        List<UUID> kept = new ArrayList<>(first);
        kept.remove(1);
        kept.addAll(second);
        List<Long> numbers = commitNumbers(kept);
        assertThat(numbers).as("one number for the whole transaction").doesNotContainNull().containsOnly(numbers.get(0));
    }

    /** Queued firings: the outbox's two rows, then the late writer's, which adds a third outbox row at commit. */
    @Test
    void aRowAnotherTriggerWritesAfterTheNumberingIsNumberedToo() {
        String topic = topic();
        List<UUID> early = ids(2);
        UUID late = UUID.randomUUID();
        pool.withTransaction(connection -> insert(connection, topic, "k", early)
                .chain(() -> connection.preparedQuery(LATE_WRITE).execute(Tuple.of(late, topic, "k"))))
                .await().indefinitely();

        List<Long> numbers = commitNumbers(List.of(early.get(0), early.get(1), late));
        assertThat(numbers).doesNotContainNull();
        assertThat(numbers.get(0)).isEqualTo(numbers.get(1));
        assertThat(numbers.get(2)).as("numbered after the rows already there, so it follows them").isGreaterThan(numbers.get(0));
    }

    /** Queued firings: the late writer's first, so its row already exists when the outbox's rows are numbered. */
    @Test
    void aRowAnotherTriggerWritesBeforeTheNumberingSharesItsNumber() {
        String topic = topic();
        UUID late = UUID.randomUUID();
        List<UUID> rows = ids(2);
        pool.withTransaction(connection -> connection.preparedQuery(LATE_WRITE).execute(Tuple.of(late, topic, "k"))
                .chain(() -> insert(connection, topic, "k", rows)))
                .await().indefinitely();

        List<Long> numbers = commitNumbers(List.of(late, rows.get(0), rows.get(1)));
        assertThat(numbers).doesNotContainNull().containsOnly(numbers.get(0));
    }

    private static Uni<RowSet<Row>> insert(SqlConnection connection, String topic, String key, List<UUID> ids) {
        return connection.preparedQuery(INSERT).execute(Tuple.of(topic, key, ids.toArray(UUID[]::new)));
    }

    private List<Long> commitNumbers(List<UUID> ids) {
        List<Long> numbers = new ArrayList<>();
        for (UUID id : ids) {
            Row row = pool.preparedQuery("select commit_seq from outbox_event where id = $1").execute(Tuple.of(id))
                    .await().indefinitely().iterator().next();
            numbers.add(row.getLong("commit_seq"));
        }
        return numbers;
    }

    private static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static String topic() {
        return "pd.platform.commit-order-test." + UUID.randomUUID();
    }
}
