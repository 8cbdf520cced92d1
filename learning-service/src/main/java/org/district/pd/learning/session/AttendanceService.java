package org.district.pd.learning.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.Format;
import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.persistence.OfferingRepository;
import org.district.pd.learning.catalog.OfferingService;
import org.district.pd.learning.educator.EducatorRepository;
import org.district.pd.learning.ingestion.CompletionRecorder;
import org.district.pd.learning.ingestion.CompletionSource;
import org.district.pd.learning.messaging.events.AttendanceVoided;
import org.district.pd.learning.messaging.events.SessionAttended;
import org.district.pd.learning.messaging.events.Topics;
import org.district.pd.learning.security.LearningAccess;
import org.district.pd.learning.session.persistence.Attendance;
import org.district.pd.learning.session.persistence.AttendanceRepository;
import org.district.pd.learning.session.persistence.OfferingSession;
import org.district.pd.learning.session.persistence.Registration;
import org.district.pd.learning.session.persistence.RegistrationRepository;
import org.district.pd.learning.session.persistence.SessionRepository;
import org.district.pd.learning.session.rest.AttendanceCorrection;
import org.district.pd.learning.session.rest.AttendanceMarks;
import org.district.pd.learning.session.rest.AttendanceView;
import org.district.pd.learning.session.rest.CheckInCodeView;
import org.district.pd.learning.session.rest.CorrectionResult;
import org.district.pd.learning.session.rest.MarkResult;
import org.district.pd.platform.checkin.CheckInCode;
import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.Problem;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Attendance, marked by the facilitator or checked in with a rotating code, recorded once per educator and session.
 * Each new attendance publishes session.attended with its credit; the attendance that completes the offering's
 * required sessions also records a completion (source FACILITATOR) whose course.completed carries no credit of its
 * own, because the sessions earned it.
 */
@ApplicationScoped
public class AttendanceService {

    static final String CLIENT = "learning-service";

    private final SessionService sessions;
    private final OfferingService offerings;
    private final RegistrationRepository registrations;
    private final AttendanceRepository attendance;
    private final EducatorRepository educators;
    private final CompletionRecorder completions;
    private final LearningAccess access;
    private final Outbox outbox;
    private final SessionRepository sessionsHeld;
    private final OfferingRepository offeringRows;

    AttendanceService(SessionService sessions, OfferingService offerings, RegistrationRepository registrations,
            AttendanceRepository attendance, EducatorRepository educators, CompletionRecorder completions,
            LearningAccess access, Outbox outbox, SessionRepository sessionsHeld, OfferingRepository offeringRows) {
        this.sessionsHeld = sessionsHeld;
        this.offeringRows = offeringRows;
        this.sessions = sessions;
        this.offerings = offerings;
        this.registrations = registrations;
        this.attendance = attendance;
        this.educators = educators;
        this.completions = completions;
        this.access = access;
        this.outbox = outbox;
    }

    /** The code to show now, to the session's facilitator, while check-in is open. */
    @WithSession
    public Uni<CheckInCodeView> code(UUID sessionId) {
        Instant now = Instant.now();
        return sessions.visible(sessionId).map(session -> {
            access.runSession(session.facilitatorId);
            requireOpen(session, now);
            return new CheckInCodeView(CheckInCode.at(session.checkInSecret, now), CheckInCode.rotatesAt(now),
                    CheckInCode.STEP_SECONDS, opens(session), session.endsAt);
        });
    }

    /**
     * A registered teacher checks in with the code on screen: while check-in is open, once, with the current code or
     * the one before. Each refusal says which rule it broke.
     */
    @WithTransaction
    public Uni<AttendanceView> checkIn(UUID sessionId, String code) {
        UUID educatorId = access.educator();
        Instant now = Instant.now();
        return sessions.visible(sessionId).flatMap(session -> offerings.visible(session.offeringId)
                .flatMap(offering -> {
                    access.takePart(offering);
                    requireOpen(session, now);
                    return attendance.of(sessionId, educatorId).flatMap(earlier -> {
                        if (earlier != null) {
                            throw ProblemException.conflict("You checked in to this session already, at "
                                    + earlier.recordedAt + "; a code counts once");
                        }
                        return registrations.findById(new Registration.Key(sessionId, educatorId));
                    }).flatMap(registration -> {
                        if (registration == null || registration.status != Registration.Status.REGISTERED) {
                            throw ProblemException.conflict(registration != null
                                    && registration.status == Registration.Status.WAITLISTED
                                    ? "You are on the waitlist; the facilitator can mark you present"
                                    : "You are not registered for this session; the facilitator can mark you present");
                        }
                        if (!CheckInCode.accepts(session.checkInSecret, code, now)) {
                            throw ProblemException.invalid("code", "is not this session's current code; codes "
                                    + "rotate every " + CheckInCode.STEP_SECONDS + " seconds, use the one on screen");
                        }
                        return record(session, offering, educatorId, Attendance.Method.CHECK_IN, session.minutes(),
                                now, access.name());
                    }).flatMap(recorded -> attendance.of(sessionId, educatorId)).map(AttendanceView::of);
                }));
    }

