package org.district.pd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** report.md in the run's folder, from figures.json, the steps' text and the charts; and the headline, printed. */
final class Report {

    private final Settings settings;
    private final Figures figures;
    private final StringBuilder md = new StringBuilder();
    private final List<String> headline = new ArrayList<>();

    Report(Settings settings, Figures figures) {
        this.settings = settings;
        this.figures = figures;
    }

    void write() throws IOException {
        Path folder = settings.out();
        Charts charts = new Charts(folder);
        JsonNode run = figures.get("run");
        JsonNode raw = figures.get("raw");
        line("# System benchmark, preset `%s`", settings.preset());
        line("");
        line("Run %s, commit %s (%s), on %s: %s cores, %s GiB; load average %s at the start and %s at the end. Every"
                        + " component (PostgreSQL, Kafka, Keycloak, the five services and this load generator) on the"
                        + " same machine. Command: `deploy/bench/run.sh --preset=%s`.",
                run.path("started").asText(), run.path("commit").asText(), run.path("tree").asText(),
                run.path("host").asText(), run.path("cores").asText(), run.path("memoryGib").asText(),
                run.path("loadAtStart").asText(), run.path("loadAtEnd").asText("?"), settings.preset());
        line("");
        targets(raw);
        line("## Raw limits, measured first in the same run");
        line("");
        line("| what | rate |");
        line("|---|---|");
        line("| Kafka producer, %s-byte course.completed records, each keyed by a new UUID (as events are by educator id), 12 partitions, acks=all, idempotent"
                + " | %s records/s |", raw.path("kafkaRecordBytes").asText(), n(raw.path("kafkaProducePerSecond")));
        line("| Kafka consumer, the same records, one consumer | %s records/s |", n(raw.path("kafkaConsumePerSecond")));
        line("| PostgreSQL, batched inserts (1,000 rows a transaction) into a copy of `ledger_entry` with its indexes"
                + " | %s rows/s |", n(raw.path("pgInsertPerSecond")));
        line("");
        include("District: the roster through the gateway (`roster.sh`)", "roster.txt");
        include("District: the catalog (`catalog.sh`)", "catalog.txt");
        ramp("Ingest: LMS completion batches through the gateway", "ingest", charts, raw);
        ramp("Ingest: xAPI statements through the gateway", "xapi", charts, raw);
        endToEnd();
        backfill(charts, raw);
        scaleOut(charts);
        include("HR report (`reports.sh`)", "reports.txt");
        footprint(charts);
        Files.writeString(folder.resolve("report.md"), md.toString());
        System.out.println();
        System.out.println("Headline (" + settings.preset() + "):");
        headline.forEach(h -> System.out.println("  " + h));
        System.out.println("report: " + folder.resolve("report.md"));
    }

