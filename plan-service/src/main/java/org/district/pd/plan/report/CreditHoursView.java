package org.district.pd.plan.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One page of the credit-hours report as JSON; {@code schoolId} is the school asked for, null for the caller's whole
 * scope, and {@code nextCursor} (null on the last page) asks for the next page.
 */
public record CreditHoursView(LocalDate from, LocalDate to, UUID schoolId, List<EducatorHours> educators,
        String nextCursor) {
}
