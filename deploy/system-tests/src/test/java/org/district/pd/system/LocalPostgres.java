package org.district.pd.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;

/**
 * The PostgreSQL cluster deploy/local/start.sh runs (data in {@code .run/pgdata}, or where {@code .run/pgdata.location}
 * says), found and stopped through postgres.sh as stop.sh does, and started again by {@code start.sh --infra}, which leaves
 * the services alone. A server start.sh only reused is not ours to stop: then these fail.
 */
final class LocalPostgres {

    private static final String OURS = "pg_running_own || { echo 'PostgreSQL is not running as our own cluster of "
            + "deploy/local (an external server is never stopped by tests)'; exit 1; }; ";

    private LocalPostgres() {
    }

    /** The postmaster's pid: the first line of {@code <pgdata>/postmaster.pid}. */
    static long postmasterPid() {
        return Long.parseLong(LocalRuntime.lib(OURS + "pg_own_pid"));
    }

    /** {@code kill -9} of the postmaster: no checkpoint, no goodbye to clients. Returns once it is gone. */
    static Instant kill9() {
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("the postmaster (pid " + pid + ") is not running"));
        return LocalRuntime.kill9(postmaster, "the postmaster");
    }

    /** A clean stop, as stop.sh does it: {@code pg_ctl stop -m fast} as the OS user that runs the cluster. */
    static Instant stopCleanly() {
        LocalRuntime.lib(OURS + "bindir=$(pg_find_bindir) || { echo 'no PostgreSQL binaries found'; exit 1; }; "
                + "as_pg_user \"$bindir/pg_ctl\" -D \"$(pg_data_dir)\" -m fast -w -t 60 stop");
        return Instant.now();
    }

    /** Starts it again through {@code start.sh --infra}; the running services are not touched. */
    static void start() {
        LocalRuntime.startInfra();
    }

    /** Whether anything accepts TCP connections on PD_PG_HOST:PD_PG_PORT. */
    static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ServiceDatabases.host(), ServiceDatabases.port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