    private void targets(JsonNode raw) {
        JsonNode ingest = figures.get("ingest");
        JsonNode e2e = figures.get("endToEnd");
        JsonNode backfill = figures.get("backfill");
        JsonNode footprint = figures.get("footprint");
        line("## Targets");
        line("");
        line("| target | goal | measured | met |");
        line("|---|---|---|---|");
        JsonNode best = null;
        for (JsonNode step : ingest.path("steps")) {
            if (kept(step) && (best == null || step.path("achieved").asLong() > best.path("achieved").asLong())) {
                best = step;
            }
        }
        boolean ingestMet = false;
        for (JsonNode step : ingest.path("steps")) {
            ingestMet |= kept(step) && step.path("offered").asInt() >= 5000 && step.path("p99").asDouble() < 250;
        }
        String ingestText = best == null ? String.format(Locale.ROOT, "no step sustained; saturation %s/s",
                n(ingest.path("saturation"))) : String.format(Locale.ROOT,
                "%s/s sustained (p99 %s ms at that step); saturation %s/s; x%.2f of Kafka's raw produce rate",
                n(best.path("achieved")), best.path("p99").asText(), n(ingest.path("saturation")),
                ingest.path("saturation").asDouble() / raw.path("kafkaProducePerSecond").asDouble());
        target("Ingest, completion batches of 100", ">= 5,000/s, p99 < 250 ms, no errors", ingestText, ingestMet);
        target("End to end at half of saturation", "p99 < 1 s", String.format(Locale.ROOT,
                        "at %s/s: ledger p50 %s ms, p99 %s ms; plan milestone p50 %s ms, p99 %s ms%s",
                        n(e2e.path("rate")), e2e.path("ledger").path("p50").asText(), e2e.path("ledger").path("p99").asText(),
                        e2e.path("milestone").path("p50").asText(), e2e.path("milestone").path("p99").asText(),
                        e2e.path("machine").isMissingNode() ? "" : String.format(Locale.ROOT,
                                " (cores %s %% busy, autovacuum during %s of %s s)",
                                e2e.path("machine").path("busyPercent").asText(),
                                e2e.path("machine").path("autovacuumSeconds").asText(),
                                e2e.path("machine").path("seconds").asText())),
                e2e.path("ledger").path("p99").asDouble(1e9) < 1000 && e2e.path("milestone").path("p99").asDouble(1e9) < 1000
                        && e2e.path("ledger").path("missing").asInt(1) == 0
                        && e2e.path("milestone").path("missing").asInt(1) == 0);
        double drain = backfill.path("drainPerSecondAfterPosting").asDouble();
        target("Backfill drained by plan-service", ">= 20,000 events/s", String.format(Locale.ROOT,
                        "%s completions: %s entries/s after the last post, %s/s from the first; x%.3f of PostgreSQL's raw"
                                + " insert rate%s", n(backfill.path("accepted")),
                        n(backfill.path("drainPerSecondAfterPosting")),
                        n(backfill.path("ledgerPerSecondOverall")), drain / raw.path("pgInsertPerSecond").asDouble(),
                        keptPace(backfill) ? " (plan-service kept pace with the posts: the rate is the ingest's, not"
                                + " plan-service's limit)" : ""),
                drain >= 20_000);
        String[] report = hrReport();
        target("HR credit-hour CSV, whole district", "first byte < 500 ms, complete < 10 s, flat memory",
                report == null ? "not run" : "first byte " + report[0] + ", complete " + report[1] + ", RSS " + report[2],
                report != null && millis(report[0]) < 500 && millis(report[1]) < 10_000);
        double slowest = 0;
        double fattest = 0;
        for (JsonNode service : footprint.path("restarts")) {
            slowest = Math.max(slowest, service.path("readyMillis").asDouble());
            fattest = Math.max(fattest, service.path("idleRssMib").asDouble());
        }
        target("Services: ready, RSS idle", "< 3 s each, < 250 MB idle", String.format(Locale.ROOT,
                "slowest ready in %.1f s; largest idle RSS %.0f MiB", slowest / 1000, fattest), slowest > 0
                && slowest < 3000 && fattest * 1.048576 < 250);
        line("");
    }

    /** A backfill whose backlog at the last post was under 5 % of it: the consumer was never the bottleneck. */
    private static boolean keptPace(JsonNode backfill) {
        return backfill.path("backlogWhenPosted").asDouble() < 0.05 * backfill.path("accepted").asDouble();
    }

    private static boolean kept(JsonNode step) {
        return step.path("achieved").asDouble() >= 0.95 * step.path("offered").asDouble()
                && step.path("failedRequests").asLong() == 0 && step.path("p99").asDouble() < 1000;
    }

    private void target(String what, String goal, String measured, boolean met) {
        line("| %s | %s | %s | %s |", what, goal, measured, met ? "yes" : "**no**");
        headline.add(String.format("%-40s %s  [%s]", what + ":", measured, met ? "met" : "NOT met"));
    }