    /**
     * The facilitator marks who attended, from the session's start on. Marking someone again changes nothing; an
     * educator the roster does not know is reported, and the others are recorded.
     */
    @WithTransaction
    public Uni<List<MarkResult>> mark(UUID sessionId, AttendanceMarks marks) {
        Instant now = Instant.now();
        return sessions.visible(sessionId).flatMap(session -> offerings.visible(session.offeringId)
                .flatMap(offering -> {
                    access.runSession(session.facilitatorId);
                    requireOn(session);
                    if (now.isBefore(session.startsAt)) {
                        throw ProblemException.conflict("Attendance is taken from the session's start, "
                                + session.startsAt);
                    }
                    requireMinutesWithin(session, marks);
                    Set<UUID> wanted = marks.attendees().stream().map(AttendanceMarks.Attendee::educatorId)
                            .collect(Collectors.toSet());
                    return educators.list("id in ?1", wanted).flatMap(known -> {
                        Set<UUID> rostered = known.stream().map(educator -> educator.id).collect(Collectors.toSet());
                        List<Integer> indexes = new ArrayList<>();
                        for (int i = 0; i < marks.attendees().size(); i++) {
                            indexes.add(i);
                        }
                        return Multi.createFrom().iterable(indexes).onItem().transformToUniAndConcatenate(index -> {
                            AttendanceMarks.Attendee attendee = marks.attendees().get(index);
                            if (!rostered.contains(attendee.educatorId())) {
                                return Uni.createFrom().item(new MarkResult(index, attendee.educatorId(),
                                        MarkResult.Outcome.UNKNOWN_EDUCATOR));
                            }
                            int minutes = attendee.minutes() == null ? session.minutes() : attendee.minutes();
                            return record(session, offering, attendee.educatorId(), Attendance.Method.FACILITATOR,
                                    minutes, now, access.name())
                                    .map(recorded -> new MarkResult(index, attendee.educatorId(), recorded
                                            ? MarkResult.Outcome.RECORDED : MarkResult.Outcome.ALREADY_RECORDED));
                        }).collect().asList();
                    });
                }));
    }

    private Uni<Boolean> record(OfferingSession session, Offering offering, UUID educatorId, Attendance.Method method,
            int minutes, Instant now, String by) {
        return record(session, offering, educatorId, method, minutes, now, by, null);
    }

    private Uni<Boolean> record(OfferingSession session, Offering offering, UUID educatorId, Attendance.Method method,
            int minutes, Instant now, String by, UUID statementId) {
        Attendance attended = new Attendance();
        attended.id = TimeOrderedIds.next();
        attended.sessionId = session.id;
        attended.offeringId = offering.id;
        attended.educatorId = educatorId;
        attended.method = method;
        attended.minutes = minutes;
        attended.creditHours = session.creditHours.multiply(BigDecimal.valueOf(minutes))
                .divide(BigDecimal.valueOf(session.minutes()), 2, RoundingMode.DOWN);
        attended.recordedAt = now;
        attended.recordedBy = by;
        attended.statementId = statementId;
        return attendance.insertNew(attended).call(recorded -> recorded
                ? publish(session, offering, attended).call(() -> completeIfDone(session, offering, educatorId, now))
                : Uni.createFrom().voidItem());
    }

    /**
     * What an xAPI "attended" statement by a rostered educator, on an activity mapped to the offering, records: an
     * attendance (method XAPI) at the session whose check-in window holds the statement's time, for the minutes the
     * statement's result gives (the session's length at most, and when it gives none). The LMS vouches for presence,
     * as a facilitator does, so no registration is needed. Says whether it was new; false also when no session of
     * the offering was held at that time.
     */
    public Uni<Boolean> recordStatement(UUID statementId, String clientId, UUID educatorId, Offering offering,
            Instant at, Duration duration, Instant now) {
        if (at.isAfter(now)) {
            return Uni.createFrom().item(false); // attended in the future: the LMS's clock or data is wrong
        }
        return sessionsHeld.heldAt(offering.id, at, CheckInCode.OPENS_BEFORE).flatMap(session -> {
            if (session == null) {
                return Uni.createFrom().item(false);
            }
            int minutes = duration == null ? session.minutes() : (int) Math.min(duration.toMinutes(), session.minutes());
            return record(session, offering, educatorId, Attendance.Method.XAPI, minutes, now, clientId, statementId);
        });
    }

