package org.district.pd.system;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.district.pd.platform.testing.LocalServers;

/** The runtime deploy/local/start.sh runs: a service can be killed outright, and start.sh starts what is not running. */
final class LocalRuntime {

    static final List<String> SERVICES = List.of("learning-service", "plan-service", "credentials-service",
            "community-service", "gateway");

    private static final Path ROOT = LocalServers.repositoryRoot();
    private static final Path STATE = stateDirectory();
    private static final Path START_LOG = STATE.resolve("logs/system-tests-start.log");

    private LocalRuntime() {
    }

    /**
     * {@code kill -9}: no shutdown hook runs, nothing is flushed, in-flight transactions die with the process. Returns
     * once the process is gone, with that instant.
     */
    static Instant kill9(String service) {
        ProcessHandle process = ProcessHandle.of(pid(service))
                .filter(handle -> handle.info().commandLine().orElse("").contains(service))
                .orElseThrow(() -> new IllegalStateException(service + " is not running"));
        return kill9(process, service);
    }

    /** {@code kill -9} of any process, e.g. PostgreSQL's postmaster; returns once it is gone, with that instant. */
    static Instant kill9(ProcessHandle process, String name) {
        if (!process.destroyForcibly()) {
            throw new IllegalStateException("could not send SIGKILL to " + name + " (pid " + process.pid() + ")");
        }
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
            return Instant.now();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " did not die", e);
        }
    }

    /** The pid of a part start.sh runs (a service, "kafka", "keycloak") if that process lives, else 0. */
    static long livePid(String part) {
        try {
            long pid = pid(part);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : 0;
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    /** The live pid of each service, 0 for one that is not running. */
    static Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        SERVICES.forEach(service -> pids.put(service, livePid(service)));
        return pids;
    }

    /** Runs start.sh without waiting for it; its output goes to the state directory's logs. */
    static Process startInBackground(String... arguments) {
        try {
            List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/local/start.sh").toString()));
            command.addAll(List.of(arguments));
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(START_LOG.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run start.sh", e);
        }
    }

    /** Runs start.sh to the end and fails unless everything is up again. */
    static void start() {
        await(startInBackground(), "start.sh");
    }

    /** Runs {@code start.sh --infra}: PostgreSQL, Kafka and Keycloak are started if they are not running; no service is touched. */
    static void startInfra() {
        await(startInBackground("--infra"), "start.sh --infra");
    }

    /**
     * Runs {@code script} in bash with deploy/local/common.sh and postgres.sh sourced, so tests find things (the
     * PostgreSQL data directory, its binaries, the OS user that runs it) exactly as start.sh and stop.sh do. Returns its
     * output; fails unless it exits 0.
     */
    static String lib(String script) {
        try {
            Path errors = Files.createTempFile("system-tests-lib", ".err");
            try {
                Process bash = new ProcessBuilder("bash", "-c",
                        "source \"$0/common.sh\" && source \"$0/postgres.sh\" && " + script,
                        ROOT.resolve("deploy/local").toString())
                        .redirectError(errors.toFile())
                        .start();
                String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!bash.waitFor(2, TimeUnit.MINUTES) || bash.exitValue() != 0) {
                    throw new IllegalStateException("deploy/local: `" + script + "` failed: " + output + " " + Files.readString(errors));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bash", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(Process start, String what) {
        try {
            if (!start.waitFor(5, TimeUnit.MINUTES) || start.exitValue() != 0) {
                throw new IllegalStateException(what + " did not bring the system back; see " + START_LOG);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long pid(String part) {
        try {
            return Long.parseLong(Files.readString(STATE.resolve("pids/" + part + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid file for " + part + " in " + STATE, e);
        }
    }

    private static Path stateDirectory() {
        String configured = System.getenv("PD_STATE_DIR");
        return configured == null || configured.isBlank() ? ROOT.resolve("deploy/local/.run") : Path.of(configured);
    }
}