    private void ramp(String title, String section, Charts charts, JsonNode raw) throws IOException {
        JsonNode ramp = figures.get(section);
        if (ramp.isMissingNode()) {
            return;
        }
        line("## %s", title);
        line("");
        line("Open loop: batches of %d leave at the offered rate whatever the answers do, %d s per step, at most %d"
                + " unanswered (more are shed and count as failures); latency counts from when a batch was due."
                + " A step with under 95 %% accepted, a failure, or p99 over 1 s ends the ramp.%s",
                settings.batchSize(), settings.rampStepSeconds(), settings.maxInFlight(),
                ramp.path("warmUpSeconds").asInt() > 0
                        ? " Before the first step, " + ramp.path("warmUpSeconds").asInt()
                                + " s at its rate warmed the path up, not counted."
                        : "");
        line("");
        line("| offered/s | accepted/s | requests | p50 ms | p95 ms | p99 ms | max ms | failed requests | errors |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (JsonNode step : ramp.path("steps")) {
            line("| %s | %s | %s | %s | %s | %s | %s | %s | %s |", n(step.path("offered")), n(step.path("achieved")),
                    n(step.path("requests")), step.path("p50").asText(), step.path("p95").asText(),
                    step.path("p99").asText(), step.path("max").asText(), step.path("failedRequests").asText(),
                    step.path("errors").size() == 0 ? "" : step.path("errors").toString().replace("|", "/"));
        }
        line("");
        line("Saturation %s/s, sustained %s/s: x%.2f and x%.2f of Kafka's raw produce rate (%s records/s).",
                n(ramp.path("saturation")), n(ramp.path("sustained")),
                ramp.path("saturation").asDouble() / raw.path("kafkaProducePerSecond").asDouble(),
                ramp.path("sustained").asDouble() / raw.path("kafkaProducePerSecond").asDouble(),
                n(raw.path("kafkaProducePerSecond")));
        line("");
        image(charts.draw(section + "-timeline.csv", section + "-throughput.png", title + ": throughput",
                "completions/s", "offered_per_s", "accepted_per_s"));
        image(charts.draw(section + "-timeline.csv", section + "-latency.png", title + ": latency", "ms", "p50_ms",
                "p99_ms"));
    }

    private void endToEnd() {
        JsonNode e2e = figures.get("endToEnd");
        if (e2e.isMissingNode()) {
            return;
        }
        line("## End to end at half of saturation");
        line("");
        line("Completion batches at %s/s for %d s (%s accepted, HTTP p99 %s ms). Every accepted completion is awaited"
                        + " in plan-service's ledger changes feed (committed entries in commit order, polled every 20 ms);"
                        + " beside them %s probes (5 a second) each post one 12-hour completion of today for a teacher whose"
                        + " 'Growth for every teacher' plan is at 'Learn', awaited until the plan has moved on.",
                n(e2e.path("rate")), settings.endToEndSeconds(), n(e2e.path("accepted")), e2e.path("httpP99").asText(),
                e2e.path("probes").asText());
        if (e2e.path("warmUpSeconds").asInt() > 0) {
            line("Before it, %d s at the same rate warmed the path up, not counted.", e2e.path("warmUpSeconds").asInt());
        }
        line("");
        JsonNode machine = e2e.path("machine");
        if (!machine.isMissingNode()) {
            StringBuilder shares = new StringBuilder();
            machine.path("processPercent").fields().forEachRemaining(share -> shares.append(shares.isEmpty() ? "" : ", ")
                    .append(share.getKey()).append(' ').append(share.getValue().asText()).append(" %"));
            line("While it was measured, the machine's cores were %s %% busy (of all their time: %s). PostgreSQL ran an"
                            + " autovacuum during %s of its %s seconds and began %s checkpoints.",
                    machine.path("busyPercent").asText(), shares, machine.path("autovacuumSeconds").asText(),
                    machine.path("seconds").asText(), machine.path("checkpoints").asText());
            line("");
        }
        line("| from the POST's answer to | count | p50 ms | p95 ms | p99 ms | max ms | never seen |");
        line("|---|---|---|---|---|---|---|");
        for (String what : List.of("ledger", "milestone")) {
            JsonNode d = e2e.path(what);
            line("| %s | %s | %s | %s | %s | %s | %s |", what.equals("ledger") ? "its ledger entry committed"
                            : "its plan's milestone met", n(d.path("count")), d.path("p50").asText(), d.path("p95").asText(),
                    d.path("p99").asText(), d.path("max").asText(), d.path("missing").asText());
        }
        line("");
    }

