package org.district.pd.learning.session;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.session.persistence.OfferingSession;
import org.district.pd.learning.session.persistence.Registration;
import org.district.pd.learning.session.persistence.RegistrationRepository;

import io.smallrye.mutiny.Uni;

/** Seats freed (a cancellation) or added (more capacity) go to those waiting, first come first served. */
@ApplicationScoped
class Waitlist {

    private final RegistrationRepository registrations;

    Waitlist(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    /** Promotes the first waiting, in order, until the session is full or no one waits; the session is locked. */
    Uni<Void> fill(OfferingSession session, Instant now) {
        if (session.registered >= session.capacity) {
            return Uni.createFrom().voidItem();
        }
        return registrations.flush().flatMap(flushed -> registrations.firstWaiting(session.id)).flatMap(next -> {
            if (next == null) {
                return Uni.createFrom().voidItem();
            }
            next.status = Registration.Status.REGISTERED;
            next.changedAt = now;
            session.registered++;
            return fill(session, now);
        });
    }
}
