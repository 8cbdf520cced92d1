package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost and nothing dead-lettered when PostgreSQL is gone for more than two minutes, once killed outright
 * ({@code kill -9} of the postmaster) and once stopped cleanly, while an LMS keeps posting, repeating what gets no
 * answer, and events are in flight to plan-service. Only PostgreSQL is restarted: the services ride the outage out.
 */
class PostgresOutageIT {

    /** Each outage: longer than two minutes. */
    private static final Duration OUTAGE = Duration.ofSeconds(130);
    private static final int TEACHERS = 50;
    private static final int OFFERINGS = 5;
    private static final String HOURS = "1.5";
    private static final int BATCH_SIZE = 100;
    /** Batches answered before each stop: a backlog plan-service is still working through when the database goes. */
    private static final int BACKLOG_BATCHES = 20;
    /** Batches answered after each restart before the test goes on. */
    private static final int BATCHES_AFTER = 5;
    private static final Duration PATIENCE = OUTAGE.plus(Duration.ofMinutes(3));
    /** 503: the service is up but its database is not; 502 and 504: the service is down or silent. A 500 fails. */
    private static final Set<Integer> NO_ANSWER = Set.of(502, 503, 504);

    private record Outage(String how, long postmasterPid, Instant stoppedAt, Instant restartedAt) {
    }

    private final Instant started = Instant.now();
    private final TestDistrict district = new TestDistrict(TEACHERS);
    private final Completions completions = new Completions(district, "PGOUT", OFFERINGS);
    private final Lms lms = new Lms(PATIENCE, NO_ANSWER);
    private final Ledger ledger = new Ledger(district);
    private final List<Outage> outages = new ArrayList<>();
    private final AtomicBoolean keepPosting = new AtomicBoolean(true);
    /** Batches the LMS may post: a backlog before each stop and a few after each restart, so the run stays bounded. */
    private final Semaphore batchesAllowed = new Semaphore(0);
    private final ExecutorService lmsThread = Executors.newSingleThreadExecutor();
    private Future<?> posting;
    private Map<String, Long> services;

    @AfterEach
    void bringTheSystemBack() {
        keepPosting.set(false);
        lmsThread.shutdownNow();
        LocalRuntime.start();
    }

    @Test
    void everyAcceptedCompletionReachesTheLedgerOnceAndNothingIsDeadLettered() throws Exception {
        district.importRoster();
        completions.createOfferings(HOURS);
        services = LocalRuntime.servicePids();
        Progress.print("services before the outages: %s", services);

        posting = lmsThread.submit(() -> {
            while (keepPosting.get()) {
                if (batchesAllowed.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    lms.post(completions.next(BATCH_SIZE));
                }
            }
            return null;
        });
        outage("kill -9 of the postmaster", LocalPostgres::kill9);
        outage("clean stop (pg_ctl stop -m fast)", LocalPostgres::stopCleanly);
        keepPosting.set(false);
        join(posting);

        // Posted again after both outages, a batch answered before the first one is all duplicates (Lms checks each).
        int repostedBefore = lms.repostedDuplicates();
        lms.post(completions.all().subList(0, BATCH_SIZE));
        assertThat(lms.repostedDuplicates() - repostedBefore).as("re-posted completions answered duplicate").isEqualTo(BATCH_SIZE);

        Map<String, String> accepted = ExactlyOnce.acceptedCompletions(lms);
        assertThat(accepted.keySet()).as("every completion posted was accepted")
                .containsExactlyInAnyOrderElementsOf(completions.all().stream().map(Completions.Completion::externalId).toList());
        List<Ledger.Entry> entries = ExactlyOnce.awaitLedger(ledger, accepted.values(), Duration.ofMinutes(3));

        Map<UUID, Instant> sentAt = LearningRecords.sentAt(entries.stream().map(Ledger.Entry::eventId).toList());
        Map<Outage, Flight> flights = new LinkedHashMap<>();
        for (Outage outage : outages) {
            Flight flight = Flight.at(outage.stoppedAt(), lms.answers(), entries, sentAt);
            flights.put(outage, flight);
            Progress.print("%s at %s (postmaster pid %d, down %d s): %s; accepted %d before, %d while down or restarting, %d after",
                    outage.how(), Progress.time(outage.stoppedAt()), outage.postmasterPid(),
                    Duration.between(outage.stoppedAt(), outage.restartedAt()).toSeconds(), flight,
                    acceptedBetween(Instant.MIN, outage.stoppedAt()), acceptedBetween(outage.stoppedAt(), outage.restartedAt()),
                    acceptedBetween(outage.restartedAt(), Instant.MAX));
        }

        List<String> deadLetterRows = DeadLetters.inDatabases(started);
        List<String> deadLetterRecords = DeadLetters.onTopics(started);
        Progress.print("LMS: %s", lms.summary());
        Progress.print("totals: %d completions posted, %d accepted, %d ledger entries; %d dead_letter rows and %d DLQ records since %s",
                completions.all().size(), accepted.size(), entries.size(), deadLetterRows.size(), deadLetterRecords.size(),
                Progress.time(started));
        assertThat(deadLetterRows).as("dead_letter rows in pd_plan and pd_learning since the test started").isEmpty();
        assertThat(deadLetterRecords).as("records on the DLQ topics since the test started").isEmpty();
        flights.forEach((outage, flight) -> assertThat(flight.onKafka())
                .as("%s landed while events were on their way to plan-service: %s", outage.how(), flight).isPositive());
    }

