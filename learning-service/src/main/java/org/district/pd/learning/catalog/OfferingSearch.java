package org.district.pd.learning.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a catalog search asks for; every part is optional. {@code text} is matched as words (web-search syntax: quoted
 * phrases, {@code or}, {@code -word}); every tag and standard asked for must be present; durations, credit and the
 * average rating are inclusive ranges. {@code scope} narrows to the district's offerings or to schools' offerings.
 */
public record OfferingSearch(String text, List<String> tags, List<Standard> standards, List<Format> formats,
        Integer minMinutes, Integer maxMinutes, BigDecimal minCredit, BigDecimal maxCredit, BigDecimal minRating,
        Scope scope, UUID schoolId, OfferingStatus status) {

    /** Whose offerings: the district's, schools', or both. */
    public enum Scope {
        DISTRICT, SCHOOL, ALL
    }

    /**
     * The search with what the caller sees fixed: the schools (empty: every school) and whether the district's own
     * offerings too (not a principal's drafts: the district's are the district admin's to see).
     */
    public record Visible(OfferingSearch search, Optional<Set<UUID>> schools, boolean district) {
    }
}
