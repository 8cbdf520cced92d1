package org.district.pd.plan.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** The ledger's changes feed against the real database: commit order, across writers that interleave. */
@QuarkusTest
class LedgerFeedTest {

    private static final String CHANGES = "/api/v1/plans/ledger/changes";
    private static final String INSERT = """
            insert into ledger_entry (id, educator_id, event_id, event_type, source_ref, occurred_at, earned_at,
                                      credit_hours, credit_type, category, activity_source, recorded_at)
            values ($1, $2, $3, 'test.entry', $4, $5, $5, 1, 'CLOCK_HOUR', 'COURSEWORK', 'LMS', $5)""";

    @Inject
    Pool database;

    @Test
    void entriesComeInTheOrderTheirTransactionsCommitted() {
        String cursor = end(null);
        SqlConnection connection = database.getConnection().await().indefinitely();
        try {
            Transaction slow = connection.begin().await().indefinitely();
            UUID first = insert(connection);
            UUID second = insert(database);

            List<String> meanwhile = entries(cursor, 2_000).getList("entries.id", String.class);
            assertThat(meanwhile).as("committed, it is there").contains(second.toString())
                    .as("not committed yet, it is not").doesNotContain(first.toString());

            slow.commit().await().indefinitely();
            assertThat(entries(cursor, 2_000).getList("entries.id", String.class))
                    .as("in commit order: the one written first committed last")
                    .containsSubsequence(second.toString(), first.toString());
        } finally {
            connection.close().await().indefinitely();
        }
    }

