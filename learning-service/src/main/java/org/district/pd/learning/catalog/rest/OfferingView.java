package org.district.pd.learning.catalog.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.district.pd.learning.catalog.CreditType;
import org.district.pd.learning.catalog.Format;
import org.district.pd.learning.catalog.LmsCourse;
import org.district.pd.learning.catalog.OfferingStatus;
import org.district.pd.learning.catalog.Standard;
import org.district.pd.learning.catalog.persistence.LmsCourseMapping;
import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.persistence.XapiActivityMapping;

/** An offering as the API shows it, with its mappings; maxCreditHours is null for fixed credit. */
public record OfferingView(UUID id, String title, String description, Format format, Integer durationMinutes,
        BigDecimal creditHours, boolean variableCredit, BigDecimal maxCreditHours, CreditType creditType,
        String category, List<String> competencyTags, List<Standard> standards, String subject,
        List<String> gradeBands, List<String> careerStages, String provider, UUID schoolId, Integer requiredSessions,
        OfferingStatus status, Rating rating, List<LmsCourse> lmsCourses, List<String> xapiActivityIds,
        Instant createdAt, Instant publishedAt, Instant retiredAt, Instant updatedAt) {

    /** The average of the stars given, to one decimal, and how many gave them; the average is null before any. */
    public record Rating(BigDecimal average, int count) {
    }

    public static OfferingView of(Offering offering, List<LmsCourseMapping> courses, List<XapiActivityMapping> activities) {
        BigDecimal average = offering.ratingCount == 0 ? null : BigDecimal.valueOf(offering.ratingTotal)
                .divide(BigDecimal.valueOf(offering.ratingCount), 1, RoundingMode.HALF_UP);
        return new OfferingView(offering.id, offering.title, offering.description, offering.format,
                offering.durationMinutes, offering.creditHours, offering.variableCredit, offering.maxCreditHours,
                offering.creditType, offering.category, List.of(offering.competencyTags),
                List.of(offering.standards).stream().map(Standard::valueOf).toList(), offering.subject,
                List.of(offering.gradeBands), List.of(offering.careerStages), offering.provider, offering.schoolId,
                offering.requiredSessions, offering.status, new Rating(average, offering.ratingCount),
                courses.stream().map(LmsCourseMapping::course).toList(),
                activities.stream().map(activity -> activity.activityId).toList(), offering.createdAt,
                offering.publishedAt, offering.retiredAt, offering.updatedAt);
    }
}
