package org.district.pd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The bench's own arithmetic: what its figures are computed from, without the system. */
class BenchArithmeticTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;
    /** An answer with status 200: all {@link Load.Result#answered} reads of it. */
    @SuppressWarnings("unchecked")
    private static final HttpResponse<String> OK = (HttpResponse<String>) Proxy.newProxyInstance(
            HttpResponse.class.getClassLoader(), new Class<?>[] {HttpResponse.class},
            (proxy, method, args) -> method.getName().equals("statusCode") ? 200 : null);

    @Test
    void percentilesAreNearestRank() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray();
        assertThat(Load.Percentiles.of(hundred, 50)).isEqualTo(50);
        assertThat(Load.Percentiles.of(hundred, 99)).isEqualTo(99);
        assertThat(Load.Percentiles.of(hundred, 100)).isEqualTo(100);
        assertThat(Load.Percentiles.of(new long[] {7, 9, 40}, 50)).isEqualTo(9);
        assertThat(Load.Percentiles.of(new long[] {7, 9, 40}, 99)).isEqualTo(40);
        assertThat(Load.Percentiles.of(new long[] {5}, 1)).isEqualTo(5);
        assertThat(Load.Percentiles.of(new long[0], 99)).isZero();
    }

    /**
     * Latency counts from when a batch was due, not from when it left (open loop); a failed or partly accepted batch
     * is a failure; shed batches are failures too; throughput is items accepted over the phase's real length.
     */
    @Test
    void aPhaseCountsFromDueTimesAndFailsWhatWasNotWhollyAccepted() {
        Load.Result result = new Load.Result("test", 300, 100, 2);
        result.start = 0;
        Load.Answer all = response -> 100;
        result.answered(0, 100 * MILLI, 100, OK, null, all);
        result.answered(SECOND / 3, SECOND / 3 + 300 * MILLI, 100, OK, null, all);
        result.answered(SECOND, SECOND + 50 * MILLI, 100, OK, null, response -> 60);
        result.answered(SECOND + SECOND / 2, 3 * SECOND, 100, null, new IOException("reset"), all);
        result.shed(100);
        result.end = 4 * SECOND;

        assertThat(result.accepted()).isEqualTo(260);
        assertThat(result.requests()).isEqualTo(4);
        assertThat(result.failedRequests()).isEqualTo(3);
        assertThat(result.errors()).containsEntry("items not accepted", 40L).containsEntry("IOException", 1L)
                .containsEntry("shed (over 100-item batches in flight)", 1L);
        assertThat(result.acceptedPerSecond()).isEqualTo(65.0);
        assertThat(result.latencyMillis(50)).isEqualTo(100.0);
        assertThat(result.latencyMillis(100)).isEqualTo(1500.0);
        List<double[]> perSecond = result.perSecond();
        assertThat(perSecond).hasSize(3);
        assertThat(perSecond.get(0)).containsExactly(0, 200, 100, 300);
        assertThat(perSecond.get(1)).containsExactly(1, 60, 50, 50);
        assertThat(perSecond.get(2)).containsExactly(3, 0, 1500, 1500);
    }

    /** Every generated completion is new to the system: its external id, and its teacher, offering and day. */
    @Test
    void completionsNeverRepeatAnExternalIdOrATeachersOfferingOnADay() {
        Settings settings = Settings.of(Map.of("teachers", "7"));
        Completions completions = new Completions(settings, "run-x", List.of("A", "B", "C"));
        Pattern item = Pattern.compile("\"externalId\":\"([^\"]+)\",\"learner\":\\{\"email\":\"([^\"]+)\"\\},"
                + "\"lmsCourseId\":\"([^\"]+)\",\"completedAt\":\"(\\d{4}-\\d\\d-\\d\\d)T");
        Set<String> ids = new HashSet<>();
        Set<String> completed = new HashSet<>();
        Set<String> teachers = new HashSet<>();
        int items = 0;
        for (int batch = 0; batch < 10; batch++) {
            Matcher matcher = item.matcher(completions.batch(25));
            while (matcher.find()) {
                items++;
                ids.add(matcher.group(1));
                teachers.add(matcher.group(2));
                completed.add(matcher.group(2) + " " + matcher.group(3) + " " + matcher.group(4));
            }
        }
        assertThat(items).isEqualTo(250);
        assertThat(ids).hasSize(250);
        assertThat(completed).hasSize(250);
        assertThat(teachers).hasSize(7).contains("nyc-t000001@nyc.example", "nyc-t000007@nyc.example");
    }
}
