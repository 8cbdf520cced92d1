import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Roster benchmark against the running system: a generated OneRoster 1.2 district of New York City size imported
 * through the gateway, with plan-service's memory and readiness watched throughout, then the time until
 * learning-service has the roster and a completion for the last imported teacher is accepted, and until credentials-
 * and community-service have it too. See README.md.
 */
public class RosterBench {

    static final String GATEWAY = env("PD_GATEWAY_URL", "http://localhost:8080");
    static final String KEYCLOAK = env("PD_KEYCLOAK_URL", "http://localhost:8180");
    static final String PLAN = env("PD_PLAN_URL", "http://localhost:" + env("PD_PLAN_PORT", "8082"));
    static final Path ROOT = Path.of(env("PD_ROOT", ".")).toAbsolutePath().normalize();
    static final Path PIDS = Path.of(env("PD_STATE_DIR", ROOT.resolve("deploy/local/.run").toString()), "pids");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String STAMP = "2026-08-01T00:00:00.000Z";

    /** The roster topic's consumer groups, learning-service's first: the one LMS completions wait for. */
    static final List<String> CONSUMERS = List.of("learning-service", "credentials-service", "community-service");

    static int teachers = Integer.parseInt(env("BENCH_TEACHERS", "75654"));
    static int schools = Integer.parseInt(env("BENCH_SCHOOLS", "1800"));

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (arg.startsWith("--teachers=")) {
                teachers = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--schools=")) {
                schools = Integer.parseInt(arg.substring(10));
            }
        }
        String started = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path results = Path.of(env("BENCH_RESULTS_DIR", ROOT.resolve("deploy/bench/results").toString()));
        Files.createDirectories(results);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(System.out, copy), true, StandardCharsets.UTF_8);

        out.printf("# Roster benchmark %s%n%n", started);
        out.printf("commit %s (%s), nproc %d, load %s, gateway %s%n", env("BENCH_GIT_COMMIT", "?"),
                env("BENCH_GIT_DIRTY", "?"), Runtime.getRuntime().availableProcessors(), load(), GATEWAY);
        long planPid = pid("plan-service");
        long learningPid = pid("learning-service");
        out.printf("plan-service pid %d: RSS %d MiB at start; learning-service pid %d: RSS %d MiB%n%n", planPid,
                rssKib(planPid) / 1024, learningPid, rssKib(learningPid) / 1024);

        int tenth = Math.max(1, teachers / 10);
        Path work = Files.createTempDirectory("roster-bench");
        // A run's own given names: every run changes every educator, so each measures a whole fan-out.
        String run = started.substring(0, 15);
        Bundle small = Bundle.generate(work.resolve("small"), tenth, schools, run, Manifest.DELTA);
        Bundle full = Bundle.generate(work.resolve("full"), teachers, schools, run, Manifest.BULK);
        out.printf("district: %,d teachers in %,d schools (%,d roles rows: a secondary role for every 10th teacher),"
                + " plus the demo district; users.csv %.1f MB, the bundle %.1f MB, zipped %.1f MB%n%n", teachers, schools,
                full.roles, Files.size(full.dir.resolve("users.csv")) / 1e6, full.bytes() / 1e6, full.zip.length / 1e6);

        Tokens grace = new Tokens("grant_type=password&client_id=pd-web&username=grace&password=demo");
        Tokens lms = new Tokens("grant_type=client_credentials&client_id=lms-connector&client_secret=lms-connector-secret");

        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                env("PD_KAFKA_BOOTSTRAP", "127.0.0.1:9092")))) {
            long backlog = lag(kafka, CONSUMERS.get(0));
            awaitCaughtUp(kafka, System.nanoTime());
            out.printf("learning-service's roster backlog before the first import: %,d snapshots (waited until it was 0)%n%n",
                    backlog);
            out.println("| import | how | educators | import done after | changed | deactivated | plan-service peak RSS"
                    + " | not ready | learning-service caught up after |");
            out.println("|---|---|---|---|---|---|---|---|---|");
            Run tenthRun = importBundle(grace, small, false, planPid);
            long tenthCaughtUp = awaitCaughtUp(kafka, tenthRun.postedAt).get(CONSUMERS.get(0));
            out.println(tenthRun.row("its first tenth, delta", "multipart", tenth, tenthCaughtUp));

            Run fullRun = importBundle(grace, full, false, planPid);
            // While learning-service works through the snapshots: a known teacher's completion is not held up.
            long aliceStart = System.nanoTime();
            String alice = postCompletion(lms, "alice@district-demo.example");
            long aliceMillis = (System.nanoTime() - aliceStart) / 1_000_000;
            long resolvedAt = awaitResolved(grace, full.lastEmail, fullRun.postedAt);
            String last = postCompletion(lms, full.lastEmail);
            long lastAnsweredAt = System.nanoTime();
            Map<String, Long> fullCaughtUpBy = awaitCaughtUp(kafka, fullRun.postedAt);
            long fullCaughtUp = fullCaughtUpBy.get(CONSUMERS.get(0));
            out.println(fullRun.row("whole district, bulk", "multipart", teachers, fullCaughtUp));

            Run again = importBundle(grace, full, true, planPid);
            out.println(again.row("whole district again, unchanged", "zip", teachers, awaitCaughtUp(kafka, again.postedAt)
                    .get(CONSUMERS.get(0))));
            out.println();
            out.printf("import of %,d educators: %.1f s from the POST to completed; peak RSS %d MiB against %d MiB for a"
                    + " tenth of them (x%.2f for x10 the rows)%n", teachers, fullRun.seconds(), fullRun.peakRssKib / 1024,
                    tenthRun.peakRssKib / 1024, (double) fullRun.peakRssKib / tenthRun.peakRssKib);
            int published = Integer.parseInt(number(fullRun.finalJson, "changed"))
                    + Integer.parseInt(number(fullRun.finalJson, "deactivated"));
            out.printf("fan-out: learning-service consumed the %,d snapshots of that import %.1f s after the POST (%.1f s after"
                    + " the import completed; %,.0f snapshots/s from the POST)%n", published, (fullCaughtUp - fullRun.postedAt) / 1e9,
                    (fullCaughtUp - fullRun.doneAt) / 1e9, published / ((fullCaughtUp - fullRun.postedAt) / 1e9));
            for (String consumer : CONSUMERS.subList(1, CONSUMERS.size())) {
                long caughtUp = fullCaughtUpBy.get(consumer);
                out.printf("fan-out: %s consumed them %.1f s after the POST (%.1f s after the import completed)%n",
                        consumer, (caughtUp - fullRun.postedAt) / 1e9, (caughtUp - fullRun.doneAt) / 1e9);
            }
            out.printf("the last imported teacher (%s) resolved %.1f s after the POST; a completion for them answered %s"
                    + " %.1f s after the POST%n", full.lastEmail, (resolvedAt - fullRun.postedAt) / 1e9, last,
                    (lastAnsweredAt - fullRun.postedAt) / 1e9);
            out.printf("meanwhile a completion for alice (known before) answered %s in %d ms%n", alice, aliceMillis);
            out.printf("plan-service readiness was probed every 250 ms during each import: %d, %d and %d probes not UP%n",
                    tenthRun.notReady, fullRun.notReady, again.notReady);
            out.printf("learning-service RSS after the fan-out %d MiB; load at end %s%n", rssKib(learningPid) / 1024, load());
        }
        Path report = results.resolve(started + "-roster.txt");
        Files.write(report, copy.toByteArray());
        System.out.println("\nwritten to " + ROOT.relativize(report));
    }

    record Run(long postedAt, long doneAt, String finalJson, long peakRssKib, int notReady) {
        double seconds() {
            return (doneAt - postedAt) / 1e9;
        }

        String row(String what, String how, int educators, long caughtUpAt) {
            return String.format(Locale.ROOT, "| %s | %s | %,d | %.1f s (%s) | %s | %s | %d MiB | %d | %.1f s |", what, how,
                    educators, seconds(), field(finalJson, "status"), number(finalJson, "changed"),
                    number(finalJson, "deactivated"), peakRssKib / 1024, notReady, (caughtUpAt - postedAt) / 1e9);
        }
    }

    /** Posts the bundle as multipart (or zip) and follows the import, sampling plan-service meanwhile. */
    static Run importBundle(Tokens grace, Bundle bundle, boolean zipped, long planPid) throws Exception {
        AtomicLong peak = new AtomicLong(rssKib(planPid));
        AtomicInteger notReady = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(rssKib(planPid), Math::max);
                if (!ready()) {
                    notReady.incrementAndGet();
                }
                sleep(250);
            }
        });
        sampler.start();
        long posted = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/plans/roster/imports"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + grace.get());
        if (zipped) {
            request.header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(bundle.zip));
        } else {
            String boundary = "bench-" + UUID.randomUUID();
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(bundle.multipart(boundary)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            sampling.set(false);
            throw new IllegalStateException("import: HTTP " + response.statusCode() + " " + response.body());
        }
        String location = URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
        String state = response.body();
        while ("running".equals(field(state, "status"))) {
            sleep(250);
            state = get(grace, location).body();
        }
        long done = System.nanoTime();
        sampling.set(false);
        sampler.join();
        if (!"completed".equals(field(state, "status"))) {
            throw new IllegalStateException("import did not complete: " + state);
        }
        return new Run(posted, done, state, peak.get(), notReady.get());
    }

    /**
     * The roster snapshots a consumer group has yet to consume: the end offsets of pd.roster.educators less the
     * offsets it committed (a group commits every few seconds, so 0 comes a little after the fact).
     */
    static long lag(Admin kafka, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            kafka.describeTopics(List.of("pd.roster.educators")).allTopicNames().get().get("pd.roster.educators")
                    .partitions().forEach(info -> latest.put(new TopicPartition("pd.roster.educators", info.partition()),
                            OffsetSpec.latest()));
            long lag = 0;
            for (var end : kafka.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
            }
            return lag;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read " + group + "'s consumer lag", e);
        }
    }

    /** Waits until every roster consumer has consumed every snapshot; when each first had, by group. */
    static Map<String, Long> awaitCaughtUp(Admin kafka, long since) {
        long deadline = since + Duration.ofMinutes(20).toNanos();
        Map<String, Long> caughtUp = new HashMap<>();
        while (true) {
            for (String consumer : CONSUMERS) {
                if (!caughtUp.containsKey(consumer) && lag(kafka, consumer) == 0) {
                    caughtUp.put(consumer, System.nanoTime());
                }
            }
            if (caughtUp.size() == CONSUMERS.size()) {
                return caughtUp;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still behind on the roster after 20 minutes: "
                        + CONSUMERS.stream().filter(consumer -> !caughtUp.containsKey(consumer)).toList());
            }
            sleep(500);
        }
    }

    static long awaitResolved(Tokens grace, String email, long since) {
        long deadline = since + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (get(grace, "/api/v1/learning/learners/resolve?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                    .statusCode() == 200) {
                return System.nanoTime();
            }
            sleep(250);
        }
        throw new IllegalStateException(email + " not resolved by learning-service within 15 minutes");
    }

    /** On a random day of the last eight years, so a repeated run does not post a duplicate of an earlier one. */
    static String postCompletion(Tokens lms, String email) throws Exception {
        String body = "{\"items\":[{\"externalId\":\"roster-bench-" + UUID.randomUUID() + "\",\"learner\":{\"email\":\""
                + email + "\"},\"lmsCourseId\":\"LMS-DISC-15\",\"completedAt\":\"" + Instant.now().minus(Duration.ofDays(1 + new Random().nextInt(3000))) + "\"}]}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/learning/completions"))
                .header("Authorization", "Bearer " + lms.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + field(response.body(), "status");
    }

    enum Manifest { BULK, DELTA }

    /** The generated district: the demo district's own rows first, so a bulk import keeps it. */
    static final class Bundle {
        final Path dir;
        final String lastEmail;
        final int roles;
        final byte[] zip;

        private Bundle(Path dir, String lastEmail, int roles, byte[] zip) {
            this.dir = dir;
            this.lastEmail = lastEmail;
            this.roles = roles;
            this.zip = zip;
        }

        static Bundle generate(Path dir, int teachers, int schools, String run, Manifest mode) throws IOException {
            Files.createDirectories(dir);
            Path demo = ROOT.resolve("deploy/demo");
            Files.writeString(dir.resolve("manifest.csv"), Files.readString(demo.resolve("manifest.csv"))
                    .replace(",bulk", "," + mode.name().toLowerCase(Locale.ROOT)));
            StringBuilder orgs = new StringBuilder(Files.readString(demo.resolve("orgs.csv")));
            for (int s = 1; s <= schools; s++) {
                orgs.append(String.format("nyc-s%04d,active,%s,School %d,school,NYC-%04d,district-demo\r\n", s, STAMP, s, s));
            }
            Files.writeString(dir.resolve("orgs.csv"), orgs);
            int roleRows = 0;
            try (var users = Files.newBufferedWriter(dir.resolve("users.csv"));
                    var roles = Files.newBufferedWriter(dir.resolve("roles.csv"));
                    var profiles = Files.newBufferedWriter(dir.resolve("userProfiles.csv"))) {
                users.write(Files.readString(demo.resolve("users.csv")));
                roles.write(Files.readString(demo.resolve("roles.csv")));
                profiles.write(Files.readString(demo.resolve("userProfiles.csv")));
                for (int t = 1; t <= teachers; t++) {
                    String id = String.format("nyc-t%06d", t);
                    int school = 1 + (t - 1) % schools;
                    // Every fourth teacher was hired last year, a novice; the others are in their career.
                    users.write(String.format("%s,active,%s,true,%s,{SIS:%s},Teacher %s,\"Number %d, NYC\",,SIS-%s,"
                            + "%s@nyc.example,,,,\"%02d,%02d\",,,,,,,nyc-s%04d,,%s\r\n", id, STAMP, id, id, run, t, id,
                            id, t % 12 + 1, (t + 1) % 12 + 1, school, t % 4 == 0 ? "2025-08-18" : "2015-08-17"));
                    roles.write(String.format("r-%s,active,%s,%s,primary,teacher,2024-08-01,,nyc-s%04d,\r\n", id, STAMP, id,
                            school));
                    roleRows++;
                    if (t % 10 == 0) {
                        roles.write(String.format("r2-%s,active,%s,%s,secondary,aide,2025-08-01,,nyc-s%04d,\r\n", id, STAMP,
                                id, 1 + t % schools));
                        roleRows++;
                    }
                    profiles.write(String.format("up-%s,active,%s,%s,lms,canvas,,,,%s,\r\n", id, STAMP, id, id));
                }
            }
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
                for (String file : List.of("manifest.csv", "orgs.csv", "users.csv", "roles.csv", "userProfiles.csv")) {
                    zip.putNextEntry(new ZipEntry("nyc/" + file));
                    zip.write(Files.readAllBytes(dir.resolve(file)));
                }
            }
            return new Bundle(dir, String.format("nyc-t%06d@nyc.example", teachers), roleRows, zipped.toByteArray());
        }

        long bytes() throws IOException {
            long total = 0;
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    total += Files.size(file);
                }
            }
            return total;
        }

        List<byte[]> multipart(String boundary) throws IOException {
            List<byte[]> parts = new ArrayList<>();
            for (String part : List.of("manifest", "orgs", "users", "roles", "userProfiles")) {
                parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + part
                        + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                parts.add(Files.readAllBytes(dir.resolve(part + ".csv")));
                parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return parts;
        }
    }

    /** Password or client-credentials tokens from Keycloak, renewed a minute before they expire. */
    static final class Tokens {
        private final String form;
        private String token;
        private Instant renewAt = Instant.MIN;

        Tokens(String form) {
            this.form = form;
        }

        synchronized String get() {
            if (Instant.now().isAfter(renewAt)) {
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                            + "/realms/district/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    token = field(response.body(), "access_token");
                    renewAt = Instant.now().plusSeconds(Long.parseLong(number(response.body(), "expires_in")) - 60);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("no token from " + KEYCLOAK, e);
                }
            }
            return token;
        }
    }

    static HttpResponse<String> get(Tokens tokens, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(PLAN + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static long pid(String service) throws IOException {
        Path file = PIDS.resolve(service + ".pid");
        if (!Files.exists(file)) {
            throw new IllegalStateException("no " + file + ": is the system started with deploy/local/start.sh?");
        }
        return Long.parseLong(Files.readString(file).strip());
    }

    /** Resident set size from /proc, in KiB; 0 if the process is gone. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String field(String json, String name) {
        Matcher found = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return found.find() ? found.group(1) : null;
    }

    static String number(String json, String name) {
        Matcher found = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?[0-9]+)").matcher(json);
        return found.find() ? found.group(1) : null;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Prints to the console and keeps a copy for the results file. */
    static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
