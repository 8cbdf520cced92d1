package org.district.pd.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Offers batches to the gateway and records what came back. Open loop ({@link #offer}): batches leave at a fixed rate
 * whatever the answers do, and a batch's latency counts from when it was due to leave, so a slow system cannot hide
 * its queueing (no coordinated omission); past {@code maxInFlight} unanswered batches a due batch is shed and counted.
 * Closed loop ({@link #flood}): a few clients post back to back, as fast as the system takes them.
 */
final class Load {

    /** How one answer went: the items the service took, and why the others were not. */
    interface Answer {
        int accepted(HttpResponse<String> response);
    }

    private final Http http;
    private final int maxInFlight;

    Load(Http http, int maxInFlight) {
        this.http = http;
        this.maxInFlight = maxInFlight;
    }

    /** Batches of {@code size} items at {@code itemsPerSecond} for {@code seconds}; {@code batch} builds each. */
    Result offer(String name, int itemsPerSecond, int seconds, int size, IntFunction<HttpRequest> batch, Answer answer)
            throws InterruptedException {
        Result result = new Result(name, itemsPerSecond, size, seconds);
        Semaphore inFlight = new Semaphore(maxInFlight);
        long interval = Math.round(1e9 * size / itemsPerSecond);
        long batches = (long) seconds * itemsPerSecond / size;
        result.start = System.nanoTime();
        for (long k = 0; k < batches; k++) {
            long due = result.start + k * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                result.shed(size);
                continue;
            }
            HttpRequest request = batch.apply(size);
            http.sendAsync(request).whenComplete((response, failure) -> {
                try {
                    result.answered(due, System.nanoTime(), size, response, failure, answer);
                } finally {
                    inFlight.release();
                }
            });
        }
        // Every answer, or two minutes at most (the requests' own timeout).
        inFlight.tryAcquire(maxInFlight, 150, TimeUnit.SECONDS);
        result.end = System.nanoTime();
        return result;
    }

    /** {@code clients} post batches back to back until {@code items} were accepted, or {@code stopAfter} went by. */
    Result flood(String name, int clients, long items, int size, IntFunction<HttpRequest> batch, Answer answer,
                 long stopAfterSeconds) throws InterruptedException {
        Result result = new Result(name, 0, size, 0);
        AtomicLong taken = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        result.start = System.nanoTime();
        long deadline = result.start + TimeUnit.SECONDS.toNanos(stopAfterSeconds);
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    while (taken.get() < items && System.nanoTime() < deadline) {
                        long due = System.nanoTime();
                        HttpResponse<String> response = null;
                        Throwable failure = null;
                        try {
                            response = http.send(batch.apply(size));
                        } catch (RuntimeException e) {
                            failure = e;
                        }
                        taken.addAndGet(result.answered(due, System.nanoTime(), size, response, failure, answer));
                    }
                } finally {
                    done.countDown();
                }
            }, name + "-" + c).start();
        }
        done.await();
        result.end = System.nanoTime();
        return result;
    }

    /** A phase's answers: totals, latencies and a line per second for the charts. */
    static final class Result {
        final String name;
        final int offeredPerSecond;
        final int batchSize;
        final int seconds;
        long start;
        long end;
        private final List<long[]> samples = new ArrayList<>(); // due, latency, accepted items, ok (1/0)
        private final Map<String, Long> errors = new TreeMap<>();
        private long shed;

        Result(String name, int offeredPerSecond, int batchSize, int seconds) {
            this.name = name;
            this.offeredPerSecond = offeredPerSecond;
            this.batchSize = batchSize;
            this.seconds = seconds;
        }

        synchronized void shed(int size) {
            shed++;
            errors.merge("shed (over " + size + "-item batches in flight)", 1L, Long::sum);
        }

        int answered(long due, long done, int size, HttpResponse<String> response, Throwable failure, Answer answer) {
            int accepted = 0;
            String error = null;
            if (failure != null) {
                error = failure.getClass().getSimpleName();
            } else if (response.statusCode() / 100 != 2) {
                error = "HTTP " + response.statusCode();
            } else {
                accepted = answer.accepted(response);
                if (accepted < size) {
                    error = "items not accepted";
                }
            }
            synchronized (this) {
                samples.add(new long[] {due, done - due, accepted, error == null ? 1 : 0});
                if (error != null) {
                    errors.merge(error, error.startsWith("items") ? (long) size - accepted : 1L, Long::sum);
                }
            }
            return accepted;
        }

        synchronized long accepted() {
            return samples.stream().mapToLong(s -> s[2]).sum();
        }

        synchronized long requests() {
            return samples.size();
        }

        synchronized long failedRequests() {
            return samples.stream().filter(s -> s[3] == 0).count() + shed;
        }

        synchronized Map<String, Long> errors() {
            return new TreeMap<>(errors);
        }

        /** Accepted items per second over the phase: from its first due batch to its last answer. */
        double acceptedPerSecond() {
            return accepted() / ((end - start) / 1e9);
        }

        synchronized double latencyMillis(double percentile) {
            long[] latencies = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
            return Percentiles.of(latencies, percentile) / 1e6;
        }

        /** Per second from the start: items accepted in the answers of that second, and their p50 and p99. */
        synchronized List<double[]> perSecond() {
            Map<Long, List<long[]>> bySecond = new TreeMap<>();
            for (long[] s : samples) {
                bySecond.computeIfAbsent((s[0] + s[1] - start) / 1_000_000_000L, k -> new ArrayList<>()).add(s);
            }
            List<double[]> rows = new ArrayList<>();
            bySecond.forEach((second, list) -> {
                long[] latencies = list.stream().mapToLong(s -> s[1]).sorted().toArray();
                rows.add(new double[] {second, list.stream().mapToLong(s -> s[2]).sum(),
                        Percentiles.of(latencies, 50) / 1e6, Percentiles.of(latencies, 99) / 1e6});
            });
            return rows;
        }
    }

    /** Nearest-rank percentiles of sorted values. */
    static final class Percentiles {
        private Percentiles() {
        }

        static long of(long[] sorted, double percentile) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
        }
    }
}
