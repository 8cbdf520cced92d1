package org.district.pd.credentials.assessor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.educator.EducatorRepository;
import org.district.pd.credentials.submission.Assignments;
import org.district.pd.credentials.submission.SubmissionRepository;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The district's assessors. Adding one gives them what was waiting for an assessor; removing one hands their open
 * reviews to the others, so that no submission waits on someone who left.
 */
@ApplicationScoped
public class AssessorService {

    /** An assessor and how many reviews they have open. */
    public record AssessorView(UUID educatorId, String name, Boolean active, Instant addedAt, Long openReviews) {
    }

    private static final String LIST = """
            select a.educatorId, coalesce(e.givenName || ' ' || e.familyName, ''), a.active, a.addedAt,
                   (select count(*) from Assignment x where x.key.assessorId = a.educatorId and x.reviewedAt is null)
            from Assessor a left join Educator e on e.id = a.educatorId
            order by a.active desc, e.familyName, e.givenName, a.educatorId""";

    private static final String OPEN_OF = """
            select x.submission_id, x.round from assignment x join submission s on s.id = x.submission_id
            where x.assessor_id = :assessor and x.reviewed_at is null and s.status = 'IN_REVIEW'""";

    private final EducatorRepository educators;
    private final SubmissionRepository submissions;
    private final Assignments assignments;

    AssessorService(EducatorRepository educators, SubmissionRepository submissions, Assignments assignments) {
        this.educators = educators;
        this.submissions = submissions;
        this.assignments = assignments;
    }

    @WithTransaction
    public Uni<AssessorView> add(UUID educatorId) {
        return educators.findById(educatorId).flatMap(educator -> {
            if (educator == null || !educator.active) {
                throw ProblemException.invalid("educatorId", "names no active educator in the roster");
            }
            return Panache.getSession().flatMap(session -> session.find(Assessor.class, educatorId)
                    .flatMap(found -> {
                        if (found != null && found.active) {
                            throw ProblemException.conflict("Educator " + educatorId + " is an assessor already");
                        }
                        Assessor assessor = found == null ? new Assessor() : found;
                        assessor.educatorId = educatorId;
                        assessor.active = true;
                        assessor.addedAt = Instant.now();
                        return (found == null ? session.persist(assessor) : Uni.createFrom().voidItem())
                                .call(session::flush)
                                .call(() -> assignments.assignWaiting(submissions));
                    }))
                    .flatMap(ignored -> find(educatorId));
        });
    }

    @WithTransaction
    public Uni<AssessorView> remove(UUID educatorId) {
        return Panache.getSession().flatMap(session -> session.find(Assessor.class, educatorId).flatMap(found -> {
            if (found == null || !found.active) {
                throw ProblemException.notFound("Educator " + educatorId + " is not an active assessor");
            }
            found.active = false;
            return session.flush()
                    .flatMap(flushed -> session.createNativeQuery(OPEN_OF, Object[].class)
                            .setParameter("assessor", educatorId).getResultList())
                    .flatMap(open -> {
                        Uni<Void> chain = session.createNativeQuery("delete from assignment where assessor_id = "
                                + ":assessor and reviewed_at is null").setParameter("assessor", educatorId)
                                .executeUpdate().replaceWithVoid();
                        for (Object[] row : open) {
                            UUID submissionId = (UUID) row[0];
                            int round = ((Number) row[1]).intValue();
                            chain = chain.call(() -> submissions.findById(submissionId)
                                    .flatMap(submission -> assignments.assign(submission, 1, round)));
                        }
                        return chain;
                    });
        })).flatMap(ignored -> find(educatorId));
    }

    @WithSession
    public Uni<List<AssessorView>> list() {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(LIST, AssessorView.class)
                .getResultList());
    }

    private Uni<AssessorView> find(UUID educatorId) {
        return list().map(all -> all.stream().filter(view -> view.educatorId().equals(educatorId)).findFirst()
                .orElseThrow());
    }
}