    @Test
    void aTransactionNumberedFirstHoldsBackTheCommitsOfOthersUntilItsOwnIsVisible() throws Exception {
        String cursor = end(null);
        SqlConnection first = database.getConnection().await().indefinitely();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Transaction held = first.begin().await().indefinitely();
            UUID early = insert(first);
            // Numbered now instead of at commit: this transaction takes the feed's lock and keeps it.
            first.query("set constraints ledger_entry_in_feed immediate").execute().await().indefinitely();
            Future<UUID> late = other.submit(() -> insert(database));
            Thread.sleep(500);
            assertThat(late.isDone()).as("a commit of entries waits while another transaction holds the numbers")
                    .isFalse();

            held.commit().await().indefinitely();
            UUID after = late.get(10, TimeUnit.SECONDS);
            assertThat(entries(cursor, 2_000).getList("entries.id", String.class))
                    .containsSubsequence(early.toString(), after.toString());
        } finally {
            other.shutdownNow();
            first.close().await().indefinitely();
        }
    }

    @Test
    void aPollerResumingFromItsCursorMissesNoChangeAndSeesNoneTwiceAcrossConcurrentWriters() throws Exception {
        String start = end(null);
        Set<UUID> written = ConcurrentHashMap.newKeySet();
        List<UUID> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<String> poller = threads.submit(() -> {
                String cursor = start;
                while (writing.get()) {
                    cursor = collect(cursor, seen);
                }
                return cursor;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                writers.add(threads.submit(() -> {
                    for (int transaction = 0; transaction < 25; transaction++) {
                        written.addAll(writeTransaction());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            String cursor = poller.get(60, TimeUnit.SECONDS);
            collect(cursor, seen);
        } finally {
            threads.shutdownNow();
        }
        List<UUID> ours = seen.stream().filter(written::contains).toList();
        assertThat(ours).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ours)).isEqualTo(written);
        assertThat(written).hasSizeGreaterThanOrEqualTo(100);
    }

    /**
     * A transaction's entries get their positions at its first numbering, and later firings only count down (V16):
     * an entry another deferred trigger writes at commit, after or before that numbering, still gets one.
     */
    @Test
    void anEntryWrittenAtCommitByAnotherTriggerIsInTheFeedToo() {
        String cursor = end(null);
        SqlConnection connection = database.getConnection().await().indefinitely();
        try {
            // Session-local: a table whose deferred trigger records a ledger entry when its transaction commits.
            connection.query("""
                    create temp table late_entry (id uuid primary key);
                    create function pg_temp.record_late_entry() returns trigger language plpgsql as $$
                    begin
                        insert into ledger_entry (id, educator_id, event_id, event_type, source_ref, occurred_at,
                                                  earned_at, credit_hours, credit_type, category, activity_source,
                                                  recorded_at)
                        values (new.id, gen_random_uuid(), gen_random_uuid(), 'test.entry', new.id::text, now(), now(),
                                1, 'CLOCK_HOUR', 'COURSEWORK', 'LMS', now());
                        return null;
                    end;
                    $$;
                    create constraint trigger late_entry after insert on late_entry deferrable initially deferred
                        for each row execute function pg_temp.record_late_entry()""").execute().await().indefinitely();
            String late = "insert into late_entry (id) values ($1)";

            // Firings at commit: the waiting entry's (it numbers), then the late writer's (its entry waits after).
            Transaction first = connection.begin().await().indefinitely();
            UUID waiting = insert(connection);
            UUID lateAfterNumbering = UUID.randomUUID();
            connection.preparedQuery(late).execute(Tuple.of(lateAfterNumbering)).await().indefinitely();
            first.commit().await().indefinitely();

            // Firings at commit: the late writer's first, so its entry waits too when the other's firing numbers.
            Transaction second = connection.begin().await().indefinitely();
            UUID lateBeforeNumbering = UUID.randomUUID();
            connection.preparedQuery(late).execute(Tuple.of(lateBeforeNumbering)).await().indefinitely();
            UUID waitingToo = insert(connection);
            second.commit().await().indefinitely();

            List<String> ours = List.of(waiting, lateAfterNumbering, waitingToo, lateBeforeNumbering).stream()
                    .map(UUID::toString).toList();
            assertThat(entries(cursor, 2_000).getList("entries.id", String.class)).filteredOn(ours::contains)
                    .as("each once, in commit order, a transaction's entries in the order they were recorded")
                    .containsExactlyElementsOf(ours);
        } finally {
            connection.close().await().indefinitely();
        }
    }

    @Test
    void aPollerMayStartAtTheFeedsEndAndSeeOnlyWhatComesAfter() {
        insert(database);
        String end = given().auth().oauth2(Tokens.hrConnector()).when().get(CHANGES + "/end").then().statusCode(200)
                .extract().path("cursor");
        assertThat(entries(end, 2_000).getList("entries")).isEmpty();
        UUID next = insert(database);
        assertThat(entries(end, 2_000).getList("entries.id", String.class)).containsExactly(next.toString());
        given().auth().oauth2(Tokens.user("alice")).when().get(CHANGES + "/end").then().statusCode(403);
        given().when().get(CHANGES + "/end").then().statusCode(401);
    }

    @Test
    void onlyHrAndDistrictAdminsReadTheFeedAndABadCursorIsA400() {
        given().auth().oauth2(Tokens.hrConnector()).when().get(CHANGES).then().statusCode(200);
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 1).when().get(CHANGES).then().statusCode(200);
        for (String other : List.of("alice", "frank", "erin")) {
            given().auth().oauth2(Tokens.user(other)).when().get(CHANGES).then().statusCode(403);
        }
        given().when().get(CHANGES).then().statusCode(401);
        given().auth().oauth2(Tokens.hrConnector()).queryParam("cursor", "cDp4").when().get(CHANGES).then()
                .statusCode(400).body("violations.field", contains("cursor"));
        given().auth().oauth2(Tokens.hrConnector()).queryParam("size", "0").when().get(CHANGES).then()
                .statusCode(400).body("violations.field", contains("size"));
    }

    /** Reads from {@code cursor} to the feed's current end, adding each entry's id to {@code seen}. */
    private static String collect(String cursor, List<UUID> seen) {
        String at = cursor;
        while (true) {
            JsonPath page = entries(at, 500);
            page.getList("entries.id", String.class).forEach(id -> seen.add(UUID.fromString(id)));
            at = page.getString("nextCursor");
            if (!page.getBoolean("more")) {
                return at;
            }
        }
    }

    private static String end(String cursor) {
        return collect(cursor, new ArrayList<>());
    }

    private static JsonPath entries(String cursor, int size) {
        var request = given().auth().oauth2(Tokens.hrConnector()).queryParam("size", size);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when().get(CHANGES).then().statusCode(200).extract().jsonPath();
    }

    /** One transaction of one to three entries that stays open a few milliseconds, as the inbox's do. */
    private List<UUID> writeTransaction() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        SqlConnection connection = database.getConnection().await().indefinitely();
        try {
            Transaction transaction = connection.begin().await().indefinitely();
            int entries = 1 + ThreadLocalRandom.current().nextInt(3);
            for (int entry = 0; entry < entries; entry++) {
                ids.add(insert(connection));
                Thread.sleep(ThreadLocalRandom.current().nextInt(15));
            }
            transaction.commit().await().indefinitely();
        } finally {
            connection.close().await().indefinitely();
        }
        return ids;
    }

    private static UUID insert(io.vertx.mutiny.sqlclient.SqlClient client) {
        UUID id = UUID.randomUUID();
        client.preparedQuery(INSERT).execute(Tuple.of(id, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID().toString(), Instant.now().atOffset(ZoneOffset.UTC))).await().indefinitely();
        return id;
    }
}
