package org.district.pd.learning.ingestion.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An accepted completion: one educator finished one offering on one day, reported once by one LMS client. */
@Entity
public class Completion {

    @Id
    public UUID id;
    public String clientId;
    public String externalId;
    public UUID educatorId;
    public UUID offeringId;
    public Instant completedAt;
    /** The UTC day of completedAt; null only on second completions of a day accepted before that was refused. */
    public LocalDate completedDay;
    public BigDecimal creditHours;
    public Instant receivedAt;
    /** How it reached this service: LMS, XAPI, FACILITATOR or EXTERNAL_APPROVED. */
    public String source;
    /** When what earned it was taken back (a voided statement or attendance); a voided completion no longer counts. */
    public Instant voidedAt;
}
