package org.district.pd.learning.ingestion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.district.pd.learning.catalog.LmsCourse;
import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.educator.LearnerIdentity.Key;

/** What a set of reported completions resolved to: educators by identity and offerings by LMS course. */
record Resolution(Map<Key, UUID> educators, Map<LmsCourse, Offering> offerings) {

    /**
     * Every identity the LMS gave that the roster knows must name the same educator; unknown ones are ignored, as an
     * LMS may know a learner by an account the roster does not list yet.
     */
    LearnerMatch learner(LearnerRef learner) {
        Map<Key, UUID> known = new LinkedHashMap<>();
        learner.keys().forEach(key -> {
            UUID educator = educators.get(key);
            if (educator != null) {
                known.put(key, educator);
            }
        });
        if (known.isEmpty()) {
            return LearnerMatch.UNKNOWN;
        }
        if (known.values().stream().distinct().count() == 1) {
            return LearnerMatch.of(known.values().iterator().next());
        }
        return LearnerMatch.conflicting(known.entrySet().stream()
                .map(entry -> LearnerRef.describe(entry.getKey()) + " is educator " + entry.getValue())
                .collect(Collectors.joining(", ")));
    }

    Optional<Offering> offering(String lms, String courseId) {
        return Optional.ofNullable(offerings.get(new LmsCourse(lms, courseId)));
    }
}
