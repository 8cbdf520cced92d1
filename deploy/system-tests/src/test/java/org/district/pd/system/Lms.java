package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.district.pd.platform.testing.Tokens;
import org.district.pd.system.Completions.Completion;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * An LMS integration that does what a real one does when the platform falters: it posts the same batch again until it
 * gets an answer. It remembers what was answered for each completion and fails on an answer that breaks the rules:
 * the first answer for a completion is {@code accepted} (every generated completion is unique); after posts that got
 * no answer it may be {@code accepted} or {@code duplicate}; once answered, a completion is a {@code duplicate} for ever.
 * One batch at a time: {@link #post} is not called from two threads at once.
 */
final class Lms {

    private static final String PATH = "/api/v1/learning/completions";
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    /**
     * The first answer about one completion. {@code seen} is false when that answer was {@code duplicate} after posts
     * that got no answer: one of those posts was accepted, and {@code completionId} is null unless the answer had it.
     */
    record Answer(String completionId, Instant answeredAt, boolean seen) {
    }

    private final Duration patience;
    private final Set<Integer> retried;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failedPosts = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger answeredBatches = new AtomicInteger();
    private final AtomicInteger acceptedOnRetry = new AtomicInteger();
    private final AtomicInteger acceptedUnseen = new AtomicInteger();
    private final AtomicInteger repostedDuplicates = new AtomicInteger();

    /** {@code retried}: the HTTP statuses that mean "no answer, post again"; any other non-200 fails the test. */
    Lms(Duration patience, Set<Integer> retried) {
        this.patience = patience;
        this.retried = Set.copyOf(retried);
    }

    /** Posts the batch until the platform answers it, for at most the patience given. */
    void post(List<Completion> batch) {
        String body = Completions.batch(batch);
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            posts.incrementAndGet();
            String failure;
            try {
                Response response = Gateway.as(Tokens.lmsConnector()).contentType(ContentType.JSON).body(body)
                        .when().post(PATH);
                String answer = response.asString(); // read it all here: a service killed mid-body breaks the read
                if (response.statusCode() == 200) {
                    take(batch, new JsonPath(answer), Instant.now());
                    answeredBatches.incrementAndGet();
                    return;
                }
                assertThat(retried).as("HTTP %d to an LMS post: %s", response.statusCode(), answer)
                        .contains(response.statusCode());
                failure = String.valueOf(response.statusCode());
            } catch (Exception e) {
                if (!brokenConnection(e)) {
                    throw e;
                }
                failure = "connection broken";
            }
            failedPosts.computeIfAbsent(failure, key -> new AtomicInteger()).incrementAndGet();
            batch.stream().map(Completion::externalId).filter(id -> !answers.containsKey(id)).forEach(unanswered::add);
            assertThat(Instant.now()).as("the platform answered no post of a batch for %s", patience).isBefore(deadline);
            sleep(RETRY_PAUSE);
        }
    }

    private void take(List<Completion> batch, JsonPath answer, Instant answeredAt) {
        List<Map<String, Object>> items = answer.getList("items");
        assertThat(items).as("one result per item").hasSize(batch.size());
        for (int n = 0; n < batch.size(); n++) {
            String externalId = batch.get(n).externalId();
            Map<String, Object> item = items.get(n);
            String status = (String) item.get("status");
            String completionId = (String) item.get("completionId");
            assertThat(item.get("externalId")).as("result %d of a batch", n).isEqualTo(externalId);
            Answer before = answers.get(externalId);
            boolean postedWithoutAnswer = unanswered.remove(externalId);
            if (before != null) {
                assertThat(status).as("%s was answered before (%s); posted again it must be a duplicate: %s", externalId,
                        before, item).isEqualTo("duplicate");
                if (completionId != null && before.completionId() != null) {
                    assertThat(completionId).as("completion id of the duplicate %s", externalId).isEqualTo(before.completionId());
                }
                repostedDuplicates.incrementAndGet();
            } else if ("accepted".equals(status)) {
                assertThat(completionId).as("completion id of accepted %s", externalId).isNotNull();
                answers.put(externalId, new Answer(completionId, answeredAt, true));
                if (postedWithoutAnswer) {
                    acceptedOnRetry.incrementAndGet();
                }
            } else {
                assertThat(postedWithoutAnswer)
                        .as("%s is unique by (educator, offering, day) and was never answered, so it must be accepted: %s",
                                externalId, item)
                        .isTrue();
                assertThat(status).as("%s after posts that got no answer: %s", externalId, item).isEqualTo("duplicate");
                answers.put(externalId, new Answer(completionId, answeredAt, false));
                acceptedUnseen.incrementAndGet();
            }
        }
    }

    /** What was answered per external id: every completion answered so far. */
    Map<String, Answer> answers() {
        return Map.copyOf(answers);
    }

    int answeredBatches() {
        return answeredBatches.get();
    }

    /** Completions answered {@code accepted} so far. */
    long acceptedCount() {
        return answers.values().stream().filter(Answer::seen).count();
    }

    int failedPosts() {
        return failedPosts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int failedPosts(int status) {
        AtomicInteger count = failedPosts.get(String.valueOf(status));
        return count == null ? 0 : count.get();
    }

    int repostedDuplicates() {
        return repostedDuplicates.get();
    }

    String summary() {
        Map<String, Integer> failed = new TreeMap<>();
        failedPosts.forEach((status, count) -> failed.put(status, count.get()));
        return ("%d posts for %d answered batches; %d posts got no answer and were repeated %s; %d completions accepted on "
                + "a repeated post, %d accepted by a post whose answer was lost (answered duplicate when posted again), "
                + "%d completions posted again after an answer, all answered duplicate").formatted(posts.get(),
                        answeredBatches.get(), failedPosts(), failed, acceptedOnRetry.get(), acceptedUnseen.get(),
                        repostedDuplicates.get());
    }

    private static boolean brokenConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
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
