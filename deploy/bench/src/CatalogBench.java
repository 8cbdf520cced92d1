import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalog search on a district-sized catalog: tops the catalog up to N published offerings through the gateway (as
 * grace), then times teachers' searches (as alice) through the gateway, each query many times, and prints p50, p95
 * and p99 per query. The database's own time for the same queries is measured by catalog.sh with EXPLAIN ANALYZE.
 */
public class CatalogBench {

    static final String GATEWAY = env("PD_GATEWAY_URL", "http://localhost:8080");
    static final String KEYCLOAK = env("PD_KEYCLOAK_URL", "http://localhost:8180");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String[] TOPICS = {"formative assessment", "classroom discourse", "number sense", "literacy",
        "phonics", "writing workshop", "science inquiry", "equity", "restorative practice", "classroom management",
        "differentiation", "english learners", "special education", "digital citizenship", "project based learning",
        "social emotional learning", "data literacy", "coaching", "mentoring", "leadership"};
    static final String[] FORMATS = {"ONLINE", "IN_PERSON", "BLENDED", "MICRO", "WEBINAR", "CONFERENCE", "EXTERNAL"};
    static final String[] STANDARDS = {"LEARNING_DESIGNS", "IMPLEMENTATION", "EVIDENCE", "LEADERSHIP", "RESOURCES"};

    public static void main(String[] args) throws Exception {
        int target = Integer.parseInt(env("BENCH_OFFERINGS", "10000"));
        int repeats = Integer.parseInt(env("BENCH_SEARCHES", "200"));
        Tokens grace = new Tokens("grant_type=password&client_id=pd-web&username=grace&password=demo");
        Tokens alice = new Tokens("grant_type=password&client_id=pd-web&username=alice&password=demo");
        System.out.printf("Catalog search benchmark, %s, commit %s (%s), %d cores, gateway %s%n", Instant.now(),
                env("BENCH_GIT_COMMIT", "?"), env("BENCH_GIT_DIRTY", "?"), Runtime.getRuntime().availableProcessors(),
                GATEWAY);

        int existing = countPublished(grace);
        System.out.printf("published offerings before: %d; target %d%n", existing, target);
        if (existing < target) {
            Instant start = Instant.now();
            create(grace, target - existing);
            System.out.printf("created and published %d offerings in %.1f s%n", target - existing,
                    Duration.between(start, Instant.now()).toMillis() / 1000.0);
        }
        System.out.printf("published offerings now: %d%n%n", countPublished(grace));

        String[][] queries = {
            {"one word, many hits", "q=assessment"},
            {"phrase", "q=" + enc("\"classroom discourse\"")},
            {"two words, any order", "q=" + enc("number sense")},
            {"rare word", "q=phonics+coaching"},
            {"tag", "tag=equity"},
            {"tag and standard", "tag=leadership&standard=IMPLEMENTATION"},
            {"format and short", "format=MICRO&maxMinutes=15"},
            {"words, credit and rating", "q=literacy&minCredit=3&minRating=1"},
            {"no filter, first page", ""},
            {"no filter, page 40", "page=40"},
        };
        System.out.printf("%-28s %8s %8s %8s %8s %6s%n", "search (as alice, size=20)", "hits", "p50 ms", "p95 ms",
                "p99 ms", "errors");
        for (String[] query : queries) {
            time(alice, query[0], "/api/v1/learning/offerings?size=20" + (query[1].isEmpty() ? "" : "&" + query[1]),
                    repeats);
        }
    }

    static void time(Tokens tokens, String label, String path, int repeats) throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        int[] hits = new int[1];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        get(tokens, path);
        for (int i = 0; i < repeats; i++) {
            done.add(pool.submit(() -> {
                long start = System.nanoTime();
                HttpResponse<String> response = get(tokens, path);
                micros.add((System.nanoTime() - start) / 1000);
                if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    hits[0] = count(response.body(), "\"title\"");
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%-28s %8d %8.1f %8.1f %8.1f %6d%n", label, hits[0], pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), errors.get());
    }

    static double pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static void create(Tokens grace, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger made = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                Random random = new Random(n * 7919L + System.nanoTime());
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                String second = TOPICS[random.nextInt(TOPICS.length)];
                String format = FORMATS[random.nextInt(FORMATS.length)];
                int minutes = format.equals("MICRO") ? 5 + random.nextInt(11) : 30 + random.nextInt(600);
                String body = """
                        {"title":"%s %d: %s","description":"Bench offering on %s, with practice on %s.",
                         "format":"%s","durationMinutes":%d,"creditHours":%d,"creditType":"CLOCK_HOUR",
                         "category":"COURSEWORK","competencyTags":["%s","%s"],"standards":["%s"],
                         "provider":"Bench Provider %d"}""".formatted(capital(topic), n, capital(second), topic,
                        second, format, minutes, random.nextInt(10), tag(topic), tag(second),
                        STANDARDS[random.nextInt(STANDARDS.length)], random.nextInt(50));
                HttpResponse<String> created = send(grace, "POST", "/api/v1/learning/offerings", body);
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("create: HTTP " + created.statusCode() + " " + created.body());
                }
                String id = field(created.body(), "id");
                HttpResponse<String> published = send(grace, "POST", "/api/v1/learning/offerings/" + id + "/publish",
                        null);
                if (published.statusCode() != 200) {
                    throw new IllegalStateException("publish: HTTP " + published.statusCode());
                }
                int total = made.incrementAndGet();
                if (total % 1000 == 0) {
                    System.out.printf("  %d created%n", total);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    /** Published offerings, counted by paging the catalog at 200 a page. */
    static int countPublished(Tokens grace) {
        int total = 0;
        for (int page = 0; ; page++) {
            HttpResponse<String> response = get(grace, "/api/v1/learning/offerings?size=200&page=" + page);
            int found = count(response.body(), "\"title\"");
            total += found;
            if (found < 200) {
                return total;
            }
        }
    }

    static String tag(String topic) {
        return topic.replace(' ', '-');
    }

    static String capital(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static int count(String text, String needle) {
        int found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            found++;
        }
        return found;
    }

    static HttpResponse<String> get(Tokens tokens, String path) {
        return send(tokens, "GET", path, null);
    }

    static HttpResponse<String> send(Tokens tokens, String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.get());
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** Password tokens from Keycloak, renewed a minute before they expire. */
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
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    token = field(response.body(), "access_token");
                    renewAt = Instant.now().plusSeconds(Long.parseLong(number(response.body(), "expires_in")) - 60);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("no token from " + KEYCLOAK, e);
                }
            }
            return token;
        }
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    static String number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*([0-9]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
