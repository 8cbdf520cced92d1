package org.district.pd.learning.session.persistence;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A scheduled meeting of an offering: when, where or at which link, how many seats, and who facilitates it. */
@Entity
@Table(name = "offering_session")
public class OfferingSession {

    @Id
    public UUID id;
    public UUID offeringId;
    public Instant startsAt;
    public Instant endsAt;
    public String location;
    public String joinUrl;
    public int capacity;
    public UUID facilitatorId;
    /** Credit for attending all of it, in the offering's credit type. */
    public BigDecimal creditHours;
    /** Never shown: the check-in codes are derived from it. */
    public byte[] checkInSecret;
    /** Seats taken: the registrations with status REGISTERED. */
    public int registered;
    public Instant createdAt;
    /** When it was cancelled, and why; null while it is on. */
    public Instant cancelledAt;
    public String cancelReason;

    public int minutes() {
        return (int) Duration.between(startsAt, endsAt).toMinutes();
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
