import java.io.IOException;
import java.math.BigDecimal;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion benchmark: LMS completions posted through the gateway by concurrent clients, then the time the HR
 * credit-hour report needs to show every accepted completion. JDK 17 only, run as a single source file:
 * {@code java deploy/bench/src/IngestBench.java [--flag=value ...]}; deploy/bench/ingest.sh is the documented way.
 * See deploy/bench/README.md for what it measures and the knobs.
 */
public class IngestBench {

    // ---------------------------------------------------------------- configuration

    static final class Config {
        String gateway = setting("gateway", "BENCH_GATEWAY_URL", "http://localhost:8080");
        String keycloak = setting("keycloak", "BENCH_KEYCLOAK_URL", "http://localhost:8180");
        String realm = setting("realm", "BENCH_REALM", "district");
        int clients = Integer.parseInt(setting("clients", "BENCH_CLIENTS", "8"));
        int durationSeconds = Integer.parseInt(setting("duration", "BENCH_DURATION", "30"));
        int warmupSeconds = Integer.parseInt(setting("warmup", "BENCH_WARMUP", "5"));
        int teachers = Integer.parseInt(setting("teachers", "BENCH_TEACHERS", "2000"));
        int batchSize = Integer.parseInt(setting("batch-size", "BENCH_BATCH_SIZE", "100"));
        int offerings = Integer.parseInt(setting("offerings", "BENCH_OFFERINGS", "4"));
        String phases = setting("phases", "BENCH_PHASES", "single,batch");
        int ledgerTimeoutSeconds = Integer.parseInt(setting("ledger-timeout", "BENCH_LEDGER_TIMEOUT", "900"));
        int setupTimeoutSeconds = Integer.parseInt(setting("setup-timeout", "BENCH_SETUP_TIMEOUT", "300"));
        String lms = setting("lms", "BENCH_LMS", "demo-lms");
        String lmsClient = setting("lms-client", "BENCH_LMS_CLIENT", "lms-connector");
        String lmsSecret = setting("lms-secret", "BENCH_LMS_SECRET", "lms-connector-secret");
        String resultsDir = setting("results-dir", "BENCH_RESULTS_DIR", "deploy/bench/results");
        String commit = setting("commit", "BENCH_GIT_COMMIT", "unknown");
        String dirty = setting("dirty", "BENCH_GIT_DIRTY", "unknown");
    }

    static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static String setting(String flag, String env, String fallback) {
        if (FLAGS.containsKey(flag)) {
            return FLAGS.get(flag);
        }
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The report period (days of completedAt): one window of less than 10 years, wholly in the past. */
    static final LocalDate WINDOW_FROM = LocalDate.of(2016, 1, 1);
    static final LocalDate WINDOW_TO = LocalDate.of(2025, 12, 31);
    static final int WINDOW_DAYS = (int) (WINDOW_TO.toEpochDay() - WINDOW_FROM.toEpochDay() + 1);

    static Config config;
    static HttpClient http;
    static final StringBuilder log = new StringBuilder();

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println("usage: java deploy/bench/src/IngestBench.java [--gateway=URL] [--keycloak=URL] "
                        + "[--clients=8] [--duration=30] [--warmup=5] [--teachers=2000] [--batch-size=100] "
                        + "[--offerings=4] [--phases=single,batch] [--ledger-timeout=900] [--setup-timeout=300] "
                        + "[--results-dir=deploy/bench/results]   (or the BENCH_* environment variables, see README)");
                return;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --flag=value, got " + arg);
            }
            FLAGS.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        config = new Config();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        Instant started = Instant.now();
        String loadStart = loadAverage();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        progress("run " + runId + ": " + config.clients + " clients, " + config.warmupSeconds + " s warm-up + "
                + config.durationSeconds + " s per phase, " + config.teachers + " teachers, gateway " + config.gateway
                + "; load average " + loadStart);

        Tokens grace = Tokens.password("pd-web", "grace", "demo");
        Tokens lms = Tokens.client(config.lmsClient, config.lmsSecret);
        Tokens hr = Tokens.client("hr-connector", "hr-connector-secret");

        Setup setup = new Setup(runId, grace, lms);
        setup.run();