    /**
     * Voids the attendances these xAPI statements recorded, each with attendance.voided. An educator who then falls
     * short of the offering's required sessions loses the completion the sessions earned; attending again earns it
     * anew.
     */
    public Uni<Void> voidStatements(Collection<UUID> statementIds, Instant at) {
        if (statementIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return attendance.recordedByLocked(statementIds).flatMap(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(attended -> takeBack(attended, attended.recordedBy,
                        "xAPI statement " + attended.statementId + " was voided", at))
                .collect().last().replaceWithVoid());
    }

    /**
     * The facilitator (or the district admin) takes back an attendance marked in error, with the reason: the same
     * as a voided statement. Doing it again, or for someone not recorded, changes nothing.
     */
    @WithTransaction
    public Uni<CorrectionResult> correct(UUID sessionId, AttendanceCorrection correction) {
        Instant now = Instant.now();
        return sessions.visible(sessionId).flatMap(session -> {
            access.runSession(session.facilitatorId);
            return attendance.ofLocked(sessionId, correction.educatorId()).flatMap(attended -> attended == null
                    ? Uni.createFrom().item(new CorrectionResult(correction.educatorId(),
                            CorrectionResult.Outcome.NOT_RECORDED))
                    : takeBack(attended, access.name(), correction.reason(), now).replaceWith(
                            new CorrectionResult(correction.educatorId(), CorrectionResult.Outcome.VOIDED)));
        });
    }

    private Uni<Void> takeBack(Attendance attended, String by, String reason, Instant at) {
        attended.voidedAt = at;
        attended.voidedBy = by;
        attended.voidReason = reason;
        return outbox.append(Topics.LEARNING_EVENTS, AttendanceVoided.TYPE, attended.educatorId, at,
                new AttendanceVoided(attended.id, attended.educatorId, attended.offeringId, attended.sessionId, at,
                        reason))
                .call(() -> attendance.flush())
                .call(() -> uncompleteIfShort(attended.educatorId, attended.offeringId, at))
                .replaceWithVoid();
    }

    private Uni<Void> uncompleteIfShort(UUID educatorId, UUID offeringId, Instant at) {
        return offeringRows.findById(offeringId).flatMap(offering -> attendance.attendedSessions(educatorId, offeringId)
                .flatMap(attended -> attended >= offering.sessionsToComplete() ? Uni.createFrom().voidItem()
                        : completions.voidOf(educatorId, offeringId, CompletionSource.FACILITATOR, at,
                                "an attendance it required was voided")));
    }

    private Uni<UUID> publish(OfferingSession session, Offering offering, Attendance attended) {
        SessionAttended event = new SessionAttended(attended.id, attended.educatorId, offering.id, session.id,
                offering.format == Format.WEBINAR ? "webinar" : "workshop", session.startsAt, attended.minutes,
                attended.creditHours, offering.creditType.name(), offering.category, offering.provider);
        return outbox.append(Topics.LEARNING_EVENTS, SessionAttended.TYPE, attended.educatorId, session.startsAt,
                event);
    }

    private Uni<Void> completeIfDone(OfferingSession session, Offering offering, UUID educatorId, Instant now) {
        return attendance.attendedSessions(educatorId, offering.id).flatMap(attended -> {
            if (attended < offering.sessionsToComplete()) {
                return Uni.createFrom().voidItem();
            }
            // Earned again after a voided attendance took it back, it is a new completion under a new reference.
            return completions.timesVoided(educatorId, offering.id, CompletionSource.FACILITATOR).flatMap(voided ->
                    completions.record(List.of(CompletionRecorder.Entry.of(0, CompletionSource.FACILITATOR, CLIENT,
                            "sessions/" + offering.id + "/" + educatorId + (voided == 0 ? "" : "/" + (voided + 1)),
                            educatorId, offering, session.endsAt, BigDecimal.ZERO, now))).replaceWithVoid());
        });
    }

    static void requireOpen(OfferingSession session, Instant now) {
        requireOn(session);
        CheckInCode.requireOpen("session", session.startsAt, session.endsAt, now);
    }

    private static void requireOn(OfferingSession session) {
        if (session.cancelled()) {
            throw ProblemException.conflict("Session " + session.id + " was cancelled: " + session.cancelReason);
        }
    }

    private static Instant opens(OfferingSession session) {
        return CheckInCode.opensAt(session.startsAt);
    }

    private static void requireMinutesWithin(OfferingSession session, AttendanceMarks marks) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < marks.attendees().size(); i++) {
            Integer minutes = marks.attendees().get(i).minutes();
            if (minutes != null && minutes > session.minutes()) {
                violations.add(new Problem.Violation("attendees[" + i + "].minutes",
                        "must be at most the session's " + session.minutes() + " minutes"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
