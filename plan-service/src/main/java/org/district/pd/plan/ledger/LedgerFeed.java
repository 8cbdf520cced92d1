package org.district.pd.plan.ledger;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger's entries in commit order, for HR systems that poll for changes. Each entry holds the id of the
 * transaction that wrote it; the feed gives only entries of transactions older than every one still running
 * (the snapshot's xmin), ordered by transaction and sequence. A transaction that commits later has an id at least
 * that xmin, above every position handed out, so a poller that resumes from its cursor misses nothing and sees
 * nothing twice, however writers interleave. A long transaction holds the feed back until it ends; it never skips.
 */
@ApplicationScoped
public class LedgerFeed {

    private static final String CHANGES = """
            select l.tx::text as tx, l.seq, l.id, l.educator_id, l.event_id, l.event_type, l.source_ref, l.offering_id,
                   l.occurred_at, l.earned_at, l.credit_hours, l.credit_type, l.category, l.activity_source,
                   l.provider, l.recorded_at
            from ledger_entry l
            where ($1::text is null or (l.tx, l.seq) > ($1::text::xid8, $2::bigint))
              and l.tx < pg_snapshot_xmin(pg_current_snapshot())
            order by l.tx, l.seq
            limit $3""";

    /** A page of changes and where the next starts; {@code next} is the cursor given when there is nothing new. */
    public record Changes(List<FeedEntry> entries, FeedCursor next, boolean more) {
    }

    private final Pool pool;

    LedgerFeed(Pool pool) {
        this.pool = pool;
    }

    public Uni<Changes> after(FeedCursor cursor, int limit) {
        Tuple parameters = Tuple.tuple()
                .addValue(cursor == null ? null : Long.toUnsignedString(cursor.transaction()))
                .addValue(cursor == null ? null : cursor.sequence())
                .addValue(limit);
        return pool.preparedQuery(CHANGES).execute(parameters).map(rows -> {
            List<FeedEntry> entries = new ArrayList<>();
            FeedCursor last = cursor;
            for (Row row : rows) {
                entries.add(entry(row));
                last = new FeedCursor(Long.parseLong(row.getString("tx")), row.getLong("seq"));
            }
            return new Changes(entries, last, entries.size() == limit);
        });
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
