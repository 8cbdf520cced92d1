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
import jakarta.persistence.LockModeType;

import org.district.pd.learning.catalog.persistence.LmsCourseMapping;
import org.district.pd.learning.catalog.persistence.LmsCourseMappingRepository;
import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.persistence.OfferingRepository;
import org.district.pd.learning.catalog.persistence.XapiActivityMapping;
import org.district.pd.learning.catalog.persistence.XapiActivityMappingRepository;
import org.district.pd.learning.catalog.rest.NewOffering;
import org.district.pd.learning.catalog.rest.OfferingView;
import org.district.pd.learning.messaging.events.OfferingPublished;
import org.district.pd.learning.messaging.events.Topics;
import org.district.pd.learning.security.LearningAccess;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Catalog rules: who authors what, the draft, published and retired lifecycle, credit that is fixed or capped, and
 * courses and activities that each map to one offering. A new LMS mapping releases the completions held for it.
 */
@ApplicationScoped
public class OfferingService {

    private final OfferingRepository offerings;
    private final LmsCourseMappingRepository courses;
    private final XapiActivityMappingRepository activities;
    private final CoursesMapped coursesMapped;
    private final ActivitiesMapped activitiesMapped;
    private final LearningAccess access;
    private final Outbox outbox;

    OfferingService(OfferingRepository offerings, LmsCourseMappingRepository courses,
            XapiActivityMappingRepository activities, CoursesMapped coursesMapped,
            ActivitiesMapped activitiesMapped, LearningAccess access, Outbox outbox) {
        this.offerings = offerings;
        this.courses = courses;
        this.activities = activities;
        this.coursesMapped = coursesMapped;
        this.activitiesMapped = activitiesMapped;
        this.access = access;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<OfferingView> create(NewOffering request) {
        access.authorOffering(request.schoolId());
        OfferingRules.requireConsistent(request);
        List<LmsCourse> newCourses = request.lmsCoursesOrEmpty().stream().distinct().toList();
        List<String> newActivities = request.xapiActivityIdsOrEmpty().stream().distinct().toList();
        Offering offering = new Offering();
        offering.id = UUID.randomUUID();
        offering.status = OfferingStatus.DRAFT;
        offering.createdAt = Instant.now();
        OfferingRules.apply(request, offering, offering.createdAt);
        return requireUnmapped(newCourses)
                .call(() -> requireUnmappedActivities(newActivities))
                .call(() -> offerings.persist(offering))
                .call(() -> mapCourses(offering.id, newCourses))
                .call(() -> mapActivities(offering.id, newActivities))
                .call(() -> courses.flush())
                .call(() -> coursesMapped.coursesMapped(newCourses))
                .call(() -> activitiesMapped.activitiesMapped(newActivities))
                .flatMap(mapped -> view(offering));
    }

    /** Replaces the details; a published offering is announced again, so its readers' copies follow. */
    @WithTransaction
    public Uni<OfferingView> update(UUID offeringId, NewOffering request) {
        if (!request.lmsCoursesOrEmpty().isEmpty() || !request.xapiActivityIdsOrEmpty().isEmpty()) {
            throw ProblemException.invalid(request.lmsCoursesOrEmpty().isEmpty() ? "xapiActivityIds" : "lmsCourses",
                    "are added through POST /api/v1/learning/offerings/{id}/lms-courses or /xapi-activities");
        }
        OfferingRules.requireConsistent(request);
        return authored(offeringId).call(offering -> {
            if (offering.status == OfferingStatus.RETIRED) {
                throw ProblemException.conflict("Offering " + offeringId + " is retired; publish it again to edit it");
            }
            access.authorOffering(request.schoolId());
            OfferingRules.apply(request, offering, Instant.now());
            return offering.status == OfferingStatus.PUBLISHED ? announce(offering) : Uni.createFrom().voidItem();
        }).flatMap(this::view);
    }

    /** Publishing a published offering changes nothing; a retired one can be published again. */
    @WithTransaction
    public Uni<OfferingView> publish(UUID offeringId) {
        return authored(offeringId).call(offering -> {
            if (offering.status == OfferingStatus.PUBLISHED) {
                return Uni.createFrom().voidItem();
            }
            offering.status = OfferingStatus.PUBLISHED;
            offering.publishedAt = Instant.now();
            offering.retiredAt = null;
            offering.updatedAt = offering.publishedAt;
            return announce(offering);
        }).flatMap(this::view);
    }

    /** A retired offering leaves search; completions, sessions held and ratings it has keep pointing at it. */
    @WithTransaction
    public Uni<OfferingView> retire(UUID offeringId) {
        return authored(offeringId).invoke(offering -> {
            if (offering.status != OfferingStatus.RETIRED) {
                offering.status = OfferingStatus.RETIRED;
                offering.retiredAt = Instant.now();
                offering.updatedAt = offering.retiredAt;
            }
        }).flatMap(this::view);
    }

    @WithTransaction
    public Uni<OfferingView> addLmsCourse(UUID offeringId, LmsCourse course) {
        return authored(offeringId)
                .call(offering -> requireUnmapped(List.of(course)))
                .call(offering -> mapCourses(offeringId, List.of(course)))
                .call(offering -> courses.flush())
                .call(offering -> coursesMapped.coursesMapped(List.of(course)))
                .flatMap(this::view);
    }

    @WithTransaction
    public Uni<OfferingView> addXapiActivity(UUID offeringId, String activityId) {
        return authored(offeringId)
                .call(offering -> requireUnmappedActivities(List.of(activityId)))
                .call(offering -> mapActivities(offeringId, List.of(activityId)))
                .call(() -> activities.flush())
                .call(() -> activitiesMapped.activitiesMapped(List.of(activityId)))
                .flatMap(this::view);
    }

    @WithSession
    public Uni<OfferingView> get(UUID offeringId) {
        return visible(offeringId).flatMap(this::view);
    }

    /** An offering the caller may see, or a 404 as if there were none. */
    @WithSession
    public Uni<Offering> visible(UUID offeringId) {
        return offerings.findById(offeringId).map(offering -> {
            if (offering == null || !access.sees(offering)) {
                throw ProblemException.notFound("No offering " + offeringId);
            }
            return offering;
        });
    }

    @WithSession
    public Uni<List<OfferingView>> search(OfferingSearch search, int page, int size) {
        if (search.schoolId() != null) {
            access.searchSchool(search.schoolId());
        }
        OfferingSearch.Visible visible = new OfferingSearch.Visible(search, access.searchSchools(search.status()),
                access.seesDistrictOfferings(search.status()));
        return offerings.search(visible, page, size).flatMap(this::views);
    }

    /**
     * The offering, locked for the change (by the first read of it, so the copy is current): two authors publishing
     * at once announce it once.
     */
    private Uni<Offering> authored(UUID offeringId) {
        return offerings.findById(offeringId, LockModeType.PESSIMISTIC_WRITE).invoke(offering -> {
            if (offering == null || !access.sees(offering)) {
                throw ProblemException.notFound("No offering " + offeringId);
            }
            if (!access.authors(offering)) {
                throw ProblemException.forbidden(offering.schoolId == null
                        ? "The district's offerings are the district admin's to change"
                        : "A school's offerings are its principal's and the district admin's to change");
            }
        });
    }

    private Uni<Void> announce(Offering offering) {
        OfferingPublished event = new OfferingPublished(offering.id, offering.title, offering.format.name(),
                offering.durationMinutes, offering.creditHours, offering.creditType.name(), offering.category,
                List.of(offering.competencyTags), List.of(offering.standards),
                new OfferingPublished.Audience(List.of(offering.careerStages), List.of(offering.gradeBands),
                        offering.subject),
                offering.schoolId);
        return offerings.flush().call(() -> outbox.append(Topics.LEARNING_EVENTS, OfferingPublished.TYPE, offering.id,
                offering.updatedAt, event)).replaceWithVoid();
    }

    private Uni<OfferingView> view(Offering offering) {
        return views(List.of(offering)).map(all -> all.get(0));
    }

    private Uni<List<OfferingView>> views(List<Offering> found) {
        List<UUID> ids = found.stream().map(offering -> offering.id).toList();
        return courses.findByOfferings(ids).flatMap(mappedCourses -> activities.findByOfferings(ids)
                .map(mappedActivities -> found.stream().map(offering -> OfferingView.of(offering,
                        mappedCourses.stream().filter(mapping -> mapping.offeringId.equals(offering.id)).toList(),
                        mappedActivities.stream().filter(mapping -> mapping.offeringId.equals(offering.id)).toList()))
                        .toList()));
    }

    private Uni<Void> requireUnmapped(Collection<LmsCourse> wanted) {
        Map<String, List<String>> byLms = wanted.stream().collect(Collectors.groupingBy(LmsCourse::lms, TreeMap::new,
                Collectors.mapping(LmsCourse::courseId, Collectors.toList())));
        List<String> taken = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> lms : byLms.entrySet()) {
            chain = chain.call(() -> courses.findByCourses(lms.getKey(), lms.getValue()).invoke(found -> found
                    .forEach(mapping -> taken.add(mapping.key.lms() + ":" + mapping.key.courseId()))));
        }
        return chain.invoke(() -> {
            if (!taken.isEmpty()) {
                throw ProblemException.conflict("LMS course(s) already mapped to an offering: "
                        + taken.stream().sorted().toList());
            }
        });
    }

