package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.district.pd.system.Completions.Completion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Nothing lost, nothing counted twice, when processes die with {@code kill -9}: plan-service in the middle of a
 * backlog it is consuming, learning-service and the Kafka broker while an LMS keeps posting batches. The LMS does
 * what a real one does when the platform is down: it posts the same batch again. Every completion it was told is
 * accepted is in the ledger exactly once, and the HR report has exactly those hours.
 */
class NothingLostUnderKillIT {

    private static final int TEACHERS = 50;
    private static final int OFFERINGS = 5;
    private static final String HOURS = "1.5";
    private static final int BATCH_SIZE = 100;
    private static final int BACKLOG_BATCHES = 40;
    private static final int BATCHES_WHILE_KILLING = 10;
    /**
     * The LMS's pace while a part is killed: a batch every so often, as an LMS syncs, rather than all ten in the
     * fraction of a second the platform needs to answer them, so the kill lands part-way through.
     */
    private static final Duration PAUSE_BETWEEN_BATCHES = Duration.ofMillis(300);
    private static final Duration PLATFORM_DOWN_PATIENCE = Duration.ofMinutes(3);

    private final Instant started = Instant.now();
    private final TestDistrict district = new TestDistrict(TEACHERS);
    private final Completions completions = new Completions(district, "KILL", OFFERINGS);
    private final Lms lms = new Lms(PLATFORM_DOWN_PATIENCE, Set.of(502, 503, 504));
    private final Ledger ledger = new Ledger(district);
    private final List<List<Completion>> batches = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Instant> kills = new LinkedHashMap<>();
    private final ExecutorService lmsThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void bringTheSystemBack() {
        lmsThread.shutdownNow();
        LocalRuntime.start();
    }

