package org.district.pd.learning.ingestion;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;

/**
 * Runs a transaction again when PostgreSQL aborted it for a deadlock (40P01) or a serialization failure (40001):
 * nothing of the aborted attempt was kept, so running it again is safe, and the next attempt usually goes through.
 */
final class TransactionRetry {

    static final int RETRIES = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);

    private TransactionRetry() {
    }

    /** {@code transaction} is called once per attempt, so each attempt starts afresh with a session of its own. */
    static <T> Uni<T> retrying(Supplier<Uni<? extends T>> transaction) {
        return Uni.createFrom().<T>deferred(transaction)
                // Back-off timers fire on other threads; Hibernate Reactive must stay on the caller's Vert.x context.
                .runSubscriptionOn(callerContext())
                .onFailure(TransactionRetry::abortedByConcurrency)
                .retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(RETRIES);
    }

    static boolean abortedByConcurrency(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()))) {
                return true;
            }
        }
        return false;
    }

    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
