package org.district.pd.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The load on the running system, through the gateway as the LMS client {@code lms-connector}: completion batches
 * and xAPI statements at rising rates until saturation, the delay from an accepted completion to its ledger entry
 * and to its teacher's plan at half of that rate, and a backfill drained by plan-service. Every offering and
 * completion is the run's own.
 */
final class Workload {

    private static final String LMS = "lms-connector";
    private static final String LMS_SECRET = "lms-connector-secret";
    /** The second plan-service instance of the scale-out step, as run.sh starts it. */
    static final String REPLICA = "plan-service-2";

    private final Settings settings;
    private final Http http;
    private final Http.Token grace;
    private final Http.Token lms;
    private final Load load;
    private final Figures figures;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<double[]> samples = new CopyOnWriteArrayList<>(); // t, lag, rss per service
    private final long origin = System.nanoTime();
    private final Map<String, List<String>> offeringIds = new HashMap<>(); // phase -> ids of its LMS offerings

    Workload(Settings settings, Figures figures) {
        this.settings = settings;
        this.figures = figures;
        this.http = new Http(settings);
        this.grace = http.user("grace");
        this.lms = http.client(LMS, LMS_SECRET);
        this.load = new Load(http, settings.maxInFlight());
    }

    void run() throws Exception {
        awaitTeachers();
        try (Watch.Backlog backlog = new Watch.Backlog(settings)) {
            Thread sampler = sampler(backlog);
            try {
                List<String> phases = settings.phases();
                // Half of the saturation the ingest ramp found, or --e2e-rate without it.
                int endToEndRate = settings.endToEndRate();
                if (phases.contains("ingest")) {
                    double saturation = ramp("ingest", "json", lmsOfferings("ramp", 8), this::completionsRequest);
                    endToEndRate = Math.max(100, (int) (saturation / 2 / 100) * 100);
                }
                if (phases.contains("xapi")) {
                    ramp("xapi", "xapi", xapiOfferings(8), this::statementsRequest);
                }
                if (phases.contains("e2e")) {
                    awaitDrained(backlog, "before the end-to-end phase");
                    endToEnd(endToEndRate);
                }
                if (phases.contains("backfill")) {
                    awaitDrained(backlog, "before the backfill");
                    backfill(backlog, "backfill", settings.backfill());
                }
            } finally {
                sampler.interrupt();
                writeSamples("samples.csv", true);
            }
        }
    }

