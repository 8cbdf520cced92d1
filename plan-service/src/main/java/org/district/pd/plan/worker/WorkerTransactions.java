package org.district.pd.plan.worker;

import java.time.Duration;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Transactions for a job on a worker thread of its own (roster imports, plan progress): the work awaits each statement
 * there, so the rules in between run on the worker too, never on the event loop.
 */
public final class WorkerTransactions {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    private final Pool pool;

    public WorkerTransactions(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in a transaction of its own connection, committed when it returns and rolled back if it throws. */
    public <T> T run(Function<SqlConnection, T> work) {
        SqlConnection connection = await(pool.getConnection());
        try {
            Transaction tx = await(connection.begin());
            try {
                T result = work.apply(connection);
                await(tx.commit());
                return result;
            } catch (RuntimeException e) {
                tx.rollback().subscribe().with(done -> { }, failure -> { });
                throw e;
            }
        } finally {
            connection.close().subscribe().with(done -> { }, failure -> { });
        }
    }

    /** Waits on the worker thread for one statement, a bounded time. */
    public static <T> T await(Uni<T> step) {
        return step.await().atMost(STEP_TIMEOUT);
    }
}
