package org.district.pd.learning.outside;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.ingestion.CompletionSource;
import org.district.pd.learning.messaging.events.CourseCompleted;
import org.district.pd.learning.messaging.events.Topics;
import org.district.pd.learning.security.LearningAccess;
import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Outside PD: a teacher asks, the principal of their school decides (before the PD, optionally, and after it, with the
 * evidence), and an approval publishes course.completed with source EXTERNAL_APPROVED. Each change locks the request
 * and appends a step to its history, so a request is decided once and its history is complete.
 */
@ApplicationScoped
public class OutsideRequestService {

    private final OutsideRequestRepository requests;
    private final LearningAccess access;
    private final Outbox outbox;

    OutsideRequestService(OutsideRequestRepository requests, LearningAccess access, Outbox outbox) {
        this.requests = requests;
        this.access = access;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<OutsideRequestView> create(NewOutsideRequest body) {
        UUID educatorId = access.educator();
        UUID schoolId = access.requestSchool(body.schoolId());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        requireDates(body.startsOn(), body.endsOn());
        if (body.wantsPreApproval()) {
            if (body.startsOn().isBefore(today)) {
                throw ProblemException.invalid("startsOn", "pre-approval is asked before the PD begins; "
                        + "for PD under way or over, send the request with its evidence instead");
            }
        } else {
            if (body.evidenceUrl() == null) {
                throw ProblemException.invalid("evidenceUrl", "is required unless preApproval is asked for");
            }
            requireOver(body.endsOn(), today);
        }
        Instant now = Instant.now();
        OutsideRequest request = new OutsideRequest();
        request.id = UUID.randomUUID();
        request.educatorId = educatorId;
        request.schoolId = schoolId;
        request.title = body.title().strip();
        request.provider = body.provider().strip();
        request.description = body.description() == null ? "" : body.description().strip();
        request.startsOn = body.startsOn();
        request.endsOn = body.endsOn();
        request.creditHours = body.hours();
        request.creditType = body.creditType();
        request.category = body.category();
        request.competencyTags = body.competencyTags() == null ? new String[0]
                : body.competencyTags().stream().distinct().toArray(String[]::new);
        request.evidenceUrl = body.evidenceUrl();
        request.preApproval = body.wantsPreApproval();
        request.status = request.preApproval ? OutsideRequest.Status.PENDING_PRE_APPROVAL
                : OutsideRequest.Status.SUBMITTED;
        request.createdAt = now;
        request.updatedAt = now;
        return requests.persist(request)
                .call(saved -> step(saved, 1, request.preApproval ? "REQUESTED_PRE_APPROVAL" : "SUBMITTED", null,
                        now))
                .flatMap(this::view);
    }

    /** The evidence for pre-approved PD, once it is over. */
    @WithTransaction
    public Uni<OutsideRequestView> submit(UUID id, Submission submission) {
        return own(id).flatMap(request -> {
            if (request.status != OutsideRequest.Status.PRE_APPROVED) {
                throw ProblemException.conflict("Request " + id + " is " + request.status
                        + "; evidence follows a pre-approval");
            }
            LocalDate endsOn = submission.endsOn() == null ? request.endsOn : submission.endsOn();
            requireDates(request.startsOn, endsOn);
            requireOver(endsOn, LocalDate.now(ZoneOffset.UTC));
            request.endsOn = endsOn;
            if (submission.hours() != null) {
                request.creditHours = submission.hours();
            }
            request.evidenceUrl = submission.evidenceUrl();
            return move(request, OutsideRequest.Status.SUBMITTED, "SUBMITTED", submission.comment());
        }).flatMap(this::view);
    }

    /** The teacher withdraws a request not decided for good. */
    @WithTransaction
    public Uni<OutsideRequestView> withdraw(UUID id) {
        return own(id).flatMap(request -> {
            if (request.status.isFinal()) {
                throw ProblemException.conflict("Request " + id + " is " + request.status + " already");
            }
            return move(request, OutsideRequest.Status.WITHDRAWN, "WITHDRAWN", null);
        }).flatMap(this::view);
    }

    /** The principal's decision: on a pre-approval, or on the evidence, when approval publishes the completion. */
    @WithTransaction
    public Uni<OutsideRequestView> decide(UUID id, Decision decision) {
        String comment = decision.comment() == null || decision.comment().isBlank() ? null
                : decision.comment().strip();
        if (decision.decision() == Decision.Verdict.DENY && comment == null) {
            throw ProblemException.invalid("comment", "is required to deny: say why");
        }
        return readable(id).flatMap(request -> {
            access.decideOutsideRequest(request.educatorId, request.schoolId);
            boolean approve = decision.decision() == Decision.Verdict.APPROVE;
            switch (request.status) {
                case PENDING_PRE_APPROVAL:
                    return approve ? move(request, OutsideRequest.Status.PRE_APPROVED, "PRE_APPROVED", comment)
                            : move(request, OutsideRequest.Status.DENIED, "DENIED", comment);
                case SUBMITTED:
                    if (!approve) {
                        return move(request, OutsideRequest.Status.DENIED, "DENIED", comment);
                    }
                    request.completionId = TimeOrderedIds.next();
                    return move(request, OutsideRequest.Status.APPROVED, "APPROVED", comment)
                            .call(this::publish);
                default:
                    throw ProblemException.conflict("Request " + id + " is " + request.status
                            + "; there is nothing to decide");
            }
        }).flatMap(this::view);
    }

    @WithSession
    public Uni<OutsideRequestView> get(UUID id) {
        return requests.findById(id).flatMap(request -> {
            if (request == null || !access.readsOutsideRequest(request.educatorId, request.schoolId)) {
                throw ProblemException.notFound("No outside-PD request " + id);
            }
            return view(request);
        });
    }

    @WithSession
    public Uni<List<OutsideRequestView>> list(UUID schoolId, OutsideRequest.Status status, int page, int size) {
        LearningAccess.RequestScope scope = access.outsideRequests(schoolId);
        return requests.list(scope.educatorId(), scope.schools(), status, page, size)
                .map(found -> found.stream().map(request -> OutsideRequestView.of(request, List.of())).toList());
    }

    /** The request, locked, if the caller may read it; a 404 as if there were none otherwise. */
    private Uni<OutsideRequest> readable(UUID id) {
        return requests.findLocked(id).invoke(request -> {
            if (request == null || !access.readsOutsideRequest(request.educatorId, request.schoolId)) {
                throw ProblemException.notFound("No outside-PD request " + id);
            }
        });
    }

    private Uni<OutsideRequest> own(UUID id) {
        return readable(id).invoke(request -> {
            if (!request.educatorId.equals(access.educatorOrNull())) {
                throw ProblemException.forbidden("Only the teacher who asked changes a request");
            }
        });
    }

    private Uni<OutsideRequest> move(OutsideRequest request, OutsideRequest.Status to, String action,
            String comment) {
        Instant now = Instant.now();
        request.status = to;
        request.updatedAt = now;
        return requests.steps(request.id)
                .flatMap(steps -> step(request, steps.size() + 1, action, comment, now))
                .replaceWith(request);
    }

    private Uni<Void> step(OutsideRequest request, int position, String action, String comment, Instant at) {
        OutsideRequestStep step = new OutsideRequestStep();
        step.key = new OutsideRequestStep.Key(request.id, position);
        step.at = at;
        step.actor = access.name();
        step.action = action;
        step.status = request.status;
        step.comment = comment;
        return requests.getSession().flatMap(session -> session.persist(step));
    }

    private Uni<UUID> publish(OutsideRequest request) {
        Instant completedAt = request.endsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        CourseCompleted event = new CourseCompleted(request.completionId, request.educatorId, request.id,
                "outside-request/" + request.id, completedAt, request.creditHours, request.creditType.name(),
                request.category, CompletionSource.EXTERNAL_APPROVED.name(), List.of(request.competencyTags),
                request.provider);
        return outbox.append(Topics.LEARNING_EVENTS, CourseCompleted.TYPE, request.educatorId, completedAt, event);
    }

    private Uni<OutsideRequestView> view(OutsideRequest request) {
        return requests.flush().flatMap(flushed -> requests.steps(request.id))
                .map(steps -> OutsideRequestView.of(request, steps));
    }

    private static void requireDates(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            throw ProblemException.invalid("endsOn", "must not be before startsOn");
        }
        if (startsOn.isBefore(LocalDate.of(2000, 1, 1))) {
            throw ProblemException.invalid("startsOn", "must be 2000-01-01 or later");
        }
        if (endsOn.isAfter(LocalDate.now(ZoneOffset.UTC).plusYears(5))) {
            throw ProblemException.invalid("endsOn", "must be within five years from today");
        }
    }

    private static void requireOver(LocalDate endsOn, LocalDate today) {
        if (endsOn.isAfter(today)) {
            throw ProblemException.invalid("endsOn", "the PD must be over before its evidence is sent; "
                    + "ask for pre-approval for PD still to come");
        }
    }
}
