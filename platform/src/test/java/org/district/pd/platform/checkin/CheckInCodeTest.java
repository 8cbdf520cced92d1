package org.district.pd.platform.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.district.pd.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The rotating code: RFC 6238's own test vector, the one-step grace for skew, and nothing more. */
class CheckInCodeTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectorsInSixDigits() {
        // RFC 6238 appendix B, SHA-1: 94287082 at 59 s, 07081804 at 1111111109 s, 14050471 at 1111111111 s.
        assertThat(CheckInCode.at(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(CheckInCode.at(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(CheckInCode.at(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
    }

    @Test
    void theCodeRotatesEveryThirtySecondsAndTheOneBeforeIsStillAccepted() {
        Instant stepStart = Instant.ofEpochSecond(1_800_000_000L - 1_800_000_000L % 30);
        String code = CheckInCode.at(RFC_SECRET, stepStart);
        assertThat(CheckInCode.at(RFC_SECRET, stepStart.plusSeconds(29))).isEqualTo(code);
        assertThat(CheckInCode.rotatesAt(stepStart.plusSeconds(29))).isEqualTo(stepStart.plusSeconds(30));
        assertThat(CheckInCode.at(RFC_SECRET, stepStart.plusSeconds(30))).isNotEqualTo(code);

        assertThat(CheckInCode.accepts(RFC_SECRET, code, stepStart)).isTrue();
        assertThat(CheckInCode.accepts(RFC_SECRET, code, stepStart.plusSeconds(59))).isTrue();
        assertThat(CheckInCode.accepts(RFC_SECRET, code, stepStart.plusSeconds(60))).isFalse();
        // A code not shown yet is not accepted early.
        assertThat(CheckInCode.accepts(RFC_SECRET, code, stepStart.minusSeconds(1))).isFalse();
    }

    @Test
    void anotherSessionsCodeIsNotAccepted() {
        byte[] other = "abcdefghijabcdefghij".getBytes(StandardCharsets.US_ASCII);
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        String theirs = CheckInCode.at(other, now);
        assertThat(CheckInCode.accepts(other, theirs, now)).isTrue();
        assertThat(CheckInCode.accepts(RFC_SECRET, theirs, now)).isFalse();
        assertThat(CheckInCode.accepts(RFC_SECRET, "12345", now)).isFalse();
    }

    @Test
    void checkInIsOpenFromFifteenMinutesBeforeTheStartUntilTheEnd() {
        Instant starts = Instant.parse("2026-12-01T15:00:00Z");
        Instant ends = Instant.parse("2026-12-01T16:30:00Z");
        assertThatThrownBy(() -> CheckInCode.requireOpen("meeting", starts, ends,
                Instant.parse("2026-12-01T14:44:59.999Z")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("opens at 2026-12-01T14:45:00Z")
                .hasMessageContaining("before the meeting");
        CheckInCode.requireOpen("meeting", starts, ends, Instant.parse("2026-12-01T14:45:00Z"));
        CheckInCode.requireOpen("meeting", starts, ends, Instant.parse("2026-12-01T16:29:59.999Z"));
        assertThatThrownBy(() -> CheckInCode.requireOpen("meeting", starts, ends,
                Instant.parse("2026-12-01T16:30:00Z")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("closed");
    }
}
