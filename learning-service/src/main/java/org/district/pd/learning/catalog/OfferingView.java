package org.district.pd.learning.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An offering as the API shows it, with the LMS course ids mapped to it. */
public record OfferingView(UUID id, String title, Format format, BigDecimal creditHours, CreditType creditType,
        String category, List<String> lmsCourseIds, Instant createdAt) {

    static OfferingView of(Offering offering, List<LmsCourseMapping> mappings) {
        return new OfferingView(offering.id, offering.title, offering.format, offering.creditHours, offering.creditType,
                offering.category, mappings.stream().map(mapping -> mapping.lmsCourseId).toList(), offering.createdAt);
    }
}
