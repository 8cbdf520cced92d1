package org.district.pd.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka, one key's rows in the order their transactions committed, and marks each sent once
 * the broker acknowledged it. A crash between publish and mark re-publishes; consumers' inboxes make that harmless.
 * A row that fails is retried with back-off and parked after bounded attempts; it holds back only later rows of its
 * own key. No database transaction stays open while the broker is awaited.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Held for the life of one database session: only one relay per database publishes, so none reorders another. */
    private static final long RELAY_LOCK = 0x70645f6f7574L;

    /**
     * The next rows in publication order, leaving out any row behind an earlier row of its key that is parked or
     * waiting for its next attempt: a key's rows never overtake each other. Failed rows are few, so the keys they hold
     * come from a small index, whatever the backlog.
     */
    private static final String SELECT_READY = """
            with held as (
                select event_key, min(array[commit_seq, seq]) as first_held
                from outbox_event
                where sent_at is null and next_attempt_at is not null
                  and (parked_at is not null or next_attempt_at > now())
                group by event_key)
            select id, topic, event_key, type, source, subject, event_time, correlation_id, payload, headers::text, attempts
            from outbox_event o
            where o.sent_at is null and o.parked_at is null and o.commit_seq is not null
              and (o.next_attempt_at is null or o.next_attempt_at <= now())
              and not exists (select 1 from held h
                              where h.event_key = o.event_key and h.first_held < array[o.commit_seq, o.seq])
            order by o.commit_seq, o.seq
            limit $1""";

    private static final String MARK_SENT = "update outbox_event set sent_at = now() where id = any($1)";

    private static final String MARK_FAILED = """
            update outbox_event
            set attempts = attempts + 1, last_error = $2,
                next_attempt_at = now() + make_interval(secs => $3),
                parked_at = case when attempts + 1 >= $4 then now() end
            where id = $1""";

    private final Pool pool;
    private final OutboxConfig config;
    private final OutboxPublisher publisher;
    private final Counter failures;
    private final Counter parked;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Backoff outage;
    private volatile boolean stopping;
    private SqlConnection leadership;
    private Vertx vertx;
    private long timer;

    OutboxRelay(Pool pool, OutboxConfig config, OutboxPublisher publisher, MeterRegistry metrics) {
        this.pool = pool;
        this.config = config;
        this.publisher = publisher;
        this.failures = Counter.builder("pd.outbox.publish.failures").description("Outbox rows the broker refused")
                .register(metrics);
        this.parked = Counter.builder("pd.outbox.parked").description("Outbox rows parked after their last attempt")
                .register(metrics);
        this.outage = new Backoff(config.pollInterval(), config.maxOutageBackoff());
    }

    /** The scheduler cannot poll more often than once a second; a Vert.x timer keeps events flowing within ~100 ms. */
    void start(@Observes StartupEvent startup, Vertx vertx) {
        if (!config.relayEnabled()) {
            return;
        }
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> {
            if (!outage.due() || !running.compareAndSet(false, true)) {
                return;
            }
            vertx.executeBlocking(this::drain, false).onComplete(done -> running.set(false));
        });
    }

    // Runs on a worker thread: it waits for the database and for the broker's acknowledgements.
    private Void drain() {
        drainOnce();
        return null;
    }

    /** One round: takes or checks the relay lock, then publishes until nothing is ready; returns how many. */
    int drainOnce() {
        int total = 0;
        try {
            if (!lead()) {
                return 0;
            }
            int published;
            do {
                published = publishPending();
                total += published;
            } while (published == config.batchSize() && !stopping);
            outage.succeeded();
        } catch (RuntimeException e) {
            if (!stopping && outage.failed()) {
                LOG.warnf("Outbox relay cannot reach the database or broker; retrying: %s", e.toString());
            }
            dropLeadership();
        }
        return total;
    }

    /**
     * Publishes up to one batch of ready rows and records what became of each; returns how many were acknowledged.
     * Only the relay holding the lock calls it, except tests, which drive it directly.
     */
    public int publishPending() {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(SELECT_READY).execute(Tuple.of(config.batchSize())).await().atMost(config.sendTimeout())
                .forEach(rows::add);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Attempt> attempts = send(rows);
        List<UUID> sent = new ArrayList<>();
        List<Attempt> failed = new ArrayList<>();
        awaitAcknowledgements(attempts);
        for (Attempt attempt : attempts) {
            if (attempt.error() == null) {
                sent.add(attempt.id);
            } else {
                failed.add(attempt);
            }
        }
        if (!sent.isEmpty()) {
            pool.preparedQuery(MARK_SENT).execute(Tuple.of(sent.toArray(UUID[]::new))).await().atMost(config.sendTimeout());
        }
        if (!failed.isEmpty()) {
            recordFailures(failed, !sent.isEmpty());
        }
        return sent.size();
    }

    /**
     * Sends in publication order. A row that fails at once (too large, its topic unknown) holds back its key's later
     * rows in this batch; the others of its topic fail with it rather than wait for the same metadata again.
     */
    private List<Attempt> send(List<Row> rows) {
        List<Attempt> attempts = new ArrayList<>(rows.size());
        Set<String> heldKeys = new HashSet<>();
        Map<String, Throwable> failedTopics = new HashMap<>();
        for (Row row : rows) {
            String key = row.getString("event_key");
            String topic = row.getString("topic");
            if (heldKeys.contains(key)) {
                continue;
            }
            Attempt attempt = new Attempt(row.getUUID("id"), key, row.getInteger("attempts"),
                    failedTopics.containsKey(topic) ? CompletableFuture.failedFuture(failedTopics.get(topic))
                            : publisher.send(row));
            attempts.add(attempt);
            Throwable immediate = attempt.immediateError();
            if (immediate != null) {
                heldKeys.add(key);
                if (immediate instanceof org.apache.kafka.common.errors.TimeoutException) {
                    failedTopics.put(topic, immediate);
                }
            }
        }
        return attempts;
    }

    private void awaitAcknowledgements(List<Attempt> attempts) {
        CompletableFuture<?> all = CompletableFuture.allOf(attempts.stream().map(a -> a.acknowledged).toArray(CompletableFuture[]::new));
        try {
            all.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException someFailed) {
            // Each attempt's own outcome is read below; one failure must not decide for the rest.
        }
    }

    /**
     * When nothing in the batch got through and the broker cannot be reached, it is an outage, not a bad row: no
     * attempt is counted and the relay backs off. Otherwise each failed row counts an attempt and may be parked.
     */
    private void recordFailures(List<Attempt> failed, boolean othersGotThrough) {
        if (!othersGotThrough && !publisher.brokerReachable()) {
            throw new IllegalStateException("the broker is unreachable: " + failed.get(0).error());
        }
        List<Tuple> updates = new ArrayList<>(failed.size());
        for (Attempt attempt : failed) {
            String error = attempt.error().toString();
            int attemptsSoFar = attempt.attempts + 1;
            failures.increment();
            if (attemptsSoFar >= config.maxAttempts()) {
                parked.increment();
                LOG.errorf("Outbox row %s (key %s) parked after %d attempts: %s", attempt.id, attempt.key, attemptsSoFar, error);
            } else {
                LOG.warnf("Outbox row %s (key %s) failed attempt %d of %d: %s", attempt.id, attempt.key, attemptsSoFar,
                        config.maxAttempts(), error);
            }
            updates.add(Tuple.of(attempt.id, error, retryDelay(attemptsSoFar).toMillis() / 1000.0, config.maxAttempts()));
        }
        pool.preparedQuery(MARK_FAILED).executeBatch(updates).await().atMost(config.sendTimeout());
    }

    private Duration retryDelay(int attempts) {
        Duration delay = config.initialRetryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : delay;
    }

    /** Takes or checks the relay lock on a connection of its own; a dead connection has lost the lock with it. */
    private boolean lead() {
        if (leadership != null) {
            leadership.query("select 1").execute().await().atMost(config.sendTimeout());
            return true;
        }
        SqlConnection connection = pool.getConnection().await().atMost(config.sendTimeout());
        boolean locked;
        try {
            locked = connection.query("select pg_try_advisory_lock(" + RELAY_LOCK + ")").execute()
                    .await().atMost(config.sendTimeout()).iterator().next().getBoolean(0);
        } catch (RuntimeException e) {
            connection.closeAndAwait();
            throw e;
        }
        if (!locked) {
            connection.closeAndAwait();
            return false;
        }
        leadership = connection;
        return true;
    }

    void dropLeadership() {
        if (leadership != null) {
            SqlConnection connection = leadership;
            leadership = null;
            connection.close().subscribe().with(closed -> { }, failure -> { });
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
    }

    @PreDestroy
    void close() {
        dropLeadership();
    }

    /** One row handed to the producer, and its acknowledgement. */
    private record Attempt(UUID id, String key, int attempts, CompletableFuture<Void> acknowledged) {

        Throwable immediateError() {
            return acknowledged.isCompletedExceptionally() ? error() : null;
        }

        Throwable error() {
            if (!acknowledged.isDone()) {
                return new TimeoutException("no acknowledgement from the broker in time");
            }
            try {
                acknowledged.getNow(null);
                return null;
            } catch (Exception e) {
                return e.getCause() == null ? e : e.getCause();
            }
        }
    }

    /** Backs the relay off while the database or broker is out: longer after each failed run, reset by a good one. */
    private static final class Backoff {

        private final Duration initial;
        private final Duration max;
        private int consecutiveFailures;
        private volatile long nextRunAt;

        Backoff(Duration initial, Duration max) {
            this.initial = initial;
            this.max = max;
        }

        boolean due() {
            return System.currentTimeMillis() >= nextRunAt;
        }

        void succeeded() {
            consecutiveFailures = 0;
            nextRunAt = 0;
        }

        /** Returns whether this failure is worth a log line: the first, then every tenth. */
        boolean failed() {
            long delay = Math.min(initial.toMillis() << Math.min(consecutiveFailures, 16), max.toMillis());
            nextRunAt = System.currentTimeMillis() + delay;
            return consecutiveFailures++ % 10 == 0;
        }
    }
}
