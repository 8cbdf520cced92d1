package org.district.pd.learning.session.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An educator's place in a session: a seat, a place on the waitlist, or a cancelled one. */
@Entity
public class Registration {

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** When the educator last registered; the waitlist is served in this order. */
    public Instant registeredAt;
    public Instant changedAt;

    public enum Status {
        REGISTERED, WAITLISTED, CANCELLED
    }

    /** One educator in one session. */
    @Embeddable
    public record Key(UUID sessionId, UUID educatorId) implements Serializable {
    }
}
