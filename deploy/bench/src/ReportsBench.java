import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HR report benchmark against the running system: the credit-hours and renewal-status reports of the whole district
 * (seeded by reports.sh) through the gateway as hr-connector, streamed as CSV and paged as JSON, with plan-service's
 * resident memory sampled throughout; the same reports for one school show what memory a report needs whatever its
 * size. See README.md.
 */
public class ReportsBench {

    static final String GATEWAY = env("PD_GATEWAY_URL", "http://localhost:8080");
    static final String KEYCLOAK = env("PD_KEYCLOAK_URL", "http://localhost:8180");
    static final Path ROOT = Path.of(env("PD_ROOT", ".")).toAbsolutePath().normalize();
    static final Path PIDS = Path.of(env("PD_STATE_DIR", ROOT.resolve("deploy/local/.run").toString()), "pids");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String started = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path results = Path.of(env("BENCH_RESULTS_DIR", ROOT.resolve("deploy/bench/results").toString()));
        Files.createDirectories(results);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(System.out, copy), true, StandardCharsets.UTF_8);
        long plan = pid("plan-service");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "from=" + today.minusYears(5).plusDays(1) + "&to=" + today;
        String school = env("BENCH_SCHOOL_ID", "");

        out.printf("# HR report benchmark %s%n%n", started);
        out.printf("commit %s (%s), nproc %d, load %s, gateway %s%n", env("BENCH_GIT_COMMIT", "?"),
                env("BENCH_GIT_DIRTY", "?"), Runtime.getRuntime().availableProcessors(), load(), GATEWAY);
        out.printf("%s%n", env("BENCH_DISTRICT", "district: ?"));
        out.printf("plan-service pid %d, RSS %d MiB before the first report%n%n", plan, rssKib(plan) / 1024);
        String token = token();

        out.println("| report (through the gateway, hr-connector) | run | first byte | complete | rows | MB | plan-service"
                + " RSS before → peak |");
        out.println("|---|---|---|---|---|---|---|");
        List<Download> whole = new ArrayList<>();
        for (int run = 1; run <= 2; run++) {
            whole.add(download(out, "credit-hours.csv, whole district, 5 years", run,
                    "/api/v1/plans/reports/credit-hours.csv?" + period, token, plan));
            whole.add(download(out, "renewal-status.csv, whole district", run,
                    "/api/v1/plans/reports/renewal-status.csv", token, plan));
        }
        for (int run = 1; run <= 2; run++) {
            download(out, "credit-hours.csv, one school, 5 years", run,
                    "/api/v1/plans/reports/credit-hours.csv?" + period + "&schoolId=" + school, token, plan);
            download(out, "renewal-status.csv, one school", run,
                    "/api/v1/plans/reports/renewal-status.csv?schoolId=" + school, token, plan);
        }
        out.println();

        out.println("| JSON pages of 500, walked with the cursor | pages | p50 | p95 | max | educators |");
        out.println("|---|---|---|---|---|---|");
        pages(out, "credit-hours, 5 years", "/api/v1/plans/reports/credit-hours?" + period + "&size=500", token);
        pages(out, "renewal-status", "/api/v1/plans/reports/renewal-status?size=500", token);
        pages(out, "renewal-status, status=OVERDUE", "/api/v1/plans/reports/renewal-status?size=500&status=OVERDUE",
                token);
        out.println();

        String raw = env("BENCH_RAW_CREDIT_SECONDS", "");
        if (!raw.isEmpty()) {
            double rawSeconds = Double.parseDouble(raw);
            double best = whole.stream().filter(d -> d.label.startsWith("credit-hours")).mapToDouble(d -> d.seconds)
                    .min().orElse(Double.NaN);
            out.printf("Raw limit: PostgreSQL alone sums the same period's entries per educator and category in %.2f s"
                    + " (psql COPY to /dev/null); the whole CSV through the gateway took %.2f s, x%.2f of that.%n",
                    rawSeconds, best, best / rawSeconds);
        }
        out.printf("load at the end %s%n", load());
        Path file = results.resolve(started + "-reports.txt");
        Files.write(file, copy.toByteArray());
        out.printf("%nwritten to %s%n", ROOT.relativize(file.toAbsolutePath()));
    }

    record Download(String label, double seconds) {
    }

    static Download download(PrintStream out, String label, int run, String path, String token, long plan)
            throws Exception {
        long before = rssKib(plan);
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(rssKib(plan), Math::max);
                sleep(50);
            }
        });
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(get(path, token), HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        long bytes = 0;
        long rows = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            int read;
            while ((read = body.read(buffer)) > 0) {
                if (firstByte == 0) {
                    firstByte = System.nanoTime();
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
            }
        }
        long end = System.nanoTime();
        sampling.set(false);
        sampler.join();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(label + ": HTTP " + response.statusCode());
        }
        double seconds = (end - start) / 1e9;
        out.printf("| %s | %d | %.0f ms | %.2f s | %,d | %.1f | %d → %d MiB |%n", label, run,
                (firstByte - start) / 1e6, seconds, rows - 1, bytes / 1e6, before / 1024, peak.get() / 1024);
        return new Download(label, seconds);
    }

    static void pages(PrintStream out, String label, String path, String token) throws Exception {
        List<Double> times = new ArrayList<>();
        Pattern next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
        Pattern educator = Pattern.compile("\"educatorId\"");
        String cursor = null;
        long educators = 0;
        do {
            String url = cursor == null ? path : path + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(get(url, token), HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(label + ": HTTP " + response.statusCode() + " " + response.body());
            }
            Matcher found = educator.matcher(response.body());
            while (found.find()) {
                educators++;
            }
            Matcher more = next.matcher(response.body());
            cursor = more.find() ? more.group(1) : null;
        } while (cursor != null);
        Collections.sort(times);
        out.printf("| %s | %d | %.0f ms | %.0f ms | %.0f ms | %,d |%n", label, times.size(), pct(times, 50),
                pct(times, 95), times.get(times.size() - 1), educators);
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    static String token() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/district/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=hr-connector&client_secret=hr-connector-secret"))
                .build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!token.find()) {
            throw new IllegalStateException("no token for hr-connector: " + body);
        }
        return token.group(1);
    }

    static long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(PIDS.resolve(service + ".pid")).strip());
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

    /** Writes to two streams: the console and the results file. */
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
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
