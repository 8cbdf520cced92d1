package org.district.pd.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Plain JDBC to a service's own database on the running system's PostgreSQL, for checks no API offers. The settings
 * are the services' own: PD_PG_HOST, PD_PG_PORT, PD_PG_USER, PD_PG_PASSWORD (deploy/local/.run/env).
 */
final class ServiceDatabases {

    /** Work done on one connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private ServiceDatabases() {
    }

    /** Runs {@code work} on a fresh connection to {@code database}, e.g. {@code pd_plan}. */
    static <T> T read(String database, Work<T> work) {
        String url = "jdbc:postgresql://%s:%s/%s?connectTimeout=5&socketTimeout=60".formatted(setting("PD_PG_HOST", "localhost"),
                setting("PD_PG_PORT", "5432"), database);
        try (Connection connection = DriverManager.getConnection(url, setting("PD_PG_USER", "pd"), setting("PD_PG_PASSWORD", "pd"))) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + " at " + url + ": " + e.getMessage(), e);
        }
    }

    /** A connection of its own to {@code database}, for work that must outlive one call (e.g. holding a lock). */
    static Connection open(String database) {
        String url = "jdbc:postgresql://%s:%s/%s?connectTimeout=5".formatted(host(), port(), database);
        try {
            return DriverManager.getConnection(url, setting("PD_PG_USER", "pd"), setting("PD_PG_PASSWORD", "pd"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database + " at " + url + ": " + e.getMessage(), e);
        }
    }

    static String host() {
        return setting("PD_PG_HOST", "localhost");
    }

    static int port() {
        return Integer.parseInt(setting("PD_PG_PORT", "5432"));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
    }
}