    private void backfill(Charts charts, JsonNode raw) throws IOException {
        JsonNode b = figures.get("backfill");
        if (b.isMissingNode()) {
            return;
        }
        line("## Backfill");
        line("");
        line("%d clients post batches of %d back to back until %s completions are accepted; then the ledger's changes"
                + " feed is counted until it holds them all.", settings.backfillClients(), settings.batchSize(),
                n(b.path("accepted")));
        line("");
        line("| figure | value |");
        line("|---|---|");
        line("| accepted | %s in %s s (%s/s), %s failed requests |", n(b.path("accepted")), b.path("acceptSeconds").asText(),
                n(b.path("acceptedPerSecond")), b.path("failedRequests").asText());
        line("| plan-service's backlog when the last batch was answered | %s events%s |",
                n(b.path("backlogWhenPosted")),
                keptPace(b) ? ": plan-service kept pace with the posts, so the rates below are the ingest's, not"
                        + " plan-service's limit" : "");
        line("| the ledger held %s of them | %s s after the last post%s |", n(b.path("inLedger")),
                b.path("drainedSecondsAfterPosting").asText(), b.path("timedOut").asBoolean() ? " (**timed out**)" : "");
        line("| drain after the last post (ledger entries) | %s/s (x%.3f of PostgreSQL's raw insert rate) |",
                n(b.path("drainPerSecondAfterPosting")),
                b.path("drainPerSecondAfterPosting").asDouble() / raw.path("pgInsertPerSecond").asDouble());
        line("| ledger entries per second from the first post to the last entry | %s |", n(b.path("ledgerPerSecondOverall")));
        line("| most events plan-service committed in 10 s, per second | %s |", n(b.path("peakConsumedPer10s")));
        boolean once = b.path("entries").asLong() == b.path("accepted").asLong()
                && b.path("distinctCompletions").asLong() == b.path("accepted").asLong();
        line("| exactly once | %s: %s entries for %s distinct completions, %s accepted |", once ? "yes" : "**NO**",
                n(b.path("entries")), n(b.path("distinctCompletions")), n(b.path("accepted")));
        line("");
        image(charts.draw("samples.csv", "backlog.png", "plan-service's backlog on pd.learning.events", "events",
                "plan_backlog"));
    }

    private void scaleOut(Charts charts) throws IOException {
        JsonNode two = figures.get("scaleout");
        if (two.isMissingNode()) {
            return;
        }
        JsonNode one = figures.get("backfill");
        line("## Scale-out: two plan-service instances, two learning-service instances");
        line("");
        line("run.sh starts a second plan-service (`plan-service-2`, the same jar on port 8085) in the same consumer"
                + " group and the same database, and a second learning-service (`learning-service-2`, port 8086) that"
                + " the gateway sends LMS batches to in turn with the first; then it posts a second backfill of %s"
                + " completions as above and counts the ledger until it holds them all.",
                n(two.path("accepted")));
        Path learning = settings.out().resolve("scaleout-learning.txt");
        if (Files.exists(learning)) {
            String answered = String.join(" ", Files.readAllLines(learning))
                    .replaceFirst("^scale-out: completion batches answered: ", "");
            line("Completion batches each learning-service instance answered (its Micrometer counts): %s.", answered);
        }
        line("The partitions of `pd.learning.events` are shared between the plan-service instances' consumers:");
        line("");
        two.path("consumers").forEach(consumer -> line("- `%s`", consumer.asText()));
        line("");
        line("| figure | one instance (the backfill above) | two instances |");
        line("|---|---|---|");
        line("| completions accepted | %s | %s |", n(one.path("accepted")), n(two.path("accepted")));
        line("| drain after the last post (ledger entries/s) | %s | %s |", n(one.path("drainPerSecondAfterPosting")),
                n(two.path("drainPerSecondAfterPosting")));
        line("| ledger entries per second from the first post to the last entry | %s | %s |",
                n(one.path("ledgerPerSecondOverall")), n(two.path("ledgerPerSecondOverall")));
        line("| most events committed in 10 s, per second | %s | %s |", n(one.path("peakConsumedPer10s")),
                n(two.path("peakConsumedPer10s")));
        line("| exactly once (entries / distinct completions / accepted) | %s / %s / %s | %s / %s / %s |",
                n(one.path("entries")), n(one.path("distinctCompletions")), n(one.path("accepted")),
                n(two.path("entries")), n(two.path("distinctCompletions")), n(two.path("accepted")));
        line("| RSS at the end: plan-service, plan-service-2 | | %s MiB, %s MiB |", n(two.path("rssMib")),
                n(two.path("replicaRssMib")));
        line("");
        boolean once = two.path("entries").asLong() == two.path("accepted").asLong()
                && two.path("distinctCompletions").asLong() == two.path("accepted").asLong();
        headline.add(String.format(Locale.ROOT, "%-40s %s ledger entries/s from the first post to the last entry"
                + " (one instance: %s); exactly once: %s", "Scale-out, two instances each:",
                n(two.path("ledgerPerSecondOverall")), n(one.path("ledgerPerSecondOverall")), once ? "yes" : "NO"));
        image(charts.draw("scaleout-samples.csv", "scaleout-backlog.png",
                "plan-service's backlog with two instances", "events", "plan_backlog"));
    }

