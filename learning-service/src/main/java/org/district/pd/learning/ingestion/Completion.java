package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An accepted completion: one educator finished one offering on one day, reported once by one LMS client. */
@Entity
public class Completion {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "educator_id")
    public UUID educatorId;
    @Column(name = "offering_id")
    public UUID offeringId;
    @Column(name = "completed_at")
    public Instant completedAt;
    /** The UTC day of completedAt; null only on second completions of a day accepted before that was refused. */
    @Column(name = "completed_day")
    public LocalDate completedDay;
    @Column(name = "credit_hours")
    public BigDecimal creditHours;
    @Column(name = "received_at")
    public Instant receivedAt;
}
