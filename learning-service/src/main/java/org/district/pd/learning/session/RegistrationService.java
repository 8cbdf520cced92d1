package org.district.pd.learning.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.OfferingService;
import org.district.pd.learning.catalog.OfferingStatus;
import org.district.pd.learning.security.LearningAccess;
import org.district.pd.learning.session.persistence.AttendanceRepository;
import org.district.pd.learning.session.persistence.OfferingSession;
import org.district.pd.learning.session.persistence.Registration;
import org.district.pd.learning.session.persistence.RegistrationRepository;
import org.district.pd.learning.session.rest.AttendanceView;
import org.district.pd.learning.session.rest.RegistrationView;
import org.district.pd.learning.session.rest.RosterView;
import org.district.pd.learning.session.rest.SessionView;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Seats and the waitlist. Every change locks the session row first, so the seat count and the waitlist order are
 * decided one writer at a time: capacity is never exceeded, and a freed seat goes to whoever waited longest.
 */
@ApplicationScoped
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final AttendanceRepository attendance;
    private final OfferingService offerings;
    private final SessionService sessionService;
    private final LearningAccess access;
    private final Waitlist waitlist;

    RegistrationService(RegistrationRepository registrations,
            AttendanceRepository attendance, OfferingService offerings, SessionService sessionService,
            LearningAccess access, Waitlist waitlist) {
        this.waitlist = waitlist;
        this.registrations = registrations;
        this.attendance = attendance;
        this.offerings = offerings;
        this.sessionService = sessionService;
        this.access = access;
    }

    /** A seat if one is free, else a place on the waitlist; registering again changes nothing. */
    @WithTransaction
    public Uni<RegistrationView> register(UUID sessionId) {
        UUID educatorId = access.educator();
        Instant now = Instant.now();
        return sessionService.visibleLocked(sessionId)
                .call(session -> offerings.visible(session.offeringId).invoke(offering -> {
                    if (offering.status != OfferingStatus.PUBLISHED) {
                        throw ProblemException.conflict("Offering " + offering.id + " is not open for registration ("
                                + offering.status + ")");
                    }
                    access.takePart(offering);
                }))
                .flatMap(session -> {
                    if (session.cancelled()) {
                        throw ProblemException.conflict("Session " + sessionId + " was cancelled: "
                                + session.cancelReason);
                    }
                    if (!now.isBefore(session.startsAt)) {
                        throw ProblemException.conflict("Registration closed when the session began at "
                                + session.startsAt);
                    }
                    return registrations.findById(new Registration.Key(sessionId, educatorId))
                            .flatMap(existing -> existing != null && existing.status != Registration.Status.CANCELLED
                                    ? Uni.createFrom().item(existing)
                                    : place(session, existing, educatorId, now));
                })
                .flatMap(this::view);
    }

    /** Cancels the caller's own registration; a seat it frees goes to the first on the waitlist. */
    @WithTransaction
    public Uni<RegistrationView> cancel(UUID sessionId) {
        UUID educatorId = access.educator();
        Instant now = Instant.now();
        return sessionService.visibleLocked(sessionId)
                .flatMap(session -> registrations.findById(new Registration.Key(sessionId, educatorId))
                        .flatMap(registration -> {
                            if (registration == null || registration.status == Registration.Status.CANCELLED) {
                                throw ProblemException.notFound("You are not registered for session " + sessionId);
                            }
                            if (!now.isBefore(session.startsAt)) {
                                throw ProblemException.conflict("The session began at " + session.startsAt
                                        + "; a registration can be cancelled until then");
                            }
                            boolean freesSeat = registration.status == Registration.Status.REGISTERED;
                            registration.status = Registration.Status.CANCELLED;
                            registration.changedAt = now;
                            if (!freesSeat) {
                                return Uni.createFrom().item(registration);
                            }
                            session.registered--;
                            return waitlist.fill(session, now).replaceWith(registration);
                        }))
                .flatMap(this::view);
    }

    /** The caller's own registrations, the most recently changed first. */
    @WithSession
    public Uni<List<RegistrationView>> mine(int page, int size) {
        return registrations.ofEducator(access.educator(), page, size)
                .flatMap(found -> Multi.createFrom().iterable(found)
                        .onItem().transformToUniAndConcatenate(this::view).collect().asList());
    }

    /** Seats first, then the waitlist in order, and who attended: for the facilitator and the offering's authors. */
    @WithSession
    public Uni<RosterView> roster(UUID sessionId) {
        return sessionService.visible(sessionId).flatMap(session -> offerings.visible(session.offeringId)
                .invoke(offering -> access.readRoster(session.facilitatorId, offering))
                .flatMap(offering -> registrations.ofSession(sessionId))
                .flatMap(found -> Multi.createFrom().iterable(found)
                        .onItem().transformToUniAndConcatenate(this::view).collect().asList())
                .flatMap(seats -> attendance.ofSession(sessionId).map(present -> new RosterView(
                        SessionView.of(session, null), seats, present.stream().map(AttendanceView::of).toList()))));
    }

    private Uni<Registration> place(OfferingSession session, Registration existing, UUID educatorId, Instant now) {
        Registration registration = existing != null ? existing : new Registration();
        registration.key = new Registration.Key(session.id, educatorId);
        registration.registeredAt = now;
        registration.changedAt = now;
        if (session.registered < session.capacity) {
            registration.status = Registration.Status.REGISTERED;
            session.registered++;
        } else {
            registration.status = Registration.Status.WAITLISTED;
        }
        return existing != null ? Uni.createFrom().item(registration) : registrations.persist(registration);
    }

    private Uni<RegistrationView> view(Registration registration) {
        return registration.status == Registration.Status.WAITLISTED
                ? registrations.waitingAhead(registration).map(ahead -> RegistrationView.of(registration, ahead))
                : Uni.createFrom().item(RegistrationView.of(registration, null));
    }
}