    private void footprint(Charts charts) throws IOException {
        JsonNode footprint = figures.get("footprint");
        line("## Footprint");
        line("");
        line("Each service restarted alone at the end of the run (the others up): from the `java` process's start to"
                + " `/q/health/ready` answering UP, and its RSS 5 s later. Peak RSS under load: sampled every second"
                + " during the load phases. `-Xmx256m` each, as start.sh runs them.");
        line("");
        line("| service | RSS at the bench's start | ready after restart | RSS idle after restart | peak RSS under load |");
        line("|---|---|---|---|---|");
        for (String service : Watch.SERVICES) {
            JsonNode restart = footprint.path("restarts").path(service);
            line("| %s | %s MiB | %s s | %s MiB | %s MiB |", service,
                    footprint.path("rssAtStart").path(service).asText("?"),
                    restart.has("readyMillis") ? String.format(Locale.ROOT, "%.1f",
                            restart.path("readyMillis").asDouble() / 1000) : "?",
                    restart.path("idleRssMib").asText("?"),
                    footprint.path("peakRssUnderLoad").path(service).asText("?").replace(".0", ""));
        }
        line("");
        image(charts.draw("samples.csv", "memory.png", "Services' RSS", "MiB", Watch.SERVICES.stream()
                .map(s -> s.replace('-', '_')).toArray(String[]::new)));
    }

    /** The whole district's credit-hours CSV, last run: first byte, complete, RSS before and peak. */
    private String[] hrReport() {
        Path file = settings.out().resolve("reports.txt");
        try {
            String[] found = null;
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("| credit-hours.csv, whole district")) {
                        String[] cells = line.split("\\|");
                        found = new String[] {cells[3].trim(), cells[4].trim(), cells[7].trim()};
                    }
                }
            }
            return found;
        } catch (IOException e) {
            return null;
        }
    }

    private static double millis(String text) {
        String number = text.replaceAll("[^0-9.]", "");
        return text.endsWith("ms") ? Double.parseDouble(number) : Double.parseDouble(number) * 1000;
    }

    private void include(String title, String file) throws IOException {
        Path path = settings.out().resolve(file);
        if (!Files.exists(path)) {
            return;
        }
        line("## %s", title);
        line("");
        boolean table = false;
        for (String text : Files.readAllLines(path)) {
            if (text.startsWith("# ")) {
                continue;
            }
            boolean row = text.startsWith("|");
            if (!row && table) {
                line("");
            }
            table = row;
            line("%s", text.startsWith("written to") || text.startsWith("results:") ? "" : text);
        }
        line("");
    }

    private void image(String png) {
        if (png != null) {
            line("![%s](%s)", png, png);
            line("");
        }
    }

    private void line(String format, Object... args) {
        md.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String n(JsonNode node) {
        return node.isMissingNode() ? "?" : String.format(Locale.ROOT, "%,d", node.asLong());
    }
}
