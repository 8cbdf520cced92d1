package org.district.pd.community.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import org.district.pd.platform.problem.ProblemException;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Expands an RFC 5545 RRULE ("FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6": the second Tuesday of every other month)
 * from a first start, in the district's time zone: a meeting at 15:30 stays at 15:30 local time across daylight
 * saving. A rule meets at most once a day, and a series holds at most {@code max} meetings within {@link #HORIZON}.
 */
public final class Recurrence {

    /** How far ahead a series is scheduled (exclusive); a rule without COUNT or UNTIL stops here. */
    public static final java.time.Duration HORIZON = java.time.Duration.ofDays(731);

    private Recurrence() {
    }

    /** The parsed rule, or a 400 naming {@code field}. */
    public static RecurrenceRule parse(String field, String rule) {
        String text = rule.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        RecurrenceRule parsed;
        try {
            parsed = new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be an RFC 5545 RRULE such as FREQ=MONTHLY;INTERVAL=2 "
                    + "(every other month)");
        }
        Freq freq = parsed.getFreq();
        if (freq == Freq.HOURLY || freq == Freq.MINUTELY || freq == Freq.SECONDLY) {
            throw ProblemException.invalid(field, "meets at most daily: FREQ is DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        if (parsed.hasPart(RecurrenceRule.Part.BYHOUR) || parsed.hasPart(RecurrenceRule.Part.BYMINUTE)
                || parsed.hasPart(RecurrenceRule.Part.BYSECOND)) {
            throw ProblemException.invalid(field, "takes its time of day from startsAt; BYHOUR, BYMINUTE and "
                    + "BYSECOND are not used");
        }
        return parsed;
    }

    /** The starts of the series' meetings: the first start, then the rule's, up to the horizon or {@code max}. */
    public static List<Instant> starts(RecurrenceRule rule, Instant first, ZoneId zone, int max, String field) {
        Instant horizon = first.plus(HORIZON);
        RecurrenceRuleIterator iterator;
        try {
            iterator = rule.iterator(first.toEpochMilli(), TimeZone.getTimeZone(zone));
        } catch (RuntimeException neverOccurs) {
            throw neverOccurs(field);
        }
        List<Instant> starts = new ArrayList<>();
        while (hasNext(iterator, field)) {
            Instant next = Instant.ofEpochMilli(iterator.nextMillis());
            if (!next.isBefore(horizon)) {
                break;
            }
            if (starts.size() == max) {
                throw ProblemException.invalid(field, "schedules more than " + max + " meetings within two years; "
                        + "add COUNT or UNTIL, or schedule the series in parts");
            }
            starts.add(next);
        }
        if (starts.isEmpty()) {
            throw ProblemException.invalid(field, "schedules no meeting from startsAt on");
        }
        return starts;
    }

    /** A rule that can never occur (the 30th of February) makes the library give up: that is the rule's fault. */
    private static boolean hasNext(RecurrenceRuleIterator iterator, String field) {
        try {
            return iterator.hasNext();
        } catch (RuntimeException neverOccurs) {
            throw neverOccurs(field);
        }
    }

    private static ProblemException neverOccurs(String field) {
        return ProblemException.invalid(field, "schedules no meeting: no date matches the rule");
    }
}
