package org.district.pd.learning.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An accepted completion: one educator finished one offering, reported once by one LMS client. */
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
    @Column(name = "credit_hours")
    public BigDecimal creditHours;
    @Column(name = "received_at")
    public Instant receivedAt;
}
