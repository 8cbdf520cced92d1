package org.district.pd.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Completions no one posted before: the n-th of a phase is teacher (n / k) mod t, offering n mod k, on a day counted
 * back from 2025-12-31, so that (educator, offering, day), which the service takes as one completion, never repeats
 * and nothing is a duplicate unless the service is wrong. The days lie before every open growth cycle: a backfill of
 * history, which the ledger takes and no plan counts. With {@code --dated=cycle} the days are counted back from
 * yesterday instead, inside the open cycles, so that each completion makes its teacher's plans due for evaluation.
 */
final class Completions {

    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    private final Settings settings;
    private final String prefix;
    private final List<String> courses;
    private final AtomicLong next = new AtomicLong();

    /** {@code courses}: the LMS course ids (JSON batches) or xAPI activity IRIs of the phase's offerings. */
    Completions(Settings settings, String prefix, List<String> courses) {
        this.settings = settings;
        this.prefix = prefix;
        this.courses = courses;
    }

    /** A JSON batch for POST /api/v1/learning/completions. */
    String batch(int size) {
        StringBuilder out = new StringBuilder(size * 200).append("{\"items\":[");
        for (int i = 0; i < size; i++) {
            long n = next.getAndIncrement();
            out.append(i == 0 ? "" : ",").append("{\"externalId\":\"").append(prefix).append('-').append(n)
                    .append("\",\"learner\":{\"email\":\"").append(settings.teacherEmail(teacher(n)))
                    .append("\"},\"lmsCourseId\":\"").append(courses.get(offering(n)))
                    .append("\",\"completedAt\":\"").append(completedAt(n)).append("\"}");
        }
        return out.append("]}").toString();
    }

    /** An array of xAPI 'completed' statements for POST /xapi/statements. */
    String statements(int size) {
        StringBuilder out = new StringBuilder(size * 260).append('[');
        for (int i = 0; i < size; i++) {
            long n = next.getAndIncrement();
            out.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID())
                    .append("\",\"actor\":{\"mbox\":\"mailto:").append(settings.teacherEmail(teacher(n)))
                    .append("\"},\"verb\":{\"id\":\"").append(ADL).append("completed\"},\"object\":{\"id\":\"")
                    .append(courses.get(offering(n))).append("\"},\"timestamp\":\"").append(completedAt(n))
                    .append("\"}");
        }
        return out.append(']').toString();
    }

    private int offering(long n) {
        return (int) (n % courses.size());
    }

    private int teacher(long n) {
        return (int) ((n / courses.size()) % settings.teachers());
    }

    private Instant completedAt(long n) {
        long day = n / ((long) courses.size() * settings.teachers());
        LocalDate last = settings.inCycle() ? LocalDate.now(ZoneOffset.UTC).minusDays(1) : LAST_DAY;
        return last.minusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600 + n % 36_000);
    }
}
