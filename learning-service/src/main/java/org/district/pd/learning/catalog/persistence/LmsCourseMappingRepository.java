package org.district.pd.learning.catalog.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class LmsCourseMappingRepository implements PanacheRepositoryBase<LmsCourseMapping, LmsCourseMapping.Key> {

    /** The offerings of the given courses of one LMS, in one query. */
    public Uni<List<MappedCourse>> offeringsOf(String lms, Collection<String> courseIds) {
        if (courseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(session -> session.createSelectionQuery("""
                select m.key.courseId, o from LmsCourseMapping m join Offering o on o.id = m.offeringId
                where m.key.lms = :lms and m.key.courseId in :courseIds""", Object[].class)
                .setParameter("lms", lms)
                .setParameter("courseIds", courseIds)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new MappedCourse((String) row[0], (Offering) row[1])).toList());
    }

    public Uni<List<LmsCourseMapping>> findByCourses(String lms, Collection<String> courseIds) {
        return courseIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("key.lms = ?1 and key.courseId in ?2", lms, courseIds);
    }

    public Uni<List<LmsCourseMapping>> findByOffering(UUID offeringId) {
        return list("offeringId = ?1 order by key.lms, key.courseId", offeringId);
    }

    public Uni<List<LmsCourseMapping>> findByOfferings(Collection<UUID> offeringIds) {
        return offeringIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("offeringId in ?1 order by key.lms, key.courseId", offeringIds);
    }

    /** A course id of one LMS and the offering it is mapped to. */
    public record MappedCourse(String courseId, Offering offering) {
    }
}