        List<PhaseResult> results = new ArrayList<>();
        Generator generator = new Generator(runId, setup);
        for (String phase : config.phases.split(",")) {
            phase = phase.strip();
            int size = switch (phase) {
                case "single" -> 1;
                case "batch" -> config.batchSize;
                default -> throw new IllegalArgumentException("unknown phase " + phase + " (single or batch)");
            };
            results.add(new Phase(phase, size, generator, lms).run());
        }
        Instant lastPostAnswered = Instant.now();

        long accepted = results.stream().mapToLong(r -> r.acceptedTotal).sum();
        BigDecimal expectedHours = BigDecimal.valueOf(results.stream().mapToLong(r -> r.acceptedHoursTotal).sum());
        Catchup catchup = new Catchup(setup, hr, expectedHours, lastPostAnswered).run();
        String loadEnd = loadAverage();

        String report = report(runId, started, loadStart, loadEnd, setup, results, accepted, expectedHours, catchup);
        System.out.println();
        System.out.println(report);
        Path dir = Path.of(config.resultsDir);
        Files.createDirectories(dir);
        Path file = dir.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started)
                + "-ingest.txt");
        Files.writeString(file, report + "\n-- setup log --\n" + log);
        System.out.println("written to " + file);
    }

    static void progress(String line) {
        String stamped = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                + "  " + line;
        System.out.println(stamped);
        synchronized (log) {
            log.append(stamped).append('\n');
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    // ---------------------------------------------------------------- tokens

    /** A bearer token from Keycloak, fetched again a minute before it expires (or at once after a 401). */
    static final class Tokens {
        private final String form;
        private final String name;
        private String token;
        private long refreshAtNanos;

        private Tokens(String name, String form) {
            this.name = name;
            this.form = form;
        }

        static Tokens client(String clientId, String secret) {
            return new Tokens(clientId, "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret));
        }

        static Tokens password(String clientId, String user, String password) {
            return new Tokens(user, "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(user)
                    + "&password=" + enc(password));
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - refreshAtNanos >= 0) {
                fetch();
            }
            return token;
        }

        synchronized void invalidate(String used) {
            if (used.equals(token)) {
                token = null;
            }
        }

        private void fetch() {
            HttpRequest request = HttpRequest.newBuilder(URI.create(config.keycloak + "/realms/" + config.realm
                            + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + name + ": HTTP " + response.statusCode() + " " + response.body());
            }
            Map<String, Object> body = Json.object(response.body());
            token = (String) body.get("access_token");
            long lifetime = ((BigDecimal) body.getOrDefault("expires_in", BigDecimal.valueOf(300))).longValue();
            refreshAtNanos = System.nanoTime() + Duration.ofSeconds(Math.max(10, lifetime - 60)).toNanos();
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call through the gateway as the token's holder; a 401 gets one more try with a fresh token. */
    static HttpResponse<String> call(Tokens tokens, String method, String path, String contentType, byte[] body) {
        for (int attempt = 0; ; attempt++) {
            String token = tokens.get();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.gateway + path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token)
                    // The report's CSV download answers only text/csv: the path picks the format.
                    .header("Accept", path.contains(".csv") ? "text/csv" : "application/json");
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> response = send(builder.build());
            if (response.statusCode() == 401 && attempt == 0) {
                tokens.invalidate(token);
                continue;
            }
            return response;
        }
    }

    static HttpResponse<String> json(Tokens tokens, String method, String path, String json) {
        return call(tokens, method, path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String abbreviate(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }

    // ---------------------------------------------------------------- setup

    /** A fresh school with its own teachers, and offerings mapped to LMS courses of its own. */
    static final class Setup {
        final String runId;
        final Tokens grace;
        final Tokens lms;
        final String schoolSourcedId;
        final String schoolId;
        final String[] emails;
        final String[] courseIds;
        final int[] hours;
        String bindingNote = "";
        String offeringApi = "";
        String rosterNote = "";

        Setup(String runId, Tokens grace, Tokens lms) {
            this.runId = runId;
            this.grace = grace;
            this.lms = lms;
            schoolSourcedId = "bench-school-" + runId;
            schoolId = uuid("org:" + schoolSourcedId);
            emails = new String[config.teachers];
            for (int n = 0; n < config.teachers; n++) {
                emails[n] = "bench-t" + (n + 1) + "." + runId + "@bench.example";
            }
            courseIds = new String[config.offerings];
            hours = new int[config.offerings];
            for (int k = 0; k < config.offerings; k++) {
                courseIds[k] = "BENCH-" + runId + "-" + (k + 1);
                hours[k] = k + 1;
            }
        }

        void run() throws Exception {
            importRoster();
            bindLmsClient();
            for (int k = 0; k < config.offerings; k++) {
                createOffering(k);
            }
            progress("setup: " + config.offerings + " offerings mapped to " + String.join(", ", courseIds) + " ("
                    + offeringApi + ")");
            awaitLearners();
        }

        private void importRoster() throws InterruptedException {
            String boundary = "bench-" + UUID.randomUUID();
            String orgs = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                    + schoolSourcedId + ",active,2026-08-01T00:00:00Z,Bench School " + runId + ",school,BENCH-" + runId + ",\r\n";
            StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                    + "userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,"
                    + "userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,"
                    + "primaryOrg,pronouns\r\n");
            for (int n = 0; n < config.teachers; n++) {
                String sourcedId = "bench-t" + (n + 1) + "-" + runId;
                users.append(sourcedId).append(",active,2026-08-01T00:00:00Z,true,").append(schoolSourcedId)
                        .append(",teacher,").append(sourcedId).append(",,Bench,Teacher ").append(n + 1)
                        .append(",,SIS-").append(sourcedId).append(',').append(emails[n])
                        .append(",,,,,,,,,,,").append(schoolSourcedId).append(",\r\n");
            }
            String body = part(boundary, "orgs", "orgs.csv", orgs) + part(boundary, "users", "users.csv", users.toString())
                    + "--" + boundary + "--\r\n";
            long t0 = System.nanoTime();
            HttpResponse<String> response = call(grace, "POST", "/api/v1/plans/roster/imports",
                    "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
            if (response.statusCode() != 202) {
                throw new IllegalStateException("roster import: HTTP " + response.statusCode() + " " + abbreviate(response.body(), 500));
            }
            // The import runs in the background: follow it until it ends.
            String location = URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
            Map<String, Object> report = Json.object(response.body());
            while ("running".equals(report.get("status"))) {
                Thread.sleep(200);
                report = Json.object(call(grace, "GET", location, null, null).body());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> counts = (Map<String, Object>) report.get("counts");
            int accepted = ((BigDecimal) counts.get("accepted")).intValue();
            int rejected = ((BigDecimal) counts.get("rejected")).intValue();
            // Every teacher and the one org.
            if (!"completed".equals(report.get("status")) || accepted != config.teachers + 1 || rejected != 0) {
                throw new IllegalStateException("roster import: " + abbreviate(report.toString(), 500));
            }
            rosterNote = config.teachers + " teachers imported in " + millis(System.nanoTime() - t0) + " ms";
            progress("setup: school " + schoolSourcedId + " (id " + schoolId + "), " + rosterNote);
        }

        private static String part(String boundary, String name, String filename, String content) {
            return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n";
        }

        /** Binds the LMS client to its LMS where the API exists (after the change); a 404 or 405 means it does not. */
        private void bindLmsClient() {
            HttpResponse<String> response = json(grace, "PUT", "/api/v1/learning/lms-clients/" + enc(config.lmsClient),
                    "{\"lms\":\"" + config.lms + "\"}");
            int status = response.statusCode();
            if (status == 404 || status == 405) {
                bindingNote = "PUT /lms-clients/" + config.lmsClient + " -> " + status + " (no binding API)";
            } else if (status / 100 == 2) {
                bindingNote = "PUT /lms-clients/" + config.lmsClient + " -> " + status + " (bound to " + config.lms + ")";
            } else {
                throw new IllegalStateException("binding " + config.lmsClient + ": HTTP " + status + " " + abbreviate(response.body(), 500));
            }
            progress("setup: " + bindingNote);
        }

        /** The new body (lmsCourses) first; the old one (lmsCourseIds) on a 400, or a mapping added when it was ignored. */
        private void createOffering(int k) {
            String common = "\"title\":\"Bench " + runId + " offering " + (k + 1) + "\",\"format\":\"ONLINE\",\"creditHours\":"
                    + hours[k] + ",\"creditType\":\"CLOCK_HOUR\",\"category\":\"COURSEWORK\"";
            HttpResponse<String> response = json(grace, "POST", "/api/v1/learning/offerings",
                    "{" + common + ",\"variableCredit\":false,\"lmsCourses\":[{\"lms\":\"" + config.lms + "\",\"courseId\":\""
                            + courseIds[k] + "\"}]}");
            if (response.statusCode() == 400 || response.statusCode() == 500) {
                // 400: the body is refused; 500: the service before the change ignores lmsCourses and then fails on an
                // empty lmsCourseIds. Either way the old body is what it understands.
                int refused = response.statusCode();
                response = json(grace, "POST", "/api/v1/learning/offerings",
                        "{" + common + ",\"lmsCourseIds\":[\"" + courseIds[k] + "\"]}");
                expect(response, 201, "offering (old body)");
                if (!response.body().contains("\"" + courseIds[k] + "\"")) {
                    throw new IllegalStateException("offering (old body) without its course: " + abbreviate(response.body(), 500));
                }
                offeringApi = "old body {lmsCourseIds}, after HTTP " + refused + " to the new body {lmsCourses}";
                return;
            }
            expect(response, 201, "offering");
            if (response.body().contains("\"" + courseIds[k] + "\"")) {
                offeringApi = "new body lmsCourses";
                return;
            }
            // An older service ignores the unknown lmsCourses field: map the course on the offering just made.
            String id = (String) Json.object(response.body()).get("id");
            HttpResponse<String> mapped = json(grace, "POST", "/api/v1/learning/offerings/" + id + "/lms-courses",
                    "{\"lmsCourseId\":\"" + courseIds[k] + "\"}");
            expect(mapped, 200, "mapping " + courseIds[k] + " (old body)");
            if (!mapped.body().contains("\"" + courseIds[k] + "\"")) {
                throw new IllegalStateException("mapping " + courseIds[k] + " not shown: " + abbreviate(mapped.body(), 500));
            }
            offeringApi = "lmsCourses ignored (201 without the course), mapped with old body {lmsCourseId} on POST /offerings/{id}/lms-courses";
        }

        private static void expect(HttpResponse<String> response, int status, String what) {
            if (response.statusCode() != status && !(status == 200 && response.statusCode() / 100 == 2)) {
                throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + abbreviate(response.body(), 500));
            }
        }

        /** Waits until learning-service resolves the last teacher, then checks that every teacher resolves. */
        private void awaitLearners() throws Exception {
            long t0 = System.nanoTime();
            long deadline = t0 + Duration.ofSeconds(config.setupTimeoutSeconds).toNanos();
            while (!resolves(emails[emails.length - 1])) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("learning-service does not resolve " + emails[emails.length - 1]
                            + " after " + config.setupTimeoutSeconds + " s");
                }
                Thread.sleep(250);
            }
            long lastKnown = System.nanoTime() - t0;
            List<String> missing = new ArrayList<>(List.of(emails));
            ExecutorService pool = Executors.newFixedThreadPool(config.clients);
            try {
                while (!missing.isEmpty()) {
                    List<Future<Boolean>> checks = new ArrayList<>();
                    for (String email : missing) {
                        checks.add(pool.submit(() -> resolves(email)));
                    }
                    List<String> still = new ArrayList<>();
                    for (int i = 0; i < checks.size(); i++) {
                        if (!checks.get(i).get()) {
                            still.add(missing.get(i));
                        }
                    }
                    missing = still;
                    if (!missing.isEmpty()) {
                        if (System.nanoTime() - deadline > 0) {
                            throw new IllegalStateException(missing.size() + " teachers still unknown to learning-service");
                        }
                        Thread.sleep(500);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            progress("setup: learning-service resolved the last teacher after " + millis(lastKnown) + " ms, all "
                    + config.teachers + " after " + millis(System.nanoTime() - t0) + " ms");
        }

        private boolean resolves(String email) {
            HttpResponse<String> response = call(lms, "GET", "/api/v1/learning/learners/resolve?email=" + enc(email), null, null);
            if (response.statusCode() == 200) {
                return true;
            }
            if (response.statusCode() == 404) {
                return false;
            }
            throw new IllegalStateException("resolve " + email + ": HTTP " + response.statusCode() + " " + abbreviate(response.body(), 300));
        }
    }

    static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    // ---------------------------------------------------------------- completions

    /**
     * Completions unique by external id and by (educator, offering, UTC day): the n-th one is offering n mod K, teacher
     * (n / K) mod T, and the d-th day (d = n / (K*T)) of that teacher and offering, shifted per pair so that one batch
     * spreads over many days of the 2016-2025 window. For one pair the shift is a bijection of d, so nothing repeats
     * until d reaches the window's length.
     */
    static final class Generator {
        final String runId;
        final Setup setup;
        final AtomicLong next = new AtomicLong();

        Generator(String runId, Setup setup) {
            this.runId = runId;
            this.setup = setup;
        }

        /** Appends the batch's JSON to {@code out}; returns the offering index of each item. */
        int[] batch(int size, StringBuilder out) {
            int[] offerings = new int[size];
            out.append("{\"items\":[");
            int k = setup.courseIds.length;
            int t = setup.emails.length;
            for (int i = 0; i < size; i++) {
                long n = next.getAndIncrement();
                int offering = (int) (n % k);
                int teacher = (int) ((n / k) % t);
                long d = n / ((long) k * t);
                if (d >= WINDOW_DAYS) {
                    throw new IllegalStateException("out of unique completions: raise --teachers or --offerings");
                }
                long day = (d + teacher * 131L + offering * 17L) % WINDOW_DAYS;
                Instant completedAt = WINDOW_FROM.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(8 * 3600 + (n % 36000));
                if (i > 0) {
                    out.append(',');
                }
                out.append("{\"externalId\":\"bench-").append(runId).append('-').append(n)
                        .append("\",\"learner\":{\"email\":\"").append(setup.emails[teacher])
                        .append("\"},\"lmsCourseId\":\"").append(setup.courseIds[offering])
                        .append("\",\"completedAt\":\"").append(completedAt).append("\"}");
                offerings[i] = offering;
            }
            out.append("]}");
            return offerings;
        }
    }

    // ---------------------------------------------------------------- a phase

    static final class PhaseResult {
        String name;
        int batchSize;
        double windowSeconds;
        long requests;            // answered (any status) within the measured window
        long accepted;            // items accepted in those requests
        double[] latencyMs;       // of those requests
        Map<String, AtomicLong> non200 = new TreeMap<>();
        Map<String, AtomicLong> notAccepted = new TreeMap<>();
        long warmupRequests;
        long lateRequests;        // answered after the window closed (not in the rates)
        long acceptedTotal;       // items accepted in every request of the phase, warm-up and late included
        long acceptedHoursTotal;
        long itemsPosted;
    }

    static final class Phase {
        final String name;
        final int batchSize;
        final Generator generator;
        final Tokens lms;

        Phase(String name, int batchSize, Generator generator, Tokens lms) {
            this.name = name;
            this.batchSize = batchSize;
            this.generator = generator;
            this.lms = lms;
        }

        PhaseResult run() throws Exception {
            PhaseResult result = new PhaseResult();
            result.name = name;
            result.batchSize = batchSize;
            Map<String, AtomicLong> non200 = new ConcurrentHashMap<>();
            Map<String, AtomicLong> notAccepted = new ConcurrentHashMap<>();
            List<List<Long>> latencies = new ArrayList<>();
            AtomicLong requests = new AtomicLong(), accepted = new AtomicLong(), warmup = new AtomicLong(),
                    late = new AtomicLong(), acceptedTotal = new AtomicLong(), hoursTotal = new AtomicLong(),
                    posted = new AtomicLong();
            AtomicInteger failures = new AtomicInteger();
            lms.get();
            progress("phase " + name + ": " + config.clients + " clients posting " + batchSize + " item(s) per request, "
                    + config.warmupSeconds + " s warm-up + " + config.durationSeconds + " s measured");
            long start = System.nanoTime();
            long windowStart = start + Duration.ofSeconds(config.warmupSeconds).toNanos();
            long windowEnd = windowStart + Duration.ofSeconds(config.durationSeconds).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(config.clients);
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < config.clients; c++) {
                List<Long> mine = new ArrayList<>();
                latencies.add(mine);
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() - windowEnd < 0) {
                        StringBuilder body = new StringBuilder(batchSize * 190 + 16);
                        int[] offerings = generator.batch(batchSize, body);
                        posted.addAndGet(batchSize);
                        String token = lms.get();
                        HttpRequest request = HttpRequest.newBuilder(URI.create(config.gateway + "/api/v1/learning/completions"))
                                .timeout(Duration.ofSeconds(120))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                        long t0 = System.nanoTime();
                        int status;
                        String answer;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            answer = response.body();
                        } catch (IOException e) {
                            status = -1;
                            answer = e.toString();
                        }
                        long t1 = System.nanoTime();
                        boolean inWindow = t1 - windowStart >= 0 && t1 - windowEnd < 0;
                        boolean beforeWindow = t1 - windowStart < 0;
                        long ok = 0;
                        long okHours = 0;
                        if (status == 200) {
                            List<Object> items = Json.items(answer);
                            for (int i = 0; i < items.size(); i++) {
                                @SuppressWarnings("unchecked")
                                Map<String, Object> item = (Map<String, Object>) items.get(i);
                                String itemStatus = String.valueOf(item.get("status")).toLowerCase(Locale.ROOT);
                                if (itemStatus.equals("accepted")) {
                                    ok++;
                                    okHours += generator.setup.hours[offerings[i]];
                                } else {
                                    String key = itemStatus + (item.get("reason") == null ? "" : " " + item.get("reason"));
                                    long seen = notAccepted.computeIfAbsent(key, x -> new AtomicLong()).getAndIncrement();
                                    if (seen == 0) {
                                        progress("  first " + key + ": " + abbreviate(String.valueOf(item), 300));
                                    }
                                }
                            }
                            if (items.size() != batchSize) {
                                notAccepted.computeIfAbsent("missing from the answer", x -> new AtomicLong())
                                        .addAndGet(batchSize - items.size());
                            }
                        } else {
                            if (status == 401) {
                                lms.invalidate(token);
                            }
                            String key = status == -1 ? "I/O error" : "HTTP " + status;
                            long seen = non200.computeIfAbsent(key, x -> new AtomicLong()).getAndIncrement();
                            if (seen == 0) {
                                progress("  first " + key + ": " + abbreviate(answer, 300));
                            }
                            if (status == -1 && failures.incrementAndGet() > 1000) {
                                throw new IllegalStateException("more than 1000 I/O errors: " + answer);
                            }
                        }
                        acceptedTotal.addAndGet(ok);
                        hoursTotal.addAndGet(okHours);
                        if (inWindow) {
                            requests.incrementAndGet();
                            accepted.addAndGet(ok);
                            mine.add(t1 - t0);
                        } else if (beforeWindow) {
                            warmup.incrementAndGet();
                        } else {
                            late.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            long end = System.nanoTime();
            result.windowSeconds = config.durationSeconds;
            result.requests = requests.get();
            result.accepted = accepted.get();
            List<Long> all = new ArrayList<>();
            latencies.forEach(all::addAll);
            Collections.sort(all);
            result.latencyMs = all.stream().mapToDouble(n -> n / 1e6).toArray();
            non200.forEach((k, v) -> result.non200.put(k, v));
            notAccepted.forEach((k, v) -> result.notAccepted.put(k, v));
            result.warmupRequests = warmup.get();
            result.lateRequests = late.get();
            result.acceptedTotal = acceptedTotal.get();
            result.acceptedHoursTotal = hoursTotal.get();
            result.itemsPosted = posted.get();
            progress(String.format(Locale.ROOT, "phase %s done in %.1f s: %.1f completions/s, %.1f requests/s, p50 %.0f ms, "
                            + "p99 %.0f ms; %d accepted in all (warm-up and late answers included)", name, (end - start) / 1e9,
                    result.accepted / result.windowSeconds, result.requests / result.windowSeconds,
                    percentile(result.latencyMs, 50), percentile(result.latencyMs, 99), result.acceptedTotal));
            return result;
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // ---------------------------------------------------------------- ledger catch-up

    /** Polls HR's credit-hour report for the bench school until its total equals the accepted completions' hours. */
    static final class Catchup {
        final Setup setup;
        final Tokens hr;
        final BigDecimal expected;
        final Instant from;
        BigDecimal first;
        BigDecimal last;
        int polls;
        Double seconds;          // null when never equal
        String outcome = "";
        double firstPollMs;
        int educatorsInReport;

        Catchup(Setup setup, Tokens hr, BigDecimal expected, Instant from) {
            this.setup = setup;
            this.hr = hr;
            this.expected = expected;
            this.from = from;
        }

        Catchup run() throws InterruptedException {
            progress("ledger: polling HR's report for " + expected.toPlainString() + " h");
            long t0 = System.nanoTime();
            long deadline = t0 + Duration.ofSeconds(config.ledgerTimeoutSeconds).toNanos();
            // The CSV download holds the whole school in one response (the JSON report comes in pages).
            String path = "/api/v1/plans/reports/credit-hours.csv?from=" + WINDOW_FROM + "&to=" + WINDOW_TO
                    + "&schoolId=" + setup.schoolId;
            long lastProgress = t0;
            while (true) {
                long p0 = System.nanoTime();
                HttpResponse<String> response = call(hr, "GET", path, null, null);
                polls++;
                if (response.statusCode() != 200) {
                    outcome = "HR report: HTTP " + response.statusCode() + " " + abbreviate(response.body(), 300);
                    progress("ledger: " + outcome);
                } else {
                    // One row per educator and category; hours is the last field, a plain number.
                    BigDecimal total = BigDecimal.ZERO;
                    Set<String> educators = new HashSet<>();
                    for (String row : response.body().split("\r\n")) {
                        if (!row.isEmpty() && !row.startsWith("educator_id,")) {
                            total = total.add(new BigDecimal(row.substring(row.lastIndexOf(',') + 1)));
                            educators.add(row.substring(0, row.indexOf(',')));
                        }
                    }
                    educatorsInReport = educators.size();
                    if (first == null) {
                        first = total;
                        firstPollMs = millis(System.nanoTime() - p0);
                    }
                    last = total;
                    int cmp = total.compareTo(expected);
                    if (cmp == 0) {
                        seconds = (System.nanoTime() - t0) / 1e9;
                        outcome = "equal";
                        progress(String.format(Locale.ROOT, "ledger: %s h after %.1f s", total.toPlainString(), seconds));
                        return this;
                    }
                    if (cmp > 0) {
                        outcome = "MORE hours than the accepted completions carry: " + total.toPlainString() + " > "
                                + expected.toPlainString();
                        progress("ledger: " + outcome);
                        return this;
                    }
                }
                if (System.nanoTime() - deadline > 0) {
                    outcome = "not equal after " + config.ledgerTimeoutSeconds + " s (" + outcome + ")";
                    progress("ledger: " + outcome);
                    return this;
                }
                if (System.nanoTime() - lastProgress > Duration.ofSeconds(15).toNanos()) {
                    progress("ledger: " + last + " of " + expected.toPlainString() + " h");
                    lastProgress = System.nanoTime();
                }
                Thread.sleep(500);
            }
        }
    }

    // ---------------------------------------------------------------- the report

    static String report(String runId, Instant started, String loadStart, String loadEnd, Setup setup,
            List<PhaseResult> results, long accepted, BigDecimal expectedHours, Catchup catchup) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(118) + "\n";
        out.append("INGESTION BENCHMARK  deploy/bench/ingest.sh  (LMS completions through the gateway)\n");
        out.append(rule);
        line(out, "run", runId + ", started " + started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + ", finished " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        line(out, "git commit", config.commit + " (" + config.dirty + "): the tree's, not necessarily what the running "
                + "services were built from; the offerings and LMS binding lines show which API answered");
        line(out, "machine", "nproc " + Runtime.getRuntime().availableProcessors() + ", load average (1/5/15 min) at start "
                + loadStart + ", at end " + loadEnd);
        line(out, "java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ")" + (config.gateway.matches("https?://(localhost|127\\.0\\.0\\.1)(:.*)?")
                        ? "; the load generator shares this machine with the system under test" : ""));
        line(out, "gateway", config.gateway + ", LMS client " + config.lmsClient + " (one token shared by all clients)");
        line(out, "school", setup.schoolSourcedId + " (id " + setup.schoolId + "): " + setup.rosterNote);
        line(out, "offerings", setup.courseIds.length + " (fixed credit " + java.util.Arrays.toString(setup.hours) + " h), "
                + setup.offeringApi);
        line(out, "LMS binding", setup.bindingNote);
        line(out, "completions", "unique by externalId and by (educator, offering, UTC day); days in " + WINDOW_FROM + ".." + WINDOW_TO);
        line(out, "timing", "per phase " + config.warmupSeconds + " s warm-up, then " + config.durationSeconds
                + " s measured; rates and latencies count the requests answered inside the measured window");
        out.append(rule);
        out.append(String.format(Locale.ROOT, "%-7s %6s %7s %14s %10s %9s %9s %9s %9s %8s %9s%n", "phase", "items", "clients",
                "completions/s", "requests/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "non-200", "!accepted"));
        for (PhaseResult r : results) {
            long non200 = r.non200.values().stream().mapToLong(AtomicLong::get).sum();
            long notAccepted = r.notAccepted.values().stream().mapToLong(AtomicLong::get).sum();
            double max = r.latencyMs.length == 0 ? Double.NaN : r.latencyMs[r.latencyMs.length - 1];
            out.append(String.format(Locale.ROOT, "%-7s %6d %7d %14.1f %10.1f %9.1f %9.1f %9.1f %9.1f %8d %9d%n", r.name,
                    r.batchSize, config.clients, r.accepted / r.windowSeconds, r.requests / r.windowSeconds,
                    percentile(r.latencyMs, 50), percentile(r.latencyMs, 95), percentile(r.latencyMs, 99), max, non200,
                    notAccepted));
        }
        out.append(rule);
        for (PhaseResult r : results) {
            out.append(String.format(Locale.ROOT, "%-7s in the window: %d requests, %d completions accepted; whole phase: %d items "
                            + "posted, %d accepted (%d warm-up requests, %d answered after the window)%n", r.name, r.requests,
                    r.accepted, r.itemsPosted, r.acceptedTotal, r.warmupRequests, r.lateRequests));
            out.append("        non-200 answers: " + (r.non200.isEmpty() ? "none" : r.non200) + "\n");
            out.append("        items not accepted: " + (r.notAccepted.isEmpty() ? "none" : r.notAccepted) + "\n");
        }
        out.append(rule);
        String delay = catchup.seconds == null ? "NOT REACHED: " + catchup.outcome
                : String.format(Locale.ROOT, "%.1f s after the last post was answered (%d polls)", catchup.seconds, catchup.polls);
        line(out, "ledger", accepted + " accepted completions = " + expectedHours.toPlainString() + " h expected in HR's report ("
                + WINDOW_FROM + ".." + WINDOW_TO + ", " + catchup.educatorsInReport + " educators)");
        line(out, "catch-up", delay);
        line(out, "", "at the first poll the report showed " + (catchup.first == null ? "nothing" : catchup.first.toPlainString())
                + " h (one report call took " + Math.round(catchup.firstPollMs) + " ms); at the last "
                + (catchup.last == null ? "nothing" : catchup.last.toPlainString()) + " h");
        out.append(rule);
        return out.toString();
    }

    static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "%-12s %s%n", label, text));
    }

    // ---------------------------------------------------------------- a small JSON reader

    /** Just enough JSON: objects as maps, arrays as lists, numbers as BigDecimal. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Object value = parse(text);
            if (!(value instanceof Map)) {
                throw new IllegalStateException("not a JSON object: " + abbreviate(text, 300));
            }
            return (Map<String, Object>) value;
        }

        /** The {@code items} of a batch answer. */
        @SuppressWarnings("unchecked")
        static List<Object> items(String text) {
            Object items = object(text).get("items");
            return items instanceof List ? (List<Object>) items : List.of();
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.i != text.length()) {
                throw new IllegalStateException("trailing JSON at " + json.i);
            }
            return value;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        map.put(key, value());
                        space();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return map;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> list = new ArrayList<>();
                    space();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        space();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return list;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    return new BigDecimal(s.substring(start, i));
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalStateException("expected '" + c + "' at " + i + " in " + abbreviate(s, 200));
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }
    }
}
