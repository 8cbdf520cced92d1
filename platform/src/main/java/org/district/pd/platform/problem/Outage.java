package org.district.pd.platform.problem;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure that goes away by itself (the database or broker is unreachable, a timeout, a serialization
 * conflict) from one that will repeat on every try. A consumer waits out the first and dead-letters only the second;
 * an HTTP caller gets 503 for the first.
 */
public final class Outage {

    /**
     * SQLSTATE classes and codes worth retrying: 08 connection, 40 rollback (serialization, deadlock), 53 insufficient
     * resources, 57 operator intervention (shutdown, cancel), 58 system error, 55P03 lock not available.
     */
    private static final Set<String> RETRYABLE_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private Outage() {
    }

    /** True when the failure, or any cause of it, is transient. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isTransient(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable cause) {
        if (cause instanceof PgException pg) {
            String state = pg.getSqlState();
            return state != null && state.length() == 5 && (LOCK_NOT_AVAILABLE.equals(state) || RETRYABLE_CLASSES.contains(state.substring(0, 2)));
        }
        // Not IOException as a whole: Jackson's parse errors are IOExceptions too, and they are poison.
        return cause instanceof SocketException // refused, reset, netty's connect errors
                || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException
                || cause instanceof ClosedChannelException
                || cause instanceof ClosedConnectionException
                || cause instanceof TimeoutException
                || cause instanceof io.smallrye.mutiny.TimeoutException
                || cause instanceof RetriableException
                || cause instanceof VertxException vertx && isConnectionMessage(vertx.getMessage())
                // "Pool closed" while the service stops: the event must wait for the next instance, not be poison.
                || cause instanceof NoStackTraceThrowable vertx && isConnectionMessage(vertx.getMessage());
    }

    /** Vert.x reports a connection lost mid-query, or a pool that cannot connect, only in words. */
    private static boolean isConnectionMessage(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase();
        return text.contains("connection") || text.contains("closed") || text.contains("timeout") || text.contains("timed out");
    }
}
