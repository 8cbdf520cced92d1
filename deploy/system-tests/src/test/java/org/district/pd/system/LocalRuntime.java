package org.district.pd.system;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.district.pd.platform.testing.LocalServers;

/** The runtime deploy/local/start.sh runs: a service can be killed outright, and start.sh starts what is not running. */
final class LocalRuntime {

    private static final Path ROOT = LocalServers.repositoryRoot();
    private static final Path STATE = stateDirectory();
    private static final Path START_LOG = STATE.resolve("logs/system-tests-start.log");

    private LocalRuntime() {
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed, in-flight transactions die with the process. */
    static void kill9(String service) {
        ProcessHandle process = ProcessHandle.of(pid(service))
                .filter(handle -> handle.info().commandLine().orElse("").contains(service))
                .orElseThrow(() -> new IllegalStateException(service + " is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(service + " did not die", e);
        }
    }

    /** Runs start.sh without waiting for it; its output goes to the state directory's logs. */
    static Process startInBackground() {
        try {
            return new ProcessBuilder("bash", ROOT.resolve("deploy/local/start.sh").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(START_LOG.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run start.sh", e);
        }
    }

    /** Runs start.sh to the end and fails unless everything is up again. */
    static void start() {
        Process start = startInBackground();
        try {
            if (!start.waitFor(5, TimeUnit.MINUTES) || start.exitValue() != 0) {
                throw new IllegalStateException("start.sh did not bring the system back; see " + START_LOG);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long pid(String service) {
        try {
            return Long.parseLong(Files.readString(STATE.resolve("pids/" + service + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no pid file for " + service + " in " + STATE, e);
        }
    }

    private static Path stateDirectory() {
        String configured = System.getenv("PD_STATE_DIR");
        return configured == null || configured.isBlank() ? ROOT.resolve("deploy/local/.run") : Path.of(configured);
    }
}
