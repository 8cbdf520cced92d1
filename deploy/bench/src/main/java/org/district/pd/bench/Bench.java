package org.district.pd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The system benchmark's steps, called in turn by deploy/bench/run.sh against the running system:
 * {@code raw} (the machine's limits), {@code load} (ingest, xAPI, end to end, backfill), {@code scaleout} (a backfill
 * while a second plan-service instance runs) and {@code report}.
 */
public final class Bench {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: Bench raw|load|scaleout|report --preset=small|full --out=DIR");
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].replaceFirst("^--", "").split("=", 2);
            flags.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        Settings settings = Settings.of(flags);
        Figures figures = Figures.in(settings.out());
        switch (args[0]) {
            case "raw" -> {
                ObjectNode run = figures.section("run");
                run.put("started", Settings.env("BENCH_STARTED", "?"));
                run.put("commit", Settings.env("BENCH_GIT_COMMIT", "?"));
                run.put("tree", Settings.env("BENCH_GIT_DIRTY", "?"));
                run.put("host", InetAddress.getLocalHost().getHostName());
                run.put("cores", Runtime.getRuntime().availableProcessors());
                run.put("memoryGib", memoryGib());
                run.put("loadAtStart", load());
                figures.section("footprint").set("rssAtStart", Http.JSON.valueToTree(new Watch.Memory().rssMib()));
                new RawLimits(settings).measure(figures.section("raw"));
                figures.save();
            }
            case "load" -> new Workload(settings, figures).run();
            case "scaleout" -> new Workload(settings, figures).scaleOut();
            case "report" -> {
                if (!figures.get("run").has("loadAtEnd")) { // a report written again keeps the run's own figure
                    figures.section("run").put("loadAtEnd", load());
                }
                restarts(settings.out().resolve("footprint.tsv"), figures.section("footprint").putObject("restarts"));
                figures.save();
                new Report(settings, figures).write();
            }
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
        System.exit(0);
    }

    /** run.sh's restarts: service, milliseconds to ready, RSS (MiB) 5 s later; a line each. */
    private static void restarts(Path tsv, ObjectNode into) throws IOException {
        if (!Files.exists(tsv)) {
            return;
        }
        for (String line : Files.readAllLines(tsv)) {
            String[] cells = line.split("\t");
            if (cells.length == 3) {
                ObjectNode service = into.putObject(cells[0]);
                service.put("readyMillis", Long.parseLong(cells[1]));
                service.put("idleRssMib", Long.parseLong(cells[2]));
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.println(LocalTime.now().format(CLOCK) + " " + String.format(Locale.ROOT, format, args));
    }

    /** deploy/kafka's example course.completed event: the shape of the records the raw Kafka limit sends. */
    static byte[] courseCompletedExample() {
        Path root = Path.of(Settings.env("PD_ROOT", "."));
        try {
            return Files.readAllBytes(root.resolve("deploy/kafka/examples/pd.learning.course.completed.v1.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long memoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
