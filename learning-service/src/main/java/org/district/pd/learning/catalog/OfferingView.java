package org.district.pd.learning.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An offering as the API shows it, with the LMS courses mapped to it; maxCreditHours is null for fixed credit. */
public record OfferingView(UUID id, String title, Format format, BigDecimal creditHours, boolean variableCredit,
        BigDecimal maxCreditHours, CreditType creditType, String category, List<LmsCourse> lmsCourses,
        Instant createdAt) {

    static OfferingView of(Offering offering, List<LmsCourseMapping> mappings) {
        return new OfferingView(offering.id, offering.title, offering.format, offering.creditHours,
                offering.variableCredit, offering.maxCreditHours, offering.creditType, offering.category,
                mappings.stream().map(LmsCourseMapping::course).toList(), offering.createdAt);
    }
}
