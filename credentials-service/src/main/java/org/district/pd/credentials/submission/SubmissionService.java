package org.district.pd.credentials.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.CredentialsConfig;
import org.district.pd.credentials.award.AwardRepository;
import org.district.pd.credentials.definition.CredentialDefinition;
import org.district.pd.credentials.definition.DefinitionBody;
import org.district.pd.credentials.definition.DefinitionBody.EvidenceRequirement;
import org.district.pd.credentials.definition.DefinitionRepository;
import org.district.pd.credentials.definition.DefinitionService;
import org.district.pd.credentials.messaging.events.EvidenceSubmitted;
import org.district.pd.credentials.messaging.events.Topics;
import org.district.pd.credentials.security.CredentialsAccess;
import org.district.pd.credentials.submission.rest.NewSubmission;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Teachers submit evidence against the published version of a definition: a first attempt, a resubmission after
 * RESUBMIT (up to the definition's attempts), or a renewal of a credential that expires. Each submission is checked,
 * stored, given to its assessors and announced, in one transaction.
 */
@ApplicationScoped
public class SubmissionService {

    private final SubmissionRepository submissions;
    private final DefinitionRepository definitions;
    private final DefinitionService definitionService;
    private final AwardRepository awards;
    private final Assignments assignments;
    private final SubmissionViews views;
    private final CredentialsAccess access;
    private final CredentialsConfig config;
    private final Outbox outbox;

    SubmissionService(SubmissionRepository submissions, DefinitionRepository definitions,
            DefinitionService definitionService, AwardRepository awards, Assignments assignments,
            SubmissionViews views, CredentialsAccess access, CredentialsConfig config, Outbox outbox) {
        this.submissions = submissions;
        this.definitions = definitions;
        this.definitionService = definitionService;
        this.awards = awards;
        this.assignments = assignments;
        this.views = views;
        this.access = access;
        this.config = config;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<SubmissionView> submit(NewSubmission request, List<Upload> uploads) {
        UUID educatorId = access.educator();
        return definitions.currentLocked(request.definitionId()).flatMap(definition -> {
            if (definition == null || definition.status != CredentialDefinition.Status.PUBLISHED) {
                throw ProblemException.invalid("definitionId", "names no published credential definition");
            }
            if (definition.kind != DefinitionBody.Kind.MICRO_CREDENTIAL) {
                throw ProblemException.invalid("definitionId", "names a stack: it is awarded for its members, "
                        + "which take the evidence");
            }
            DefinitionBody body = definitionService.body(definition);
            return awards.held(educatorId, definition.id).flatMap(held -> {
                Instant now = Instant.now();
                UUID renewalOf = null;
                Set<String> required = new HashSet<>(body.evidence().stream().map(EvidenceRequirement::key).toList());
                if (held != null) {
                    renewalOf = held.id;
                    requireRenewalOpen(body, held.validUntil, now);
                    if (body.renewal() != null && body.renewal().evidence() != null) {
                        required = new HashSet<>(body.renewal().evidence());
                    }
                }
                List<EvidenceRules.Checked> checked = EvidenceRules.check(body, required, request.artifacts(),
                        uploads, config.uploads().maxFileBytes());
                UUID series = renewalOf;
                return submissions.series(educatorId, definition.id, series)
                        .flatMap(earlier -> create(educatorId, definition, body, series, earlier, checked, now));
            });
        });
    }

    @WithSession
    public Uni<SubmissionView> get(UUID id) {
        return submissions.findById(id).flatMap(found -> views.readable(found, id)).flatMap(views::view);
    }

    /** The caller's own submissions, newest first. */
    @WithSession
    public Uni<List<SubmissionView>> mine(int page, int size) {
        return submissions.ofEducator(access.educator(), page, size).flatMap(views::summaries);
    }

    /** The assessor's queue: open assignments, due soonest first; or every submission they were given. */
    @WithSession
    public Uni<List<SubmissionView>> assigned(boolean openOnly, int page, int size) {
        return submissions.assignedTo(access.educator(), openOnly, page, size).flatMap(views::summaries);
    }

    /** Submissions past their turnaround target, for district admins. */
    @WithSession
    public Uni<List<SubmissionView>> overdue(int page, int size) {
        return submissions.overdue(Instant.now(), page, size).flatMap(views::summaries);
    }

    @WithSession
    public Uni<SubmissionRepository.FileContent> file(UUID id, int position) {
        return submissions.findById(id).flatMap(found -> views.readable(found, id))
                .flatMap(found -> submissions.file(id, position))
                .invoke(file -> {
                    if (file == null) {
                        throw ProblemException.notFound("Submission " + id + " has no file at position " + position);
                    }
                });
    }

    /** The teacher takes back a submission no assessor has reviewed yet; it does not count as an attempt. */
    @WithTransaction
    public Uni<SubmissionView> withdraw(UUID id) {
        return submissions.findLocked(id).flatMap(found -> views.readable(found, id)).flatMap(found -> {
            if (!found.educatorId.equals(access.educator())) {
                throw ProblemException.forbidden("Only the teacher who submitted withdraws a submission");
            }
            if (found.status != Submission.Status.IN_REVIEW) {
                throw ProblemException.conflict("Submission " + id + " is " + found.status);
            }
            return submissions.assignments(id).flatMap(given -> {
                if (given.stream().anyMatch(assignment -> assignment.reviewedAt != null)) {
                    throw ProblemException.conflict("Submission " + id + " has a review already");
                }
                found.status = Submission.Status.WITHDRAWN;
                found.decidedAt = Instant.now();
                return submissions.getSession().flatMap(session -> session.createMutationQuery(
                        "delete from Assignment where key.submissionId = :id").setParameter("id", id).executeUpdate())
                        .flatMap(deleted -> submissions.getSession().flatMap(session -> session.createNativeQuery(
                                "delete from unassigned where submission_id = :id").setParameter("id", id)
                                .executeUpdate()))
                        .flatMap(deleted -> views.view(found));
            });
        });
    }

    private Uni<SubmissionView> create(UUID educatorId, CredentialDefinition definition, DefinitionBody body,
            UUID renewalOf, List<Submission> earlier, List<EvidenceRules.Checked> checked, Instant now) {
        List<Submission> counted = earlier.stream().filter(s -> s.status != Submission.Status.WITHDRAWN).toList();
        if (counted.stream().anyMatch(s -> s.status == Submission.Status.IN_REVIEW)) {
            throw ProblemException.conflict("A submission for this credential is under review already");
        }
        if (counted.stream().anyMatch(s -> s.status == Submission.Status.PASSED)) {
            throw ProblemException.conflict("This credential is awarded already");
        }
        int allowed = body.review().maxAttempts();
        if (counted.size() >= allowed) {
            throw ProblemException.conflict("All " + allowed + " attempts at this credential are used");
        }
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.educatorId = educatorId;
        submission.definitionId = definition.id;
        submission.definitionVersion = definition.version;
        // Withdrawn submissions keep their numbers but do not count against the limit.
        submission.attempt = earlier.size() + 1;
        submission.renewalOf = renewalOf;
        submission.status = Submission.Status.IN_REVIEW;
        submission.submittedAt = now;
        submission.dueAt = now.plus(Duration.ofDays(body.review().turnaroundDays()));
        Uni<Void> chain = submissions.persist(submission).call(submissions::flush).replaceWithVoid();
        for (int i = 0; i < checked.size(); i++) {
            int position = i + 1;
            EvidenceRules.Checked artifact = checked.get(i);
            chain = chain.call(() -> submissions.addArtifact(submission.id, position, artifact));
        }
        EvidenceSubmitted event = new EvidenceSubmitted(submission.id, educatorId, definition.id, definition.version,
                submission.attempt, renewalOf != null, now);
        return chain.call(() -> assignments.assign(submission, body.review().assessors(), 1))
                .call(() -> outbox.append(Topics.CREDENTIALS_EVENTS, EvidenceSubmitted.TYPE, educatorId, now, event))
                .flatMap(ignored -> views.view(submission));
    }

    /** A renewal opens {@code opensDaysBefore} the expiry (90 days by default) and stays open once it has expired. */
    private static void requireRenewalOpen(DefinitionBody body, Instant validUntil, Instant now) {
        if (validUntil == null) {
            throw ProblemException.conflict("You hold this credential already, and it does not expire");
        }
        int days = body.renewal() == null || body.renewal().opensDaysBefore() == null ? 90
                : body.renewal().opensDaysBefore();
        Instant opens = validUntil.minus(Duration.ofDays(days));
        if (now.isBefore(opens)) {
            throw ProblemException.conflict("You hold this credential until " + validUntil
                    + "; its renewal opens on " + opens);
        }
    }
}
