package org.district.pd.credentials.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Submissions, their artifacts (a file's bytes apart from the rest) and their assignments. */
@ApplicationScoped
@WithSession
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /** A file's bytes and how to serve them. */
    public record FileContent(String fileName, String contentType, String sha256, byte[] content) {
    }

    public Uni<Submission> findLocked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The attempts so far in a series: the first award's ({@code renewalOf} null) or a renewal's. */
    public Uni<List<Submission>> series(UUID educatorId, UUID definitionId, UUID renewalOf) {
        return renewalOf == null
                ? list("educatorId = ?1 and definitionId = ?2 and renewalOf is null order by attempt", educatorId,
                        definitionId)
                : list("educatorId = ?1 and definitionId = ?2 and renewalOf = ?3 order by attempt", educatorId,
                        definitionId, renewalOf);
    }

    public Uni<List<Submission>> ofEducator(UUID educatorId, int page, int size) {
        return find("educatorId = ?1 order by submittedAt desc, id", educatorId).page(page, size).list();
    }

    /** What an assessor has to review, oldest due first, or all they were given with {@code open} false. */
    public Uni<List<Submission>> assignedTo(UUID assessorId, boolean open, int page, int size) {
        String query = "from Submission s where exists (from Assignment a where a.key.submissionId = s.id"
                + " and a.key.assessorId = :assessor" + (open ? " and a.reviewedAt is null)" : ")")
                + " order by s.dueAt, s.id";
        return find(query, Parameters.with("assessor", assessorId)).page(page, size).list();
    }

    /** Submissions under review past their turnaround target, the longest overdue first. */
    public Uni<List<Submission>> overdue(Instant now, int page, int size) {
        return find("status = ?1 and dueAt < ?2 order by dueAt, id", Submission.Status.IN_REVIEW, now)
                .page(page, size).list();
    }

    public Uni<List<Artifact>> artifacts(UUID submissionId) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "from Artifact where key.submissionId = :id order by key.position", Artifact.class)
                .setParameter("id", submissionId).getResultList());
    }

    public Uni<List<Assignment>> assignments(UUID submissionId) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "from Assignment where key.submissionId = :id order by round, assignedAt, key.assessorId",
                Assignment.class).setParameter("id", submissionId).getResultList());
    }

    public Uni<Assignment> assignment(UUID submissionId, UUID assessorId) {
        return getSession().flatMap(session -> session.find(Assignment.class,
                new Assignment.Key(submissionId, assessorId), LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<Void> addArtifact(UUID submissionId, int position, EvidenceRules.Checked artifact) {
        Upload file = artifact.file();
        return getSession().flatMap(session -> session.createNativeQuery("""
                insert into artifact (submission_id, position, requirement, url, text, file_name, content_type,
                                      size_bytes, sha256, content)
                values (:submission, :position, :requirement, :url, :text, :fileName, :contentType, :size, :sha256,
                        :content)""")
                .setParameter("submission", submissionId)
                .setParameter("position", position)
                .setParameter("requirement", artifact.requirement())
                .setParameter("url", artifact.url())
                .setParameter("text", artifact.text())
                .setParameter("fileName", file == null ? null : file.fileName())
                .setParameter("contentType", file == null ? null : ContentTypes.accepted(file.declaredType())
                        .orElseThrow())
                .setParameter("size", file == null ? null : (long) file.content().length)
                .setParameter("sha256", artifact.sha256())
                .setParameter("content", file == null ? null : file.content())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<FileContent> file(UUID submissionId, int position) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                select file_name, content_type, sha256, content from artifact
                where submission_id = :submission and position = :position and content is not null""", Object[].class)
                .setParameter("submission", submissionId).setParameter("position", position)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new FileContent((String) rows.get(0)[0],
                        (String) rows.get(0)[1], (String) rows.get(0)[2], (byte[]) rows.get(0)[3]));
    }
}
