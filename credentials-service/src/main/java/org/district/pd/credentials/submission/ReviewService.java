package org.district.pd.credentials.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.award.AwardService;
import org.district.pd.credentials.definition.CredentialDefinition;
import org.district.pd.credentials.definition.DefinitionBody;
import org.district.pd.credentials.definition.DefinitionRepository;
import org.district.pd.credentials.definition.DefinitionService;
import org.district.pd.credentials.messaging.events.EvidenceReviewed;
import org.district.pd.credentials.messaging.events.Topics;
import org.district.pd.credentials.security.CredentialsAccess;
import org.district.pd.credentials.submission.Assignment.Outcome;
import org.district.pd.credentials.submission.rest.ReviewBody;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Assessors review what they are assigned. A submission is decided when its reviews agree: one assessor's outcome,
 * or two that agree. Two that disagree go to a third assessor, or back to the teacher, as the definition says. The
 * decision is announced, and a PASS is awarded.
 */
@ApplicationScoped
public class ReviewService {

    private final SubmissionRepository submissions;
    private final DefinitionRepository definitions;
    private final DefinitionService definitionService;
    private final Assignments assignments;
    private final AwardService awards;
    private final SubmissionViews views;
    private final CredentialsAccess access;
    private final Outbox outbox;
    private final ObjectMapper json;

    ReviewService(SubmissionRepository submissions, DefinitionRepository definitions,
            DefinitionService definitionService, Assignments assignments, AwardService awards,
            SubmissionViews views, CredentialsAccess access, Outbox outbox, ObjectMapper json) {
        this.submissions = submissions;
        this.definitions = definitions;
        this.definitionService = definitionService;
        this.assignments = assignments;
        this.awards = awards;
        this.views = views;
        this.access = access;
        this.outbox = outbox;
        this.json = json;
    }

    @WithTransaction
    public Uni<SubmissionView> review(UUID submissionId, ReviewBody review) {
        UUID assessor = access.educator();
        return submissions.findLocked(submissionId).flatMap(submission -> {
            if (submission == null) {
                throw ProblemException.notFound("No submission " + submissionId);
            }
            return submissions.assignment(submissionId, assessor).flatMap(assignment -> {
                if (assignment == null) {
                    throw ProblemException.notFound("No submission " + submissionId + " is assigned to you");
                }
                if (assignment.reviewedAt != null) {
                    throw ProblemException.conflict("You reviewed submission " + submissionId + " already");
                }
                if (submission.status != Submission.Status.IN_REVIEW) {
                    throw ProblemException.conflict("Submission " + submissionId + " is " + submission.status);
                }
                return definitions.version(submission.definitionId, submission.definitionVersion)
                        .flatMap(definition -> {
                            DefinitionBody body = definitionService.body(definition);
                            Instant now = Instant.now();
                            assignment.outcome = Scoring.outcome(body.rubric(), review);
                            assignment.scores = write(review.scores());
                            assignment.feedback = review.feedback() == null || review.feedback().isBlank() ? null
                                    : review.feedback().strip();
                            assignment.reviewedAt = now;
                            return submissions.flush()
                                    .flatMap(flushed -> submissions.assignments(submissionId))
                                    .flatMap(given -> next(submission, definition, body, given, now));
                        });
            });
        }).flatMap(views::view);
    }

    private Uni<Submission> next(Submission submission, CredentialDefinition definition, DefinitionBody body,
            List<Assignment> given, Instant now) {
        List<Assignment> first = given.stream().filter(assignment -> assignment.round == 1).toList();
        int needed = body.review().assessors();
        if (first.size() < needed || first.stream().anyMatch(assignment -> assignment.reviewedAt == null)) {
            return Uni.createFrom().item(submission);
        }
        boolean agree = first.stream().map(assignment -> assignment.outcome).distinct().count() == 1;
        if (agree) {
            return decide(submission, definition, body, first.get(0).outcome, given.size(), now);
        }
        if (body.review().onDisagreement() == DefinitionBody.Disagreement.RESUBMIT) {
            return decide(submission, definition, body, Outcome.RESUBMIT, given.size(), now);
        }
        List<Assignment> third = given.stream().filter(assignment -> assignment.round == 2).toList();
        if (third.isEmpty()) {
            return assignments.assign(submission, 1, 2).replaceWith(submission);
        }
        if (third.get(0).reviewedAt == null) {
            return Uni.createFrom().item(submission);
        }
        return decide(submission, definition, body, third.get(0).outcome, given.size(), now);
    }

    private Uni<Submission> decide(Submission submission, CredentialDefinition definition, DefinitionBody body,
            Outcome outcome, int assessors, Instant now) {
        submission.status = outcome == Outcome.PASS ? Submission.Status.PASSED : Submission.Status.RESUBMIT;
        submission.decidedAt = now;
        EvidenceReviewed event = new EvidenceReviewed(submission.id, submission.educatorId, submission.definitionId,
                submission.definitionVersion, submission.attempt, outcome.name(), assessors, now);
        Uni<?> announced = outbox.append(Topics.CREDENTIALS_EVENTS, EvidenceReviewed.TYPE, submission.educatorId,
                now, event);
        if (outcome == Outcome.RESUBMIT) {
            return announced.replaceWith(submission);
        }
        return announced.flatMap(ignored -> awards.awardFor(submission.educatorId, submission.id,
                submission.renewalOf, definition, body, now)).replaceWith(submission);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