    @Test
    void everyAcceptedCompletionIsCountedExactlyOnce() throws Exception {
        district.importRoster();
        completions.createOfferings(HOURS);

        // 1. The consumer dies part-way through a backlog: offsets it had not committed are delivered again.
        long stoppedPid = LocalRuntime.livePid("plan-service");
        Instant stoppedAt = LocalRuntime.kill9("plan-service");
        Progress.print("plan-service killed (kill -9, pid %d) at %s, before the backlog is posted", stoppedPid,
                Progress.time(stoppedAt));
        for (int batch = 0; batch < BACKLOG_BATCHES; batch++) {
            postNextBatch();
        }
        long backlog = lms.acceptedCount();
        Process restarting = LocalRuntime.startInBackground();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(ledger::count, counted -> counted >= backlog / 20);
        long pid = LocalRuntime.livePid("plan-service");
        Instant killedAt = LocalRuntime.kill9("plan-service");
        kills.put("plan-service", killedAt);
        restarting.waitFor(2, TimeUnit.MINUTES); // it may well report that plan-service died; the next start revives it
        long countedAtKill = ledger.entries().stream().filter(entry -> entry.recordedAt().isBefore(killedAt)).count();
        Progress.print("plan-service killed (kill -9, pid %d) at %s with %d of the %d backlog completions in the ledger",
                pid, Progress.time(killedAt), countedAtKill, backlog);
        // Part-way is all this needs: some counted, some not. Each consumer applies a poll of up to 500 records in one
        // transaction, so plan-service's four consumers may count half of this backlog with their first polls.
        assertThat(countedAtKill).as("plan-service killed mid-backlog: some but not all of %d counted", backlog)
                .isPositive().isLessThan(backlog);
        LocalRuntime.start();

        // 2. The producer dies while batches arrive: in-flight transactions roll back, unsent outbox rows wait.
        killWhileTheLmsPosts("learning-service");

        // 3. The broker dies while batches arrive: completions are still accepted, the outbox holds them until it is back.
        killWhileTheLmsPosts("kafka");

        // 4. Batches answered before, posted again on purpose: every item must come back duplicate (Lms checks each).
        int repostedBefore = lms.repostedDuplicates();
        List<Integer> reposted = List.of(0, BACKLOG_BATCHES - 1, BACKLOG_BATCHES, batches.size() - 1);
        reposted.forEach(batch -> lms.post(batches.get(batch)));
        assertThat(lms.repostedDuplicates() - repostedBefore).as("re-posted completions answered duplicate")
                .isEqualTo(reposted.size() * BATCH_SIZE);

        // 5. Per completion: the accepted ones are the ledger's entries, each exactly once.
        Map<String, String> accepted = ExactlyOnce.acceptedCompletions(lms);
        assertThat(accepted.keySet()).as("every completion posted was accepted")
                .containsExactlyInAnyOrderElementsOf(completions.all().stream().map(Completion::externalId).toList());
        List<Ledger.Entry> entries = ExactlyOnce.awaitLedger(ledger, accepted.values(), Duration.ofMinutes(2));

        // 6. Per teacher, as HR sees it: the report reaches the expected hours and stays there.
        Map<String, BigDecimal> expected = expectedHours();
        AtomicReference<Map<String, BigDecimal>> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> exact(last, expected));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> exact(last, expected));
        assertThat(last.get()).isEqualTo(expected);

        Map<UUID, Instant> sentAt = LearningRecords.sentAt(entries.stream().map(Ledger.Entry::eventId).toList());
        kills.forEach((part, at) -> Progress.print("at the kill of %s (%s): %s", part, Progress.time(at),
                Flight.at(at, lms.answers(), entries, sentAt)));
        List<String> deadLetterRows = DeadLetters.inDatabases(started);
        List<String> deadLetterRecords = DeadLetters.onTopics(started);
        Progress.print("LMS: %s", lms.summary());
        Progress.print("totals: %d completions posted in %d batches, %d accepted, %d ledger entries, %s hours for %d teachers; "
                + "%d dead_letter rows and %d DLQ records since %s", completions.all().size(), batches.size(), accepted.size(),
                entries.size(), expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), expected.size(),
                deadLetterRows.size(), deadLetterRecords.size(), Progress.time(started));
        assertThat(deadLetterRows).as("dead_letter rows in pd_plan and pd_learning since the test started").isEmpty();
        assertThat(deadLetterRecords).as("records on the DLQ topics since the test started").isEmpty();
    }

    private void killWhileTheLmsPosts(String part) throws Exception {
        int answeredBefore = lms.answeredBatches();
        int failedBefore = lms.failedPosts();
        Future<?> posting = lmsThread.submit(() -> {
            for (int batch = 0; batch < BATCHES_WHILE_KILLING; batch++) {
                postNextBatch();
                Thread.sleep(PAUSE_BETWEEN_BATCHES.toMillis());
            }
            return null;
        });
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> lms.answeredBatches() - answeredBefore >= 3 || posting.isDone());
        long acceptedSoFar = lms.acceptedCount();
        long inLedger = ledger.count();
        long pid = LocalRuntime.livePid(part);
        Instant killedAt = LocalRuntime.kill9(part);
        int answeredAtKill = lms.answeredBatches() - answeredBefore;
        kills.put(part, killedAt);
        Progress.print("%s killed (kill -9, pid %d) at %s after %d of %d batches were answered; just before, %d completions "
                + "were accepted and the ledger held %d of them", part, pid, Progress.time(killedAt), answeredAtKill,
                BATCHES_WHILE_KILLING, acceptedSoFar, inLedger);
        assertThat(answeredAtKill).as("%s killed while the LMS was posting: some but not all batches answered", part)
                .isBetween(1, BATCHES_WHILE_KILLING - 1);
        LocalRuntime.start();
        posting.get(5, TimeUnit.MINUTES);
        Progress.print("%s back; %d posts got no answer meanwhile and were repeated", part, lms.failedPosts() - failedBefore);
    }

    private void postNextBatch() {
        List<Completion> batch = completions.next(BATCH_SIZE);
        batches.add(batch);
        lms.post(batch);
    }

    private Map<String, BigDecimal> expectedHours() {
        Map<String, BigDecimal> expected = new HashMap<>();
        completions.all().forEach(completion -> expected.merge(completion.teacher().educatorId(),
                new BigDecimal(HOURS).setScale(2), BigDecimal::add));
        return expected;
    }

    /** Hours per educator in HR's report; empty while plan-service is down and the gateway answers 502. */
    private Map<String, BigDecimal> reportedHours() {
        Response report = district.hrReport();
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
}
