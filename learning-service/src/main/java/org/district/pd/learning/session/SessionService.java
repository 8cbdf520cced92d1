package org.district.pd.learning.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.Format;
import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.OfferingService;
import org.district.pd.learning.catalog.OfferingStatus;
import org.district.pd.learning.security.LearningAccess;
import org.district.pd.learning.session.persistence.AttendanceRepository;
import org.district.pd.learning.session.persistence.OfferingSession;
import org.district.pd.learning.session.persistence.Registration;
import org.district.pd.learning.session.persistence.RegistrationRepository;
import org.district.pd.learning.session.persistence.SessionRepository;
import org.district.pd.learning.session.rest.NewSession;
import org.district.pd.learning.session.rest.SessionView;
import org.district.pd.platform.checkin.CheckInCode;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Scheduling: who schedules sessions of which offerings, where they take place, and what attending one earns. */
@ApplicationScoped
public class SessionService {

    private static final Duration LONGEST = Duration.ofHours(24);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration FURTHEST = Duration.ofDays(5 * 366);

    private final SessionRepository sessions;
    private final RegistrationRepository registrations;
    private final OfferingService offerings;
    private final LearningAccess access;
    private final Waitlist waitlist;
    private final AttendanceRepository attendance;

    SessionService(SessionRepository sessions, RegistrationRepository registrations, OfferingService offerings,
            LearningAccess access, Waitlist waitlist, AttendanceRepository attendance) {
        this.waitlist = waitlist;
        this.attendance = attendance;
        this.sessions = sessions;
        this.registrations = registrations;
        this.offerings = offerings;
        this.access = access;
    }

    /** The offering's authors schedule its sessions, for offerings that meet and are not retired. */
    @WithTransaction
    public Uni<SessionView> schedule(UUID offeringId, NewSession request) {
        return offerings.visible(offeringId).flatMap(offering -> {
            access.authorOffering(offering.schoolId);
            requireSchedulable(offering, request);
            OfferingSession session = new OfferingSession();
            session.id = UUID.randomUUID();
            session.offeringId = offeringId;
            apply(request, offering, session);
            session.checkInSecret = CheckInCode.newSecret();
            session.createdAt = Instant.now();
            return sessions.persist(session).map(saved -> SessionView.of(saved, null));
        });
    }

    /**
     * The offering's authors change a session before it begins: its time, place, link, facilitator, credit and
     * capacity. Seats added go to the waitlist in order; capacity never drops below the seats taken.
     */
    @WithTransaction
    public Uni<SessionView> reschedule(UUID sessionId, NewSession request) {
        Instant now = Instant.now();
        return changeable(sessionId, now).flatMap(session -> offerings.visible(session.offeringId)
                .flatMap(offering -> {
                    requireSchedulable(offering, request);
                    if (request.capacity() < session.registered) {
                        throw ProblemException.conflict(session.registered + " seats are taken: the capacity can "
                                + "go down to " + session.registered + ", not " + request.capacity());
                    }
                    apply(request, offering, session);
                    return waitlist.fill(session, now).map(filled -> SessionView.of(session, null));
                }));
    }

    /**
     * The offering's authors cancel a session before it begins, with the reason: every registration and place on
     * the waitlist is cancelled, and the session says why.
     */
    @WithTransaction
    public Uni<SessionView> cancel(UUID sessionId, String reason) {
        Instant now = Instant.now();
        return changeable(sessionId, now).flatMap(session -> registrations.ofSession(sessionId).map(found -> {
            found.stream().filter(registration -> registration.status != Registration.Status.CANCELLED)
                    .forEach(registration -> {
                        registration.status = Registration.Status.CANCELLED;
                        registration.changedAt = now;
                    });
            session.registered = 0;
            session.cancelledAt = now;
            session.cancelReason = reason.strip();
            return SessionView.of(session, null);
        }));
    }

    /** A session its caller authors, locked, not cancelled and not begun. */
    private Uni<OfferingSession> changeable(UUID sessionId, Instant now) {
        return visibleLocked(sessionId).call(session -> offerings.visible(session.offeringId).invoke(offering -> {
            access.authorOffering(offering.schoolId);
            if (session.cancelled()) {
                throw ProblemException.conflict("Session " + sessionId + " was cancelled at " + session.cancelledAt);
            }
            if (!now.isBefore(session.startsAt)) {
                throw ProblemException.conflict("Session " + sessionId + " began at " + session.startsAt
                        + "; it can be changed or cancelled until then");
            }
        })).call(session -> attendance.ofSession(sessionId).invoke(present -> {
            if (!present.isEmpty()) {
                throw ProblemException.conflict("Session " + sessionId + " has attendance recorded already (check-in "
                        + "opens before it begins); correct the attendance first");
            }
        }));
    }

