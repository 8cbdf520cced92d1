package org.district.pd.credentials.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Gives submissions to assessors: round-robin balanced by load. The assessor with the fewest open reviews gets the
 * next one, and of equals the one who waited longest since their last. Never the submitting teacher, never one of the
 * teacher's coaches, never an assessor the submission has already. Assignments are taken one at a time district-wide
 * (a transaction-scoped advisory lock), so that two submissions at once do not both go to the same least-loaded
 * assessor. What finds no eligible assessor waits in {@code unassigned} until one is added.
 */
@ApplicationScoped
public class Assignments {

    /** Any constant the district's other advisory locks do not use; hashtext('assessor-assignment'). */
    private static final String LOCK = "select 1 from pg_advisory_xact_lock(hashtext('assessor-assignment'))";

    private static final String CANDIDATES = """
            select a.educator_id from assessor a
            where a.active and a.educator_id <> :teacher
              and a.educator_id not in (select c.coach_id from coach_assignment c
                                        where c.educator_id = :teacher and c.coach_id is not null)
              and a.educator_id not in (select x.assessor_id from assignment x where x.submission_id = :submission)
            order by (select count(*) from assignment o where o.assessor_id = a.educator_id and o.reviewed_at is null),
                     a.last_assigned_at nulls first, a.educator_id
            limit :needed""";

    private static final String ASSIGN = """
            with assigned as (
                insert into assignment (submission_id, assessor_id, round, assigned_at)
                values (:submission, :assessor, :round, :now))
            update assessor set last_assigned_at = :now where educator_id = :assessor""";

    private static final String WAIT = """
            insert into unassigned (submission_id, needed, round, since) values (:submission, :needed, :round, :now)
            on conflict (submission_id) do update set needed = excluded.needed""";

    private static final String STOP_WAITING = "delete from unassigned where submission_id = :submission";

    private static final String WAITING =
            "select submission_id, needed, round from unassigned order by since limit 500";

    /**
     * Assigns {@code needed} more assessors to the submission in {@code round}; returns how many it found. The rest
     * wait for an assessor to be added.
     */
    public Uni<Integer> assign(Submission submission, int needed, int round) {
        return Panache.getSession().flatMap(session -> session.flush()
                .flatMap(flushed -> session.createNativeQuery(LOCK).getSingleResult())
                .flatMap(locked -> session.createNativeQuery(CANDIDATES, UUID.class)
                        .setParameter("teacher", submission.educatorId)
                        .setParameter("submission", submission.id)
                        .setParameter("needed", needed)
                        .getResultList())
                .flatMap(found -> give(session, submission.id, found, round)
                        .flatMap(given -> found.size() < needed
                                ? wait(session, submission.id, needed - found.size(), round)
                                : stopWaiting(session, submission.id))
                        .replaceWith(found.size())));
    }

    /** Assigns what was waiting, oldest first, e.g. once an assessor is added; returns how many it assigned. */
    public Uni<Integer> assignWaiting(SubmissionRepository submissions) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(WAITING, Object[].class)
                .getResultList()).flatMap(waiting -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Object[] row : waiting) {
                        UUID id = (UUID) row[0];
                        int needed = ((Number) row[1]).intValue();
                        int round = ((Number) row[2]).intValue();
                        chain = chain.flatMap(sum -> submissions.findById(id)
                                .flatMap(submission -> assign(submission, needed, round))
                                .map(found -> sum + found));
                    }
                    return chain;
                });
    }

    private static Uni<Void> give(Mutiny.Session session, UUID submissionId, List<UUID> assessors, int round) {
        Instant now = Instant.now();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID assessor : assessors) {
            chain = chain.flatMap(ignored -> session.createNativeQuery(ASSIGN)
                    .setParameter("submission", submissionId).setParameter("assessor", assessor)
                    .setParameter("round", round).setParameter("now", now)
                    .executeUpdate().replaceWithVoid());
        }
        return chain;
    }

    private static Uni<Void> wait(Mutiny.Session session, UUID submissionId, int needed, int round) {
        return session.createNativeQuery(WAIT).setParameter("submission", submissionId)
                .setParameter("needed", needed).setParameter("round", round).setParameter("now", Instant.now())
                .executeUpdate().replaceWithVoid();
    }

    private static Uni<Void> stopWaiting(Mutiny.Session session, UUID submissionId) {
        return session.createNativeQuery(STOP_WAITING).setParameter("submission", submissionId).executeUpdate()
                .replaceWithVoid();
    }
}
