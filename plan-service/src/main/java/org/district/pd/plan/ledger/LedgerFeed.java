package org.district.pd.plan.ledger;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger's entries in commit order, for HR systems that poll for changes. Each entry gets its position in the
 * feed when its transaction commits (V11, V16: the writers of entries take turns at commit under one lock, number all
 * of their transaction's entries in one statement, and hold the lock until their commit is visible), so positions
 * become visible in order: a poller that resumes after the last position it read misses nothing and sees nothing
 * twice, however writers interleave, and no other transaction holds it back.
 */
@ApplicationScoped
public class LedgerFeed {

    private static final String CHANGES = """
            select f.position, l.id, l.educator_id, l.event_id, l.event_type, l.source_ref, l.offering_id,
                   l.occurred_at, l.earned_at, l.credit_hours, l.credit_type, l.category, l.activity_source,
                   l.provider, l.recorded_at
            from ledger_feed f
            join ledger_entry l on l.id = f.entry_id
            where f.position > $1
            order by f.position
            limit $2""";
    private static final String END = "select coalesce(max(position), 0) as position from ledger_feed";

    /** A page of changes and where the next starts; {@code next} is the cursor given when there is nothing new. */
    public record Changes(List<FeedEntry> entries, FeedCursor next, boolean more) {
    }

    private final Pool pool;

    LedgerFeed(Pool pool) {
        this.pool = pool;
    }

    public Uni<Changes> after(FeedCursor cursor, int limit) {
        return pool.preparedQuery(CHANGES).execute(Tuple.of(cursor.position(), limit)).map(rows -> {
            List<FeedEntry> entries = new ArrayList<>();
            FeedCursor last = cursor;
            for (Row row : rows) {
                entries.add(entry(row));
                last = new FeedCursor(row.getLong("position"));
            }
            return new Changes(entries, last, entries.size() == limit);
        });
    }

    /** Where the feed ends now: every position up to it is visible, so what follows it is only what is new. */
    public Uni<FeedCursor> end() {
        return pool.query(END).execute().map(rows -> new FeedCursor(rows.iterator().next().getLong("position")));
    }

    private static FeedEntry entry(Row row) {
        String source = row.getString("activity_source");
        return new FeedEntry(row.getUUID("id"), row.getUUID("educator_id"), row.getUUID("event_id"),
                row.getString("event_type"), row.getString("source_ref"), row.getUUID("offering_id"),
                row.getOffsetDateTime("occurred_at").toInstant(), row.getOffsetDateTime("earned_at").toInstant(),
                row.getBigDecimal("credit_hours"), row.getString("credit_type"), row.getString("category"), source,
                row.getString("provider"), row.getOffsetDateTime("recorded_at").toInstant(),
                LedgerService.REVERSAL.equals(source));
    }
}
