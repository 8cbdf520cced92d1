package org.district.pd.plan.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an educator stands in their license's renewal window: hours earned (converted, before caps and provider
 * rules), counted (approved providers, capped, plus carry-over), still needed, and the status.
 */
public record RenewalStatus(String profile, LocalDate windowStart, LocalDate windowEnd, BigDecimal requiredHours,
        BigDecimal earnedHours, BigDecimal countedHours, BigDecimal carryOverHours, BigDecimal remainingHours,
        BigDecimal hoursNeededPerMonth, Status status, List<CategoryHours> categories) {

    public enum Status {
        ON_TRACK, AT_RISK, OVERDUE
    }

    /**
     * One category in the window: hours earned, those from approved providers, its cap (null: none) and what counts.
     */
    public record CategoryHours(String category, BigDecimal earnedHours, BigDecimal approvedHours, BigDecimal capHours,
            BigDecimal countedHours) {
    }
}
