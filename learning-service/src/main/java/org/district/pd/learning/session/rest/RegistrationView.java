package org.district.pd.learning.session.rest;

import java.time.Instant;
import java.util.UUID;

import org.district.pd.learning.session.persistence.Registration;

/** An educator's registration; {@code waitlistPosition} is 1 for the next to get a seat, null when not waiting. */
public record RegistrationView(UUID sessionId, UUID educatorId, Registration.Status status, Long waitlistPosition,
        Instant registeredAt, Instant changedAt) {

    public static RegistrationView of(Registration registration, Long waitingAhead) {
        return new RegistrationView(registration.key.sessionId(), registration.key.educatorId(), registration.status,
                registration.status == Registration.Status.WAITLISTED ? waitingAhead + 1 : null,
                registration.registeredAt, registration.changedAt);
    }
}
