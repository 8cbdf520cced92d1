package org.district.pd.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Outbox rows the relay parked: listed for a district admin, and put back in line once the cause is fixed. */
@ApplicationScoped
public class ParkedEvents {

    /** A parked row: what it is, where it was going and why it could not get there. */
    public record View(UUID id, String topic, String key, String type, int attempts, String lastError, Instant parkedAt) {
    }

    public record Page(int page, int size, long total, List<View> items) {
    }

    private static final String PARKED = "parked_at is not null and sent_at is null";

    private final Pool pool;

    ParkedEvents(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page> list(int page, int size) {
        return pool.preparedQuery("select id, topic, event_key, type, attempts, last_error, parked_at from outbox_event where "
                + PARKED + " order by parked_at, seq limit $1 offset $2")
                .execute(Tuple.of(size, (long) page * size))
                .flatMap(rows -> count().map(total -> {
                    List<View> items = new ArrayList<>();
                    rows.forEach(row -> items.add(view(row)));
                    return new Page(page, size, total, items);
                }));
    }

    public Uni<Long> count() {
        return pool.query("select count(*) from outbox_event where " + PARKED).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The oldest parked row, for health details, or null. */
    Uni<View> oldest() {
        return pool.query("select id, topic, event_key, type, attempts, last_error, parked_at from outbox_event where "
                + PARKED + " order by parked_at, seq limit 1").execute()
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** Returns a parked row to the relay with fresh attempts; false when no such row is parked. */
    public Uni<Boolean> retry(UUID id) {
        return pool.preparedQuery("update outbox_event set parked_at = null, attempts = 0, next_attempt_at = null where id = $1 and "
                + PARKED).execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static View view(Row row) {
        return new View(row.getUUID("id"), row.getString("topic"), row.getString("event_key"), row.getString("type"),
                row.getInteger("attempts"), row.getString("last_error"), row.getOffsetDateTime("parked_at").toInstant());
    }
}
