package org.district.pd.plan.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database failing under a consumer, made repeatable: the ledger table is locked so the consumer's transaction
 * waits on it, and its connection is then terminated by the server, as in a restart. Ending the outage releases
 * the lock. Plain JDBC, so it is independent of the service's own pool.
 */
final class DatabaseOutage implements AutoCloseable {

    private final Connection locker;
    private final Connection admin;

    private DatabaseOutage(Connection locker, Connection admin) {
        this.locker = locker;
        this.admin = admin;
    }

    static DatabaseOutage onLedger() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        Connection locker = DriverManager.getConnection(url, user, password);
        locker.setAutoCommit(false);
        try (Statement lock = locker.createStatement()) {
            lock.execute("lock table ledger_entry in access exclusive mode");
        }
        return new DatabaseOutage(locker, DriverManager.getConnection(url, user, password));
    }

    /** For {@code during}, terminates every backend of this database that waits on a lock; returns how many. */
    int terminateWaitingBackends(Duration during) throws SQLException, InterruptedException {
        int terminated = 0;
        Instant until = Instant.now().plus(during);
        while (Instant.now().isBefore(until)) {
            try (Statement statement = admin.createStatement();
                    ResultSet killed = statement.executeQuery("""
                            select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                            where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()""")) {
                killed.next();
                terminated += killed.getInt(1);
            }
            Thread.sleep(100);
        }
        return terminated;
    }

    void end() throws SQLException {
        locker.rollback();
    }

    @Override
    public void close() throws SQLException {
        try (locker; admin) {
            locker.rollback();
        }
    }
}
