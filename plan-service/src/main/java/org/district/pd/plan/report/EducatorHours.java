package org.district.pd.plan.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/**
 * One active educator's credit hours in a report period, in total and by ledger category, with where they stand in
 * their license's renewal window today (ON_TRACK, AT_RISK, OVERDUE, or NO_LICENSE).
 */
public record EducatorHours(UUID educatorId, String sourcedId, String givenName, String familyName, String email,
        List<UUID> schoolIds, BigDecimal totalHours, SortedMap<String, BigDecimal> hoursByCategory,
        String renewalStatus) {

    EducatorHours withRenewalStatus(String status) {
        return new EducatorHours(educatorId, sourcedId, givenName, familyName, email, schoolIds, totalHours,
                hoursByCategory, status);
    }
}
