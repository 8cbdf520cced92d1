package org.district.pd.platform.delivery;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.platform.inbox.InboxConfig;
import org.district.pd.platform.outbox.OutboxConfig;
import org.district.pd.platform.problem.Outage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Purges what delivery no longer needs, in bounded batches so no statement holds many locks or runs long: sent
 * outbox rows and replayed dead letters after {@code pd.outbox.retention}, processed inbox rows after
 * {@code pd.inbox.retention}.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);

    private static final String SENT = """
            delete from outbox_event where seq in (
                select seq from outbox_event where sent_at < now() - make_interval(secs => $1) limit $2)""";
    private static final String PROCESSED = """
            delete from inbox_event where ctid in (
                select ctid from inbox_event where processed_at < now() - make_interval(secs => $1) limit $2)""";
    private static final String REPLAYED = """
            delete from dead_letter where id in (
                select id from dead_letter where replayed_at < now() - make_interval(secs => $1) limit $2)""";

    private final Pool pool;
    private final OutboxConfig outbox;
    private final InboxConfig inbox;
    private final int batchSize;

    DeliveryRetention(Pool pool, OutboxConfig outbox, InboxConfig inbox,
            @ConfigProperty(name = "pd.retention.batch-size", defaultValue = "5000") int batchSize) {
        this.pool = pool;
        this.outbox = outbox;
        this.inbox = inbox;
        this.batchSize = batchSize;
    }

    // A worker thread: the scheduler runs non-reactive methods off the event loop.
    @Scheduled(every = "${pd.retention.every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            long purged = purge();
            if (purged > 0) {
                LOG.infof("Purged %d delivered outbox, processed inbox and replayed dead-letter rows", purged);
            }
        } catch (RuntimeException e) {
            if (!Outage.causedBy(e)) {
                throw e;
            }
            // Nothing is lost by purging later: the next run picks up where this one could not start.
            LOG.warnf("Retention purge skipped, the database is unreachable: %s", e.toString());
        }
    }

    /** Purges everything past retention; returns how many rows went. */
    public long purge() {
        return purge(SENT, outbox.retention()) + purge(PROCESSED, inbox.retention()) + purge(REPLAYED, outbox.retention());
    }

    private long purge(String statement, Duration retention) {
        long total = 0;
        int deleted;
        do {
            deleted = pool.preparedQuery(statement).execute(Tuple.of(retention.toSeconds(), batchSize))
                    .await().atMost(Duration.ofMinutes(1)).rowCount();
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