    private static void apply(NewSession request, Offering offering, OfferingSession session) {
        session.startsAt = request.startsAt();
        session.endsAt = request.endsAt();
        session.location = blankToNull(request.location());
        session.joinUrl = blankToNull(request.joinUrl());
        session.capacity = request.capacity();
        session.facilitatorId = request.facilitatorId();
        session.creditHours = request.creditHours() != null ? request.creditHours()
                : offering.creditHours.divide(BigDecimal.valueOf(offering.sessionsToComplete()), 2, RoundingMode.DOWN);
    }

    @WithSession
    public Uni<SessionView> get(UUID sessionId) {
        return visible(sessionId).flatMap(session -> mine(List.of(session)).map(views -> views.get(0)));
    }

    @WithSession
    public Uni<List<SessionView>> ofOffering(UUID offeringId, int page, int size) {
        return offerings.visible(offeringId).flatMap(offering -> sessions.ofOffering(offeringId, page, size))
                .flatMap(this::mine);
    }

    /** The caller's own sessions as facilitator, the latest first. */
    @WithSession
    public Uni<List<SessionView>> facilitating(int page, int size) {
        return sessions.facilitatedBy(access.educator(), page, size)
                .map(found -> found.stream().map(session -> SessionView.of(session, null)).toList());
    }

    /** A session of an offering the caller may see, or a 404 as if there were none. */
    @WithSession
    public Uni<OfferingSession> visible(UUID sessionId) {
        return seen(sessionId, sessions.findById(sessionId));
    }

    /**
     * The same, locked until the transaction ends. It must be the first read of the session in the transaction: a
     * lock taken on a copy read before would not refresh what that copy says (the seats taken).
     */
    public Uni<OfferingSession> visibleLocked(UUID sessionId) {
        return seen(sessionId, sessions.findLocked(sessionId));
    }

    private Uni<OfferingSession> seen(UUID sessionId, Uni<OfferingSession> found) {
        return found
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No session " + sessionId))
                .call(session -> offerings.visible(session.offeringId)
                        .onFailure(ProblemException.class)
                        .transform(hidden -> ProblemException.notFound("No session " + sessionId)));
    }

    private Uni<List<SessionView>> mine(List<OfferingSession> found) {
        UUID me = access.educatorOrNull();
        if (me == null) {
            return Uni.createFrom().item(found.stream().map(session -> SessionView.of(session, null)).toList());
        }
        return registrations.ofEducator(me, found.stream().map(session -> session.id).toList())
                .map(own -> {
                    Map<UUID, Registration> bySession = own.stream()
                            .collect(Collectors.toMap(registration -> registration.key.sessionId(),
                                    Function.identity()));
                    return found.stream().map(session -> SessionView.of(session, bySession.get(session.id))).toList();
                });
    }

    private static void requireSchedulable(Offering offering, NewSession request) {
        if (!offering.hasSessions()) {
            throw ProblemException.conflict("A " + offering.format + " offering has no sessions; only IN_PERSON, "
                    + "BLENDED and WEBINAR offerings meet");
        }
        if (offering.status == OfferingStatus.RETIRED) {
            throw ProblemException.conflict("Offering " + offering.id + " is retired");
        }
        if (request.startsAt().isBefore(EARLIEST) || request.startsAt().isAfter(Instant.now().plus(FURTHEST))) {
            throw ProblemException.invalid("startsAt", "must be from 2000 on and within five years from now");
        }
        if (Duration.between(request.startsAt(), request.endsAt()).toMinutes() < 1) {
            throw ProblemException.invalid("endsAt", "must be at least a minute after startsAt");
        }
        if (Duration.between(request.startsAt(), request.endsAt()).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("endsAt", "a session lasts at most 24 hours");
        }
        if (offering.format == Format.IN_PERSON && isBlank(request.location())) {
            throw ProblemException.invalid("location", "is required for an IN_PERSON session");
        }
        if (offering.format == Format.WEBINAR && isBlank(request.joinUrl())) {
            throw ProblemException.invalid("joinUrl", "is required for a WEBINAR session");
        }
        if (isBlank(request.location()) && isBlank(request.joinUrl())) {
            throw ProblemException.invalid("location", "a BLENDED session needs a location or a joinUrl");
        }
        if (request.creditHours() != null && request.creditHours().compareTo(offering.creditHours) > 0) {
            throw ProblemException.invalid("creditHours",
                    "must be at most the offering's credit (" + offering.creditHours.toPlainString() + ")");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
