package org.district.pd.community.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.district.pd.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** RRULE expansion in the district's zone, and the rules a series must keep. */
class RecurrenceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void everyOtherMonthOnTheSecondTuesdayKeepsItsLocalTimeAcrossDaylightSaving() {
        // 15:30 in New York on Tuesday 12 January 2027 (EST, UTC-5).
        Instant first = Instant.parse("2027-01-12T20:30:00Z");
        List<Instant> starts = Recurrence.starts(Recurrence.parse("recurrence",
                "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=4"), first, NEW_YORK, 60, "recurrence");
        // 9 March is still EST (daylight saving begins on 14 March 2027); May and July are EDT (UTC-4): 15:30 local.
        assertThat(starts).containsExactly(first, Instant.parse("2027-03-09T20:30:00Z"),
                Instant.parse("2027-05-11T19:30:00Z"), Instant.parse("2027-07-13T19:30:00Z"));
    }

    @Test
    void anOpenEndedRuleIsScheduledForTwoYearsAndAnRrulePrefixIsAccepted() {
        Instant first = Instant.parse("2027-01-12T20:30:00Z");
        List<Instant> starts = Recurrence.starts(Recurrence.parse("recurrence", "RRULE:FREQ=MONTHLY;INTERVAL=2"),
                first, NEW_YORK, 60, "recurrence");
        // The 12th of every other month, January 2027 to November 2028; January 2029, two years on, is beyond it.
        assertThat(starts).hasSize(12).first().isEqualTo(first);
        assertThat(starts.get(11)).isEqualTo(Instant.parse("2028-11-12T20:30:00Z"));
    }

    @Test
    void rulesThatAreNotRrulesOrMeetTooOftenAreRefusedNamingTheField() {
        Instant first = Instant.parse("2027-01-12T20:30:00Z");
        assertThatThrownBy(() -> Recurrence.parse("recurrence", "every other month"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("RFC 5545 RRULE");
        assertThatThrownBy(() -> Recurrence.parse("recurrence", "FREQ=HOURLY;COUNT=3"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("at most daily");
        assertThatThrownBy(() -> Recurrence.parse("recurrence", "FREQ=WEEKLY;BYHOUR=9"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("BYHOUR");
        assertThatThrownBy(() -> Recurrence.starts(Recurrence.parse("recurrence", "FREQ=DAILY"), first, NEW_YORK, 60,
                "recurrence")).isInstanceOf(ProblemException.class).hasMessageContaining("more than 60 meetings");
        assertThatThrownBy(() -> Recurrence.starts(Recurrence.parse("recurrence",
                "FREQ=MONTHLY;UNTIL=20260101T000000Z"), first, NEW_YORK, 60, "recurrence"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Recurrence.starts(Recurrence.parse("recurrence",
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), first, NEW_YORK, 60, "recurrence"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("schedules no meeting");
        ProblemException refused = (ProblemException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Recurrence.parse("recurrence", "FREQ=SOMETIMES"));
        assertThat(refused.violations()).extracting(v -> v.field()).containsExactly("recurrence");
    }
}
