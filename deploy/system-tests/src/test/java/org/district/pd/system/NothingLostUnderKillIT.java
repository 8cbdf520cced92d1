package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Nothing lost, nothing counted twice, when services die with {@code kill -9}: plan-service in the middle of a
 * backlog it is consuming, learning-service while an LMS keeps posting batches. The LMS does what a real one does
 * when the platform is down: it posts the same batch again. Every completion it was told is accepted ends up in the
 * HR report exactly once.
 */
class NothingLostUnderKillIT {

    private static final int TEACHERS = 20;
    private static final int BATCH_SIZE = 100;
    private static final String HOURS = "1.5";
    private static final Duration PLATFORM_DOWN_PATIENCE = Duration.ofMinutes(3);

    private final TestDistrict district = new TestDistrict(TEACHERS);
    private final String course = "SYS-KILL-" + district.suffix;
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger repeatedPosts = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final ExecutorService lms = Executors.newSingleThreadExecutor();

    @AfterEach
    void bringTheSystemBack() {
        lms.shutdownNow();
        LocalRuntime.start();
    }

    @Test
    void everyAcceptedCompletionIsCountedExactlyOnce() throws Exception {
        district.importRoster();
        district.createOffering(course, HOURS, "COURSEWORK");

        // 1. The consumer dies part-way through a backlog: offsets it had not committed are delivered again.
        LocalRuntime.kill9("plan-service");
        for (int batch = 0; batch < 40; batch++) {
            postUntilAnswered();
        }
        BigDecimal backlog = expectedTotal();
        Process restarting = LocalRuntime.startInBackground();
        BigDecimal countedAtKill = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(this::reportedTotal, total -> total.multiply(BigDecimal.TEN).compareTo(backlog) >= 0);
        LocalRuntime.kill9("plan-service");
        restarting.waitFor(2, TimeUnit.MINUTES); // it may well report that plan-service died; the next start revives it
        System.out.printf("plan-service killed with %s of %s backlog hours counted%n", countedAtKill, backlog);
        LocalRuntime.start();

        // 2. The producer dies while batches arrive: in-flight transactions roll back, unsent outbox rows wait.
        killWhileTheLmsPosts("learning-service");

        // 3. The broker dies while batches arrive: completions are still accepted, the outbox holds them until it is back.
        killWhileTheLmsPosts("kafka");

        // 4. Each accepted completion counted once: the report reaches the expected hours and stays there.
        Map<String, BigDecimal> expected = expectedHours();
        AtomicReference<Map<String, BigDecimal>> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> exact(last, expected));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> exact(last, expected));
        assertThat(last.get()).isEqualTo(expected);
    }

    private void killWhileTheLmsPosts(String part) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        int repeatedBefore = repeatedPosts.get();
        int duplicatesBefore = duplicates.get();
        Future<?> posting = lms.submit(() -> {
            for (int batch = 0; batch < 10; batch++) {
                postUntilAnswered();
                answered.incrementAndGet();
            }
        });
        await().atMost(Duration.ofMinutes(1)).until(() -> answered.get() >= 3 || posting.isDone());
        int answeredAtKill = answered.get();
        LocalRuntime.kill9(part);
        LocalRuntime.start();
        posting.get(5, TimeUnit.MINUTES);
        System.out.printf("%s killed after %d of 10 batches; %d posts were repeated, %d items came back duplicate%n", part,
                answeredAtKill, repeatedPosts.get() - repeatedBefore, duplicates.get() - duplicatesBefore);
    }

    /** Posts the next batch until the platform answers it; 502-504 mean "down", the same batch goes again. */
    private void postUntilAnswered() {
        int first = completions.getAndAdd(BATCH_SIZE);
        String batch = batch(first);
        Instant deadline = Instant.now().plus(PLATFORM_DOWN_PATIENCE);
        while (true) {
            Response response = Gateway.as(Tokens.lmsConnector()).contentType(ContentType.JSON).body(batch)
                    .when().post("/api/v1/learning/completions");
            if (response.statusCode() == 200) {
                List<String> statuses = response.jsonPath().getList("items.status");
                assertThat(statuses).hasSize(BATCH_SIZE).allMatch(status -> status.equals("accepted") || status.equals("duplicate"));
                duplicates.addAndGet((int) statuses.stream().filter("duplicate"::equals).count());
                return;
            }
            assertThat(response.statusCode()).as(response.asString()).isBetween(502, 504);
            assertThat(Instant.now()).as("the platform stayed down").isBefore(deadline);
            repeatedPosts.incrementAndGet();
            sleep(Duration.ofMillis(250));
        }
    }

    private String batch(int first) {
        StringJoiner items = new StringJoiner(",", "{\"items\":[", "]}");
        for (int n = first; n < first + BATCH_SIZE; n++) {
            items.add("""
                    {"externalId":"kill-%s-%d","learner":{"email":"%s"},"lmsCourseId":"%s","completedAt":"2026-10-%02dT15:00:00Z"}"""
                    .formatted(district.suffix, n, teacher(n).email(), course, 1 + n % 28));
        }
        return items.toString();
    }

    private TestDistrict.Teacher teacher(int completion) {
        return district.teachers.get(completion % TEACHERS);
    }

    private Map<String, BigDecimal> expectedHours() {
        Map<String, BigDecimal> expected = new HashMap<>();
        for (int n = 0; n < completions.get(); n++) {
            expected.merge(teacher(n).educatorId(), new BigDecimal(HOURS).setScale(2), BigDecimal::add);
        }
        return expected;
    }

    private BigDecimal expectedTotal() {
        return new BigDecimal(HOURS).multiply(BigDecimal.valueOf(completions.get()));
    }

    private BigDecimal reportedTotal() {
        return reportedHours().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Hours per educator in HR's report; empty while plan-service is down and the gateway answers 502. */
    private Map<String, BigDecimal> reportedHours() {
        Response report = district.hrReport("json");
        if (report.statusCode() != 200) {
            return Map.of();
        }
        return TestDistrict.totalHours(report.jsonPath()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().setScale(2, RoundingMode.UNNECESSARY)));
    }

    private boolean exact(AtomicReference<Map<String, BigDecimal>> last, Map<String, BigDecimal> expected) {
        last.set(reportedHours());
        return last.get().equals(expected);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
