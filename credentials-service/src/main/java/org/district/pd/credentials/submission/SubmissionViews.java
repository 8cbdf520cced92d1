package org.district.pd.credentials.submission;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.award.AwardRepository;
import org.district.pd.credentials.definition.DefinitionRepository;
import org.district.pd.credentials.definition.DefinitionService;
import org.district.pd.credentials.security.CredentialsAccess;
import org.district.pd.credentials.submission.SubmissionView.ArtifactView;
import org.district.pd.credentials.submission.SubmissionView.ReviewView;
import org.district.pd.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Who may read a submission, and what of it they see. */
@ApplicationScoped
public class SubmissionViews {

    private final SubmissionRepository submissions;
    private final DefinitionRepository definitions;
    private final DefinitionService definitionService;
    private final AwardRepository awards;
    private final CredentialsAccess access;
    private final ObjectMapper json;

    SubmissionViews(SubmissionRepository submissions, DefinitionRepository definitions,
            DefinitionService definitionService, AwardRepository awards, CredentialsAccess access, ObjectMapper json) {
        this.submissions = submissions;
        this.definitions = definitions;
        this.definitionService = definitionService;
        this.awards = awards;
        this.access = access;
        this.json = json;
    }

    /**
     * The submission if the caller may read it: its teacher, an assessor it is assigned to, or a district admin.
     * Anyone else gets a 404, as if there were none.
     */
    public Uni<Submission> readable(Submission found, UUID id) {
        if (found == null) {
            return Uni.createFrom().failure(ProblemException.notFound("No submission " + id));
        }
        if (access.isDistrictAdmin() || found.educatorId.equals(access.educatorOrNull())) {
            return Uni.createFrom().item(found);
        }
        UUID caller = access.educatorOrNull();
        if (!access.isAssessor() || caller == null) {
            return Uni.createFrom().failure(ProblemException.notFound("No submission " + id));
        }
        return submissions.assignment(id, caller).map(assignment -> {
            if (assignment == null) {
                throw ProblemException.notFound("No submission " + id);
            }
            return found;
        });
    }

    public Uni<SubmissionView> view(Submission submission) {
        return submissions.flush()
                .flatMap(flushed -> definitions.version(submission.definitionId, submission.definitionVersion))
                .flatMap(definition -> submissions.artifacts(submission.id)
                        .flatMap(artifacts -> submissions.assignments(submission.id)
                                .flatMap(given -> awards.ofSubmission(submission.id).map(award -> new SubmissionView(
                                        submission.id, submission.educatorId, submission.definitionId,
                                        submission.definitionVersion, submission.attempt,
                                        definitionService.body(definition).review().maxAttempts(),
                                        submission.renewalOf, submission.status, submission.submittedAt,
                                        submission.dueAt, submission.decidedAt,
                                        artifacts.stream().map(ArtifactView::of).toList(),
                                        reviews(submission, given), award == null ? null : award.id)))));
    }

    /** Lists show the submission without its evidence and reviews; its own page has them. */
    public Uni<List<SubmissionView>> summaries(List<Submission> found) {
        return Uni.createFrom().item(found.stream().map(submission -> new SubmissionView(submission.id,
                submission.educatorId, submission.definitionId, submission.definitionVersion, submission.attempt,
                null, submission.renewalOf, submission.status, submission.submittedAt, submission.dueAt,
                submission.decidedAt, null, null, null)).toList());
    }

    /**
     * A district admin sees every review with its assessor; an assessor only their own, so that two reviews stay
     * independent; the teacher the reviews once the submission is decided, without who wrote them.
     */
    private List<ReviewView> reviews(Submission submission, List<Assignment> given) {
        UUID caller = access.educatorOrNull();
        boolean admin = access.isDistrictAdmin();
        boolean teacher = submission.educatorId.equals(caller);
        return given.stream()
                .filter(assignment -> admin || assignment.key.assessorId().equals(caller)
                        || teacher && submission.decidedAt != null && assignment.reviewedAt != null)
                .map(assignment -> new ReviewView(admin || assignment.key.assessorId().equals(caller)
                        ? assignment.key.assessorId() : null, assignment.round, assignment.assignedAt,
                        assignment.reviewedAt, assignment.outcome, scores(assignment.scores), assignment.feedback))
                .toList();
    }

    private JsonNode scores(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a review has unreadable scores", e);
        }
    }
}