    /**
     * Lets the LMS answer a backlog, stops PostgreSQL while it posts on, keeps it down for {@link #OUTAGE}, starts it
     * again and waits for a few more answered batches.
     */
    private void outage(String how, Supplier<Instant> stop) {
        int answered = lms.answeredBatches();
        long acceptedSoFar;
        long inLedger;
        long pid;
        Instant stoppedAt;
        Connection hold = holdPlanServiceBack();
        try {
            batchesAllowed.release(BACKLOG_BATCHES);
            awaitPosting(() -> lms.answeredBatches() - answered >= BACKLOG_BATCHES);
            sleep(Duration.ofSeconds(1)); // learning-service's relay sends the last batches' events meanwhile
            acceptedSoFar = lms.acceptedCount();
            inLedger = ledger.count();
            pid = LocalPostgres.postmasterPid();
            stoppedAt = Instant.now();
            stop.get();
        } finally {
            closeQuietly(hold);
        }
        int failedAtStop = lms.failedPosts();
        batchesAllowed.release(1); // posted while PostgreSQL is down, and posted again until it is answered
        Progress.print("PostgreSQL down: %s (postmaster pid %d) at %s; just before, %d completions were accepted and the "
                + "ledger held %d of this test's entries", how, pid, Progress.time(stoppedAt), acceptedSoFar, inLedger);

        Instant restartAt = stoppedAt.plus(OUTAGE);
        while (Instant.now().isBefore(restartAt)) {
            assertThat(LocalPostgres.listening()).as("PostgreSQL answered at %s, before the outage was over: something else "
                    + "started it", Progress.time(Instant.now())).isFalse();
            checkPosting();
            sleep(Duration.ofMillis(Math.min(5000, Duration.between(Instant.now(), restartAt).toMillis())));
        }
        int failedPosts = lms.failedPosts();
        assertThat(failedPosts - failedAtStop).as("the LMS kept posting while PostgreSQL was down").isPositive();
        Instant restartingAt = Instant.now();
        LocalPostgres.start();
        Instant restartedAt = Instant.now();
        Progress.print("PostgreSQL back at %s after %d s down (start.sh --infra took %d s); LMS posts without an answer so far: %d",
                Progress.time(restartedAt), Duration.between(stoppedAt, restartedAt).toSeconds(),
                Duration.between(restartingAt, restartedAt).toSeconds(), failedPosts);
        assertThat(LocalRuntime.servicePids()).as("the services rode out the outage in the same processes").isEqualTo(services);

        int answeredAfter = lms.answeredBatches();
        batchesAllowed.release(BATCHES_AFTER);
        awaitPosting(() -> lms.answeredBatches() - answeredAfter >= BATCHES_AFTER);
        outages.add(new Outage(how, pid, stoppedAt, restartedAt));
    }

    /**
     * plan-service applies a poll of events with a few statements, faster than one LMS posts them: a lock on its
     * inbox, held until the database goes, keeps its consumers waiting, so the backlog is on Kafka and not yet in the
     * ledger when the outage lands, as it is under a heavier load. The lock dies with the database.
     */
    private static Connection holdPlanServiceBack() {
        Connection connection = ServiceDatabases.open("pd_plan");
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("lock table inbox_event in share mode");
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot lock plan-service's inbox: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException gone) {
            // The database went away under it, as the test intends.
        }
    }

    private long acceptedBetween(Instant from, Instant to) {
        return lms.answers().values().stream()
                .filter(answer -> answer.seen() && !answer.answeredAt().isBefore(from) && answer.answeredAt().isBefore(to))
                .count();
    }

    private void awaitPosting(BooleanSupplier done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            checkPosting();
            assertThat(Instant.now()).as("the LMS got too few answers within %s", PATIENCE).isBefore(deadline);
            sleep(Duration.ofMillis(20));
        }
    }

    /** Fails with the LMS's own failure if it stopped posting. */
    private void checkPosting() {
        if (posting.isDone()) {
            join(posting);
            throw new AssertionError("the LMS stopped posting");
        }
    }

    private static void join(Future<?> future) {
        try {
            future.get(PATIENCE.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the LMS failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("the LMS did not finish its last batch", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
