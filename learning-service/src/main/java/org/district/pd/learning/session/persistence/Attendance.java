package org.district.pd.learning.session.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** That an educator attended a session, recorded once, by the facilitator or by the educator's own check-in. */
@Entity
public class Attendance {

    @Id
    public UUID id;
    public UUID sessionId;
    public UUID offeringId;
    public UUID educatorId;
    @Enumerated(EnumType.STRING)
    public Method method;
    public int minutes;
    public BigDecimal creditHours;
    public Instant recordedAt;
    public String recordedBy;
    /** The xAPI statement that recorded it, when one did. */
    public UUID statementId;
    /** When it was taken back (a correction, or its statement voided); a voided attendance no longer counts. */
    public Instant voidedAt;
    /** Who took it back, and why. */
    public String voidedBy;
    public String voidReason;

    public enum Method {
        FACILITATOR, CHECK_IN, XAPI
    }
}
