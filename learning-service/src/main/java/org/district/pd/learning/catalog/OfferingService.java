package org.district.pd.learning.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.ingestion.HeldCompletionService;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Catalog rules: an LMS course id maps to one offering, and a new mapping releases completions held for it. */
@ApplicationScoped
public class OfferingService {

    private final OfferingRepository offerings;
    private final LmsCourseMappingRepository mappings;
    private final HeldCompletionService held;

    OfferingService(OfferingRepository offerings, LmsCourseMappingRepository mappings, HeldCompletionService held) {
        this.offerings = offerings;
        this.mappings = mappings;
        this.held = held;
    }

    @WithTransaction
    public Uni<OfferingView> create(NewOffering request) {
        List<String> courseIds = request.lmsCourseIdsOrEmpty().stream().map(String::strip).distinct().toList();
        Offering offering = new Offering();
        offering.id = UUID.randomUUID();
        offering.title = request.title().strip();
        offering.format = request.format();
        offering.creditHours = request.creditHours();
        offering.creditType = request.creditType();
        offering.category = request.category();
        offering.createdAt = Instant.now();
        return requireUnmapped(courseIds)
                .flatMap(free -> offerings.persist(offering))
                .flatMap(saved -> map(offering.id, courseIds))
                .call(saved -> held.releaseForCourses(courseIds))
                .map(saved -> OfferingView.of(offering, saved));
    }

    @WithTransaction
    public Uni<OfferingView> addLmsCourse(UUID offeringId, NewLmsCourse request) {
        String courseId = request.lmsCourseId().strip();
        return find(offeringId)
                .call(offering -> requireUnmapped(List.of(courseId)))
                .call(offering -> map(offeringId, List.of(courseId)))
                .call(offering -> held.releaseForCourses(List.of(courseId)))
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
                .flatMap(found -> mappings.list("offeringId in ?1", found.stream().map(offering -> offering.id).toList())
                        .map(all -> found.stream().map(offering -> OfferingView.of(offering,
                                all.stream().filter(mapping -> mapping.offeringId.equals(offering.id)).toList())).toList()));
    }

    private Uni<Offering> find(UUID offeringId) {
        return offerings.findById(offeringId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No offering " + offeringId));
    }

    private Uni<Void> requireUnmapped(Collection<String> courseIds) {
        return mappings.findByCourseIds(courseIds).invoke(taken -> {
            if (!taken.isEmpty()) {
                throw ProblemException.conflict("LMS course id(s) already mapped to an offering: "
                        + taken.stream().map(mapping -> mapping.lmsCourseId).sorted().toList());
            }
        }).replaceWithVoid();
    }

    private Uni<List<LmsCourseMapping>> map(UUID offeringId, List<String> courseIds) {
        List<LmsCourseMapping> created = new ArrayList<>();
        for (String courseId : courseIds) {
            LmsCourseMapping mapping = new LmsCourseMapping();
            mapping.lmsCourseId = courseId;
            mapping.offeringId = offeringId;
            mapping.mappedAt = Instant.now();
            created.add(mapping);
        }
        return mappings.persist(created).replaceWith(created);
    }
}