    /**
     * The backfill again, smaller, while run.sh runs a second plan-service instance in the same consumer group: the
     * rate of two, and that the ledger still holds each completion exactly once.
     */
    void scaleOut() throws Exception {
        try (Watch.Backlog backlog = new Watch.Backlog(settings)) {
            Thread sampler = sampler(backlog);
            try {
                awaitDrained(backlog, "before the scale-out");
                ObjectNode figures = this.figures.section("scaleout");
                ArrayNode consumers = figures.putArray("consumers");
                awaitReplicaConsumers(backlog).forEach(consumers::add);
                Bench.log("scale-out: %d consumers of pd.learning.events in plan-service's group: %s",
                        consumers.size(), consumers);
                backfill(backlog, "scaleout", settings.scaleOut());
                Watch.Memory memory = new Watch.Memory();
                figures.put("rssMib", memory.rssMib("plan-service"));
                figures.put("replicaRssMib", memory.rssMib(REPLICA));
                this.figures.save();
            } finally {
                sampler.interrupt();
                writeSamples("scaleout-samples.csv", false);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ ramps

    /** The ramp's saturation: the most completions per second any of its steps was answered. */
    private double ramp(String section, String kind, List<String> courses, Requests requests) throws Exception {
        ObjectNode figures = this.figures.section(section);
        ArrayNode steps = figures.putArray("steps");
        Completions completions = new Completions(settings, "bench-" + run + "-" + section, courses);
        List<Integer> rates = kind.equals("xapi") ? settings.xapiRates() : settings.rampRates();
        double best = 0;
        double sustained = 0;
        Path timeline = settings.out().resolve(section + "-timeline.csv");
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(timeline))) {
            csv.println("second,offered_per_s,accepted_per_s,p50_ms,p99_ms");
            long offset = 0;
            // The first requests of a kind run cold code (class loading, the JIT): a few seconds at the first rate,
            // not counted, so the first step measures the system and not its start. A full run's xAPI ramp once
            // ended at its first step on that alone (p99 1.06 s at 100 statements/s, then 250-380 ms at 250-500/s).
            if (settings.warmUpSeconds() > 0) {
                Load.Result warmUp = load.offer(section + " warm-up", rates.get(0), settings.warmUpSeconds(),
                        settings.batchSize(), requests.of(completions), accepted(kind));
                figures.put("warmUpSeconds", settings.warmUpSeconds());
                Bench.log("%s: warm-up at %,d/s for %d s, not counted: accepted %,.0f/s, p99 %.0f ms", section,
                        rates.get(0), settings.warmUpSeconds(), warmUp.acceptedPerSecond(), warmUp.latencyMillis(99));
            }
            for (int rate : rates) {
                Load.Result result = load.offer(section + " " + rate + "/s", rate, settings.rampStepSeconds(),
                        settings.batchSize(), requests.of(completions), accepted(kind));
                double achieved = result.acceptedPerSecond();
                long failed = result.failedRequests();
                ObjectNode step = steps.addObject();
                step.put("offered", rate);
                step.put("achieved", Math.round(achieved));
                step.put("requests", result.requests());
                step.put("p50", round(result.latencyMillis(50)));
                step.put("p95", round(result.latencyMillis(95)));
                step.put("p99", round(result.latencyMillis(99)));
                step.put("max", round(result.latencyMillis(100)));
                step.put("failedRequests", failed);
                step.set("errors", Http.JSON.valueToTree(result.errors()));
                Bench.log("%s: offered %,d/s, accepted %,.0f/s; p50 %.0f ms, p95 %.0f, p99 %.0f; failed requests %d %s",
                        section, rate, achieved, result.latencyMillis(50), result.latencyMillis(95),
                        result.latencyMillis(99), failed, result.errors());
                for (double[] row : result.perSecond()) {
                    csv.printf("%d,%d,%.0f,%.1f,%.1f%n", offset + (long) row[0], rate, row[1], row[2], row[3]);
                }
                offset += (long) Math.ceil((result.end - result.start) / 1e9);
                best = Math.max(best, achieved);
                boolean kept = achieved >= 0.95 * rate && failed == 0 && result.latencyMillis(99) < 1000;
                if (kept) {
                    sustained = Math.max(sustained, achieved);
                } else {
                    Bench.log("%s: saturated at %,d/s offered (%s)", section, rate, achieved < 0.95 * rate
                            ? "accepted under 95 % of the offer" : failed > 0 ? "failures" : "p99 over 1 s");
                    break;
                }
            }
        }
        figures.put("saturation", Math.round(best));
        figures.put("sustained", Math.round(sustained));
        this.figures.save();
        return best;
    }

    private interface Requests {
        IntFunction<HttpRequest> of(Completions completions);
    }

    private IntFunction<HttpRequest> completionsRequest(Completions completions) {
        return size -> http.json(lms, "/api/v1/learning/completions")
                .POST(HttpRequest.BodyPublishers.ofString(completions.batch(size))).build();
    }

    private IntFunction<HttpRequest> statementsRequest(Completions completions) {
        return size -> http.xapi(LMS, LMS_SECRET, "/xapi/statements")
                .POST(HttpRequest.BodyPublishers.ofString(completions.statements(size))).build();
    }

    private static Load.Answer accepted(String kind) {
        if (kind.equals("xapi")) {
            return response -> Http.parse(response.body()).size();
        }
        return response -> Http.parse(response.body()).path("accepted").asInt();
    }

    // ------------------------------------------------------------------------------------------ end to end

    /**
     * Completion batches at {@code rate}: first a warm-up, not counted, so the measure is of the steady state; then
     * every accepted item awaited in the ledger's feed. Beside them, five probes a second: one 12-hour completion of
     * today for a teacher whose 'Growth for every teacher' plan is still at 'Learn', awaited until the plan has moved
     * on (its 12-hour milestone met). What the machine and PostgreSQL did meanwhile is recorded with the delays.
     */
    private void endToEnd(int rate) throws Exception {
        ObjectNode figures = this.figures.section("endToEnd");
        figures.put("rate", rate);
        int probesPerSecond = 5;
        List<String[]> probes = probeTeachers(probesPerSecond * settings.endToEndSeconds());
        String probeCourse = lmsOfferings("probe", 1, "12").get(0);
        Completions completions = new Completions(settings, "bench-" + run + "-e2e", lmsOfferings("e2e", 8));
        if (settings.endToEndWarmUpSeconds() > 0) {
            Load.Result warmUp = load.offer("end to end warm-up", rate, settings.endToEndWarmUpSeconds(),
                    settings.batchSize(), completionsRequest(completions), accepted("json"));
            figures.put("warmUpSeconds", settings.endToEndWarmUpSeconds());
            Bench.log("end to end: warm-up at %,d/s for %d s, not counted: accepted %,.0f/s, p99 %.0f ms", rate,
                    settings.endToEndWarmUpSeconds(), warmUp.acceptedPerSecond(), warmUp.latencyMillis(99));
        }
        try (Watch.Ledger ledger = new Watch.Ledger(settings); Watch.Activity activity = new Watch.Activity(settings)) {
            Thread prober = new Thread(() -> probe(ledger, probes, probeCourse, probesPerSecond), "probes");
            prober.start();
            Load.Result result = load.offer("end to end " + rate + "/s", rate, settings.endToEndSeconds(),
                    settings.batchSize(), completionsRequest(completions), response -> {
                        long at = System.nanoTime();
                        int accepted = 0;
                        for (JsonNode item : Http.parse(response.body()).path("items")) {
                            if (item.path("status").asText().equals("accepted")) {
                                ledger.await(item.path("completionId").asText(), at);
                                accepted++;
                            }
                        }
                        return accepted;
                    });
            prober.join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!ledger.allSeen() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            figures.put("accepted", result.accepted());
            figures.put("acceptedPerSecond", Math.round(result.acceptedPerSecond()));
            figures.put("httpP99", round(result.latencyMillis(99)));
            put(figures, "ledger", ledger.ledgerDelays(), ledger.ledgerMissing());
            put(figures, "milestone", ledger.planDelays(), ledger.plansMissing());
            figures.put("probes", probes.size());
            JsonNode machine = figures.set("machine", Http.JSON.valueToTree(activity.summary())).path("machine");
            Bench.log("end to end at %,d/s: ledger p50 %s ms, p99 %s ms (%d never seen); milestone p50 %s ms, p99 %s ms"
                    + " (%d of %d probes never moved)", rate, figures.path("ledger").path("p50"),
                    figures.path("ledger").path("p99"), ledger.ledgerMissing(), figures.path("milestone").path("p50"),
                    figures.path("milestone").path("p99"), ledger.plansMissing(), probes.size());
            Bench.log("end to end: the machine %s %% busy (%s); autovacuum running %s of %s s, %s checkpoints",
                    machine.path("busyPercent"), machine.path("processPercent"), machine.path("autovacuumSeconds"),
                    machine.path("seconds"), machine.path("checkpoints"));
        }
        this.figures.save();
    }

    private void probe(Watch.Ledger ledger, List<String[]> probes, String course, int perSecond) {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < probes.size(); i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String body = "{\"items\":[{\"externalId\":\"bench-" + run + "-probe-" + i + "\",\"learner\":{\"email\":\""
                    + probes.get(i)[0] + "\"},\"lmsCourseId\":\"" + course + "\",\"completedAt\":\""
                    + Instant.now().minusSeconds(300) + "\"}]}";
            HttpResponse<String> response = http.send(http.json(lms, "/api/v1/learning/completions")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            long at = System.nanoTime();
            JsonNode item = Http.parse(response.body()).path("items").path(0);
            if (item.path("status").asText().equals("accepted")) {
                ledger.await(item.path("completionId").asText(), at);
                ledger.awaitPlan(probes.get(i)[1], at);
            } else {
                Bench.log("probe for %s not accepted: %s", probes.get(i)[0], Http.abbreviate(response.body()));
            }
        }
    }

    /** Teachers of the generated district whose every-teacher plan is still at its first stage: {email, plan id}. */
    private List<String[]> probeTeachers(int count) throws SQLException {
        try (Connection db = DriverManager.getConnection(settings.jdbc("pd_plan"), settings.pgUser(),
                settings.pgPassword());
             PreparedStatement query = db.prepareStatement("""
                     select e.email, cast(p.id as text) from plan p
                     join pathway_template t on t.id = p.template_id and t.version = p.template_version
                     join educator e on e.id = p.educator_id
                     where t.name = 'Growth for every teacher' and p.stage_name = 'Learn' and not p.ended
                       and e.active and e.email like 'nyc-t%' and e.email <= ?
                     order by random() limit ?""")) {
            query.setString(1, settings.teacherEmail(settings.teachers() - 1));
            query.setInt(2, count);
            List<String[]> probes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    probes.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            Bench.log("end to end: %d probe teachers with a plan at 'Learn'", probes.size());
            return probes;
        }
    }

    /**
     * The group's consumers once the second instance's (run.sh names its clients {@code plan-service-2-...}) hold
     * partitions too: a rebalance during the measure would be measured with it.
     */
    private List<String> awaitReplicaConsumers(Watch.Backlog backlog) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<String> consumers = backlog.consumers();
        while (consumers.stream().noneMatch(consumer -> consumer.startsWith(REPLICA + "-"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no consumer of " + REPLICA + " joined in 120 s: " + consumers);
            }
            Thread.sleep(1000);
            consumers = backlog.consumers();
        }
        return consumers;
    }

    // ------------------------------------------------------------------------------------------ backfill

    /**
     * {@code backfill} completions as fast as the system takes them, then how fast plan-service drains them: its
     * consumer group's committed offsets, and the ledger's feed counted until it holds every one.
     */
    private void backfill(Watch.Backlog backlog, String section, int count) throws Exception {
        ObjectNode figures = this.figures.section(section);
        List<String> courses = lmsOfferings(section, 8);
        Completions completions = new Completions(settings, "bench-" + run + "-" + section, courses);
        long feedStart = feedEnd();
        long committedStart = backlog.offsets()[0];
        long start = System.nanoTime();
        Load.Result result = load.flood(section, settings.backfillClients(), count,
                settings.batchSize(), completionsRequest(completions), accepted("json"), 3600);
        long posted = System.nanoTime();
        long accepted = result.accepted();
        long lagAtEnd = backlog.lag();
        long inLedgerWhenPosted = feedSince(feedStart);
        Bench.log("%s: %,d accepted in %.1f s (%,.0f/s; %d failed requests %s); plan-service %,d events behind",
                section, accepted, (posted - start) / 1e9, result.acceptedPerSecond(), result.failedRequests(),
                result.errors(),
                lagAtEnd);
        long deadline = posted + TimeUnit.SECONDS.toNanos(settings.drainTimeoutSeconds());
        long inLedger = 0;
        while (System.nanoTime() < deadline && (inLedger = feedSince(feedStart)) < accepted) {
            Thread.sleep(500);
        }
        long drained = System.nanoTime();
        long plansDue;
        while ((plansDue = plansDue()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        long evaluated = System.nanoTime();
        long consumed = backlog.offsets()[0] - committedStart;
        figures.put("accepted", accepted);
        figures.put("acceptSeconds", round((posted - start) / 1e9));
        figures.put("acceptedPerSecond", Math.round(result.acceptedPerSecond()));
        figures.put("failedRequests", result.failedRequests());
        figures.put("backlogWhenPosted", lagAtEnd);
        figures.put("inLedger", inLedger);
        figures.put("drainedSecondsAfterPosting", round((drained - posted) / 1e9));
        figures.put("eventsConsumed", consumed);
        figures.put("ledgerPerSecondOverall", Math.round(inLedger / ((drained - start) / 1e9)));
        figures.put("timedOut", inLedger < accepted);
        figures.put("drainPerSecondAfterPosting", Math.round((inLedger - inLedgerWhenPosted)
                / Math.max(0.001, (drained - posted) / 1e9)));
        figures.put("peakConsumedPer10s", Math.round(peakRate(start)));
        figures.put("plansEvaluatedSecondsAfterPosting", round((evaluated - posted) / 1e9));
        figures.put("plansStillDue", plansDue);
        long[] exactly = exactlyOnce(offeringIds.get(section));
        figures.put("entries", exactly[0]);
        figures.put("distinctCompletions", exactly[1]);
        Bench.log("%s: the ledger held %,d of %,d after %.1f s more (%,.0f entries/s from the first post;"
                + " %,.0f/s after the last); %,d entries for %,d distinct completions", section, inLedger, accepted,
                (drained - posted) / 1e9, inLedger / ((drained - start) / 1e9),
                (inLedger - inLedgerWhenPosted) / Math.max(0.001, (drained - posted) / 1e9), exactly[0], exactly[1]);
        Bench.log("%s: plans evaluated for every completion %.1f s after the last post (%,d still due)", section,
                (evaluated - posted) / 1e9, plansDue);
        this.figures.save();
    }

    /** Reasons for plans to be evaluated that are due now and not yet taken by plan-service's refresher. */
    private long plansDue() throws SQLException {
        try (Connection db = DriverManager.getConnection(settings.jdbc("pd_plan"), settings.pgUser(),
                settings.pgPassword());
             ResultSet rows = db.createStatement().executeQuery(
                     "select count(*) from plan_refresh_due where due_at <= now()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Ledger entries of these offerings, and the distinct completions they are for. */
    private long[] exactlyOnce(List<String> offerings) throws SQLException {
        try (Connection db = DriverManager.getConnection(settings.jdbc("pd_plan"), settings.pgUser(),
                settings.pgPassword());
             PreparedStatement query = db.prepareStatement("""
                     select count(*), count(distinct source_ref) from ledger_entry
                     where offering_id = any(cast(? as uuid[]))""")) {
            query.setArray(1, db.createArrayOf("text", offerings.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    /** Entries in the ledger's feed after {@code position}: counted, as a rolled-back commit leaves a gap. */
    private long feedSince(long position) throws SQLException {
        try (Connection db = DriverManager.getConnection(settings.jdbc("pd_plan"), settings.pgUser(),
                settings.pgPassword());
             PreparedStatement count = db.prepareStatement("select count(*) from ledger_feed where position > ?")) {
            count.setLong(1, position);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long feedEnd() throws SQLException {
        try (Connection db = DriverManager.getConnection(settings.jdbc("pd_plan"), settings.pgUser(),
                settings.pgPassword());
             ResultSet rows = db.createStatement().executeQuery("select coalesce(max(position), 0) from ledger_feed")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The most events plan-service committed in any 10 s since {@code start}, per second. */
    private double peakRate(long start) {
        double from = (start - origin) / 1e9;
        List<double[]> rows = samples.stream().filter(s -> s[0] >= from).toList();
        double peak = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                if (rows.get(j)[0] - rows.get(i)[0] >= 10) {
                    peak = Math.max(peak, (rows.get(j)[2] - rows.get(i)[2]) / (rows.get(j)[0] - rows.get(i)[0]));
                    break;
                }
            }
        }
        return peak;
    }

    // ------------------------------------------------------------------------------------------ setup

    /** Waits until learning-service resolves the district's last teacher (the roster step's fan-out is done). */
    private void awaitTeachers() throws InterruptedException {
        String last = settings.teacherEmail(settings.teachers() - 1);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (http.send(http.json(grace, "/api/v1/learning/learners/resolve?email=" + Http.enc(last)).GET().build())
                .statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("learning-service does not know " + last + ": run roster.sh first");
            }
            Thread.sleep(1000);
        }
        Bench.log("setup: learning-service knows the district's last teacher, %s", last);
    }

    private List<String> lmsOfferings(String phase, int count) {
        return lmsOfferings(phase, count, null);
    }

    /** Offerings of 0.5 to 4 hours (or {@code hours}) mapped to LMS courses of their own; their course ids. */
    private List<String> lmsOfferings(String phase, int count, String hours) {
        List<String> courses = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String course = "BENCH-" + run + "-" + phase + "-" + k;
            JsonNode offering = http.expect(http.json(grace, "/api/v1/learning/offerings").POST(
                    HttpRequest.BodyPublishers.ofString(offering(phase, k, hours,
                            ",\"lmsCourses\":[{\"lms\":\"demo-lms\",\"courseId\":\"" + course + "\"}]"))).build(),
                    201, "offering " + course);
            offeringIds.computeIfAbsent(phase, key -> new ArrayList<>()).add(offering.path("id").asText());
            courses.add(course);
        }
        return courses;
    }

    /** Published offerings mapped to xAPI activities of their own; their activity IRIs. */
    private List<String> xapiOfferings(int count) {
        List<String> activities = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String activity = "https://lms.bench.example/" + run + "/activity/" + k;
            JsonNode offering = http.expect(http.json(grace, "/api/v1/learning/offerings").POST(
                    HttpRequest.BodyPublishers.ofString(offering("xapi", k, null,
                            ",\"xapiActivityIds\":[\"" + activity + "\"]"))).build(), 201, "offering " + activity);
            http.expect(http.json(grace, "/api/v1/learning/offerings/" + offering.path("id").asText() + "/publish")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), 200, "publishing " + activity);
            activities.add(activity);
        }
        return activities;
    }

    private String offering(String phase, int k, String hours, String mapping) {
        return "{\"title\":\"Bench " + run + " " + phase + " " + k + "\",\"format\":\"ONLINE\",\"creditHours\":"
                + (hours != null ? hours : String.valueOf(0.5 + (k % 8) * 0.5))
                + ",\"creditType\":\"CLOCK_HOUR\",\"category\":\"COURSEWORK\"" + mapping + "}";
    }

    // ------------------------------------------------------------------------------------------ sampling

    /**
     * Until the pipeline is empty: nothing left to publish in learning-service's outbox, and plan-service's group
     * committed to the end of the topic. The group alone can show no backlog while the outbox still holds thousands of
     * rows the relay has yet to send: a phase started then would measure the one before it.
     */
    private void awaitDrained(Watch.Backlog backlog, String when) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(settings.drainTimeoutSeconds());
        try (Connection learning = DriverManager.getConnection(settings.jdbc("pd_learning"), settings.pgUser(),
                settings.pgPassword());
             PreparedStatement outbox = learning.prepareStatement(
                     "select count(*) from outbox_event where sent_at is null and parked_at is null")) {
            long unsent = count(outbox);
            long lag = backlog.lag();
            while ((unsent > 0 || lag > 0) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                unsent = count(outbox);
                lag = backlog.lag();
            }
            Bench.log("the pipeline %s: %s after %.1f s", when, unsent == 0 && lag == 0 ? "drained"
                    : unsent + " rows still in learning-service's outbox, " + lag + " events behind in plan-service",
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every second: plan-service's backlog and committed offsets, and each service's RSS. */
    private Thread sampler(Watch.Backlog backlog) {
        Watch.Memory memory = new Watch.Memory();
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long[] offsets = backlog.offsets();
                    Map<String, Long> rss = memory.rssMib();
                    double[] row = new double[3 + rss.size()];
                    row[0] = (System.nanoTime() - origin) / 1e9;
                    row[1] = offsets[1] - offsets[0];
                    row[2] = offsets[0];
                    int i = 3;
                    for (long mib : rss.values()) {
                        row[i++] = mib;
                    }
                    samples.add(row);
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                Bench.log("sampler stopped: %s", e);
            }
        }, "sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The samples, and with {@code peaks} each service's peak RSS under load. */
    private void writeSamples(String file, boolean peaks) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(settings.out().resolve(file)))) {
            csv.println("second,plan_backlog,plan_committed," + String.join(",", Watch.SERVICES).replace('-', '_'));
            for (double[] row : samples) {
                StringBuilder line = new StringBuilder(String.format("%.1f", row[0]));
                for (int i = 1; i < row.length; i++) {
                    line.append(',').append((long) row[i]);
                }
                csv.println(line);
            }
        }
        if (peaks) {
            ObjectNode peak = figures.section("footprint").putObject("peakRssUnderLoad");
            for (int s = 0; s < Watch.SERVICES.size(); s++) {
                int column = 3 + s;
                peak.put(Watch.SERVICES.get(s), samples.stream().mapToDouble(r -> r[column]).max().orElse(-1));
            }
        }
        figures.save();
    }

    private static void put(ObjectNode figures, String name, List<Long> delays, int missing) {
        ObjectNode node = figures.putObject(name);
        node.put("count", delays.size());
        node.put("missing", missing);
        long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        for (double p : new double[] {50, 95, 99, 100}) {
            node.put(p == 100 ? "max" : "p" + (int) p, round(Load.Percentiles.of(sorted, p) / 1e6));
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
