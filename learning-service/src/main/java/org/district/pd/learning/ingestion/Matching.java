package org.district.pd.learning.ingestion;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.LmsCourse;
import org.district.pd.learning.catalog.persistence.LmsCourseMappingRepository;
import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.educator.LearnerIdentityRepository;

import io.smallrye.mutiny.Uni;

/** Resolves learners and LMS courses for many completions with one query for the learners and one per LMS. */
@ApplicationScoped
class Matching {

    private final LearnerIdentityRepository identities;
    private final LmsCourseMappingRepository mappings;

    Matching(LearnerIdentityRepository identities, LmsCourseMappingRepository mappings) {
        this.identities = identities;
        this.mappings = mappings;
    }

    Uni<Resolution> resolve(Collection<LearnerRef> learners, Collection<LmsCourse> courses) {
        return identities.holders(learners.stream().flatMap(learner -> learner.keys().stream()).distinct().toList())
                .flatMap(educators -> offerings(courses).map(offerings -> new Resolution(educators, offerings)));
    }

    private Uni<Map<LmsCourse, Offering>> offerings(Collection<LmsCourse> courses) {
        Map<String, List<String>> byLms = courses.stream().collect(Collectors.groupingBy(LmsCourse::lms, TreeMap::new,
                Collectors.mapping(LmsCourse::courseId, Collectors.collectingAndThen(Collectors.toSet(), List::copyOf))));
        Map<LmsCourse, Offering> found = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> lms : byLms.entrySet()) {
            chain = chain.call(() -> mappings.offeringsOf(lms.getKey(), lms.getValue()).invoke(mapped -> mapped.forEach(
                    course -> found.put(new LmsCourse(lms.getKey(), course.courseId()), course.offering()))));
        }
        return chain.map(done -> found);
    }
}
