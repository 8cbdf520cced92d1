package org.district.pd.learning.session.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.district.pd.learning.session.persistence.OfferingSession;
import org.district.pd.learning.session.persistence.Registration;

/** A session as the API shows it, with the seats left and, for an educator, their own registration (or null). */
public record SessionView(UUID id, UUID offeringId, Instant startsAt, Instant endsAt, int minutes, String location,
        String joinUrl, int capacity, int seatsLeft, UUID facilitatorId, BigDecimal creditHours,
        Registration.Status myRegistration, Instant cancelledAt, String cancelReason) {

    public static SessionView of(OfferingSession session, Registration mine) {
        return new SessionView(session.id, session.offeringId, session.startsAt, session.endsAt, session.minutes(),
                session.location, session.joinUrl, session.capacity,
                session.cancelled() ? 0 : session.capacity - session.registered, session.facilitatorId,
                session.creditHours, mine == null ? null : mine.status, session.cancelledAt, session.cancelReason);
    }
}