    private Uni<Void> requireUnmappedActivities(Collection<String> wanted) {
        return activities.findByActivities(wanted).invoke(found -> {
            if (!found.isEmpty()) {
                throw ProblemException.conflict("xAPI activit(ies) already mapped to an offering: "
                        + found.stream().map(mapping -> mapping.activityId).sorted().toList());
            }
        }).replaceWithVoid();
    }

    private Uni<Void> mapCourses(UUID offeringId, List<LmsCourse> wanted) {
        List<LmsCourseMapping> created = new ArrayList<>();
        for (LmsCourse course : wanted) {
            LmsCourseMapping mapping = new LmsCourseMapping();
            mapping.key = new LmsCourseMapping.Key(course.lms(), course.courseId());
            mapping.offeringId = offeringId;
            mapping.mappedAt = Instant.now();
            created.add(mapping);
        }
        return created.isEmpty() ? Uni.createFrom().voidItem() : courses.persist(created);
    }

    private Uni<Void> mapActivities(UUID offeringId, List<String> wanted) {
        List<XapiActivityMapping> created = new ArrayList<>();
        for (String activityId : wanted) {
            XapiActivityMapping mapping = new XapiActivityMapping();
            mapping.activityId = activityId;
            mapping.offeringId = offeringId;
            mapping.mappedAt = Instant.now();
            created.add(mapping);
        }
        return created.isEmpty() ? Uni.createFrom().voidItem() : activities.persist(created);
    }
}
