package org.district.pd.plan.renewal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.district.pd.plan.renewal.Credit.Span;
import org.district.pd.plan.renewal.RenewalStatus.CategoryHours;
import org.district.pd.plan.renewal.RenewalStatus.Status;

/**
 * The renewal rules applied to one educator's credits. Conversions apply to each sum of a category, credit type and
 * provider, to the hundredth hour, half up; a category counts its approved hours up to its cap; carry-over is the
 * least of the profile's maximum, the hours the previous window's last years count (approved, capped per category)
 * and what the previous window counted beyond its requirement (hours that renewed the last license do not count
 * twice).
 * <p>
 * At risk: hours still needed per remaining month above {@value #AT_RISK_PACE} times the window's steady pace (the
 * requirement spread evenly over the window's months). Overdue: hours still needed after the window's last day.
 */
public final class RenewalRules {

    /** Needing more than one and a half times the steady pace, a teacher is behind enough for HR to step in. */
    public static final String AT_RISK_PACE = "1.5";
    private static final BigDecimal PACE = new BigDecimal(AT_RISK_PACE);
    private static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");

    private RenewalRules() {
    }

    /** The status on {@code today} of a window from {@code start} to {@code end} (both included). */
    public static RenewalStatus evaluate(String code, RenewalProfile profile, LocalDate start, LocalDate end,
            List<Credit> credits, LocalDate today) {
        Map<String, BigDecimal[]> window = byCategory(profile, credits, Span.WINDOW);
        List<CategoryHours> categories = new ArrayList<>();
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal counted = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> category : window.entrySet()) {
            BigDecimal cap = profile.cap(category.getKey());
            BigDecimal approved = category.getValue()[1];
            BigDecimal countedHere = capped(profile, category.getKey(), approved);
            categories.add(new CategoryHours(category.getKey(), hundredths(category.getValue()[0]), hundredths(approved),
                    cap, countedHere));
            earned = earned.add(category.getValue()[0]);
            counted = counted.add(countedHere);
        }
        BigDecimal carryOver = carryOver(profile, credits);
        counted = counted.add(carryOver);
        BigDecimal remaining = positive(profile.requiredHours().subtract(counted));
        BigDecimal perMonth = neededPerMonth(remaining, today, end);
        return new RenewalStatus(code, start, end, hundredths(profile.requiredHours()), hundredths(earned),
                hundredths(counted), carryOver, remaining, perMonth,
                status(profile, start, end, remaining, perMonth, today), categories);
    }

    private static BigDecimal carryOver(RenewalProfile profile, List<Credit> credits) {
        if (profile.carryOver() == null) {
            return BigDecimal.ZERO;
        }
        Map<String, BigDecimal[]> last = byCategory(profile, credits, Span.PREVIOUS_LAST_YEARS);
        Map<String, BigDecimal[]> earlier = byCategory(profile, credits, Span.PREVIOUS_EARLIER);
        BigDecimal lastYears = BigDecimal.ZERO;
        Map<String, BigDecimal> previous = new TreeMap<>();
        for (Map.Entry<String, BigDecimal[]> category : last.entrySet()) {
            lastYears = lastYears.add(capped(profile, category.getKey(), category.getValue()[1]));
            previous.merge(category.getKey(), category.getValue()[1], BigDecimal::add);
        }
        earlier.forEach((category, hours) -> previous.merge(category, hours[1], BigDecimal::add));
        BigDecimal previousCounted = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> category : previous.entrySet()) {
            previousCounted = previousCounted.add(capped(profile, category.getKey(), category.getValue()));
        }
        BigDecimal beyondRequirement = positive(previousCounted.subtract(profile.requiredHours()));
        return positive(profile.carryOver().maxHours().min(lastYears).min(beyondRequirement));
    }

    /** Per category of one span: hours earned [0] and those from approved providers [1]. */
    private static Map<String, BigDecimal[]> byCategory(RenewalProfile profile, List<Credit> credits, Span span) {
        Map<String, BigDecimal[]> categories = new TreeMap<>();
        for (Credit credit : credits) {
            if (credit.span() != span) {
                continue;
            }
            BigDecimal hours = profile.hours(credit.creditType(), credit.units());
            BigDecimal[] sums = categories.computeIfAbsent(credit.category(),
                    category -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            sums[0] = sums[0].add(hours);
            if (profile.approves(credit.provider())) {
                sums[1] = sums[1].add(hours);
            }
        }
        return categories;
    }

    private static Status status(RenewalProfile profile, LocalDate start, LocalDate end, BigDecimal remaining,
            BigDecimal perMonth, LocalDate today) {
        if (remaining.signum() == 0) {
            return Status.ON_TRACK;
        }
        if (today.isAfter(end)) {
            return Status.OVERDUE;
        }
        BigDecimal steadyPace = profile.requiredHours().divide(months(start, end), 4, RoundingMode.HALF_UP);
        return perMonth.compareTo(steadyPace.multiply(PACE)) > 0 ? Status.AT_RISK : Status.ON_TRACK;
    }

    /** Hours still needed per month left in the window, counting today; all of them once the window has ended. */
    private static BigDecimal neededPerMonth(BigDecimal remaining, LocalDate today, LocalDate end) {
        if (remaining.signum() == 0 || today.isAfter(end)) {
            return remaining;
        }
        return remaining.divide(months(today, end), 2, RoundingMode.HALF_UP);
    }

    /** Months from {@code from} through {@code to}, both days included, at the calendar's mean month. */
    private static BigDecimal months(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return BigDecimal.valueOf(days).divide(DAYS_PER_MONTH, 4, RoundingMode.HALF_UP);
    }

    /** What of a category's approved hours counts: up to its cap, never below zero. */
    private static BigDecimal capped(RenewalProfile profile, String category, BigDecimal approved) {
        BigDecimal cap = profile.cap(category);
        return positive(cap == null ? approved : approved.min(cap));
    }

    private static BigDecimal hundredths(BigDecimal hours) {
        return hours.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal positive(BigDecimal hours) {
        return hours.signum() < 0 ? BigDecimal.ZERO.setScale(2) : hours.setScale(2, RoundingMode.HALF_UP);
    }
}
