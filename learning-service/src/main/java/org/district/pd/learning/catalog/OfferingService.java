package org.district.pd.learning.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Catalog rules: credit is fixed or capped, a course of one LMS maps to one offering, and a new mapping releases the
 * completions that LMS's clients reported for it.
 */
@ApplicationScoped
public class OfferingService {

    private final OfferingRepository offerings;
    private final LmsCourseMappingRepository mappings;
    private final CoursesMapped coursesMapped;

    OfferingService(OfferingRepository offerings, LmsCourseMappingRepository mappings, CoursesMapped coursesMapped) {
        this.offerings = offerings;
        this.mappings = mappings;
        this.coursesMapped = coursesMapped;
    }

    @WithTransaction
    public Uni<OfferingView> create(NewOffering request) {
        requireConsistentCredit(request);
        List<LmsCourse> courses = request.lmsCoursesOrEmpty().stream().distinct().toList();
        Offering offering = new Offering();
        offering.id = UUID.randomUUID();
        offering.title = request.title().strip();
        offering.format = request.format();
        offering.creditHours = request.creditHours();
        offering.variableCredit = request.variable();
        offering.maxCreditHours = request.variable() ? request.maxCreditHours() : null;
        offering.creditType = request.creditType();
        offering.category = request.category();
        offering.createdAt = Instant.now();
        return requireUnmapped(courses)
                .flatMap(free -> offerings.persist(offering))
                .flatMap(saved -> map(offering.id, courses))
                .call(saved -> mappings.flush())
                .call(saved -> coursesMapped.coursesMapped(courses))
                .map(saved -> OfferingView.of(offering, saved));
    }

    @WithTransaction
    public Uni<OfferingView> addLmsCourse(UUID offeringId, LmsCourse course) {
        return find(offeringId)
                .call(offering -> requireUnmapped(List.of(course)))
                .call(offering -> map(offeringId, List.of(course)))
                .call(offering -> mappings.flush())
                .call(offering -> coursesMapped.coursesMapped(List.of(course)))
                .flatMap(offering -> mappings.findByOffering(offeringId).map(all -> OfferingView.of(offering, all)));
    }

    @WithSession
    public Uni<OfferingView> get(UUID offeringId) {
        return find(offeringId).flatMap(offering -> mappings.findByOffering(offeringId)
                .map(all -> OfferingView.of(offering, all)));
    }

    @WithSession
    public Uni<List<OfferingView>> list(int page, int size) {
        return offerings.find("order by title, id").page(page, size).list()
                .flatMap(found -> mappings.findByOfferings(found.stream().map(offering -> offering.id).toList())
                        .map(all -> found.stream().map(offering -> OfferingView.of(offering,
                                all.stream().filter(mapping -> mapping.offeringId.equals(offering.id)).toList())).toList()));
    }

    /** Bean Validation checks each field; how they fit together is the catalog's rule. */
    private static void requireConsistentCredit(NewOffering request) {
        if (!request.variable()) {
            if (request.maxCreditHours() != null) {
                throw ProblemException.invalid("maxCreditHours", "applies only when variableCredit is true");
            }
            return;
        }
        if (request.maxCreditHours() == null) {
            throw ProblemException.invalid("maxCreditHours", "is required when variableCredit is true");
        }
        if (request.maxCreditHours().compareTo(request.creditHours()) < 0) {
            throw ProblemException.invalid("maxCreditHours",
                    "must be at least creditHours (" + request.creditHours().toPlainString() + ")");
        }
    }

    private Uni<Offering> find(UUID offeringId) {
        return offerings.findById(offeringId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No offering " + offeringId));
    }

    private Uni<Void> requireUnmapped(Collection<LmsCourse> courses) {
        Map<String, List<String>> byLms = courses.stream().collect(Collectors.groupingBy(LmsCourse::lms, TreeMap::new,
                Collectors.mapping(LmsCourse::courseId, Collectors.toList())));
        List<String> taken = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> lms : byLms.entrySet()) {
            chain = chain.call(() -> mappings.findByCourses(lms.getKey(), lms.getValue()).invoke(found -> found
                    .forEach(mapping -> taken.add(mapping.key.lms() + ":" + mapping.key.courseId()))));
        }
        return chain.invoke(() -> {
            if (!taken.isEmpty()) {
                throw ProblemException.conflict("LMS course(s) already mapped to an offering: "
                        + taken.stream().sorted().toList());
            }
        });
    }

    private Uni<List<LmsCourseMapping>> map(UUID offeringId, List<LmsCourse> courses) {
        List<LmsCourseMapping> created = new ArrayList<>();
        for (LmsCourse course : courses) {
            LmsCourseMapping mapping = new LmsCourseMapping();
            mapping.key = new LmsCourseMapping.Key(course.lms(), course.courseId());
            mapping.offeringId = offeringId;
            mapping.mappedAt = Instant.now();
            created.add(mapping);
        }
        return created.isEmpty() ? Uni.createFrom().item(created) : mappings.persist(created).replaceWith(created);
    }
}
