package org.district.pd.plan.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How often a pathway's cycles recur: periods of a semester (6 months), a quarter (3 months), a school year, or
 * {@code weeks} weeks, one after the other from the {@code anchor} date (UTC days).
 */
public record Cadence(Kind kind, Integer weeks, LocalDate anchor) {

    public enum Kind {
        SEMESTER, QUARTER, SCHOOL_YEAR, WEEKS
    }

    /** The first day of period {@code index}; period 0 begins on the anchor, and negative ones before it. */
    public LocalDate periodStart(long index) {
        return switch (kind) {
            case SEMESTER -> anchor.plusMonths(6 * index);
            case QUARTER -> anchor.plusMonths(3 * index);
            case SCHOOL_YEAR -> anchor.plusYears(index);
            case WEEKS -> anchor.plusWeeks(weeks * index);
        };
    }

    /** The index of the period {@code time} falls in. */
    public long periodOf(Instant time) {
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        long index = switch (kind) {
            case SEMESTER -> Math.floorDiv(months(day), 6);
            case QUARTER -> Math.floorDiv(months(day), 3);
            case SCHOOL_YEAR -> Math.floorDiv(months(day), 12);
            case WEEKS -> Math.floorDiv(java.time.temporal.ChronoUnit.DAYS.between(anchor, day), 7L * weeks);
        };
        // Month arithmetic clamps the day of month (31 Aug + 6 months is 28 Feb); step to the period that holds it.
        while (periodStart(index).isAfter(day)) {
            index--;
        }
        while (!periodStart(index + 1).isAfter(day)) {
            index++;
        }
        return index;
    }

    public Instant startOf(long index) {
        return periodStart(index).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private long months(LocalDate day) {
        return java.time.temporal.ChronoUnit.MONTHS.between(anchor, day);
    }
}
