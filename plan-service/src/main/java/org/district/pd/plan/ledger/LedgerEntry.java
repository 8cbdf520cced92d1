package org.district.pd.plan.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One credit-hour fact from a learning event; never changed, a correction is a new reversing entry. */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    public UUID id;
    @Column(name = "educator_id")
    public UUID educatorId;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    /** The producer's id of what was earned, e.g. the completion id. */
    @Column(name = "source_ref")
    public String sourceRef;
    @Column(name = "offering_id")
    public UUID offeringId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "credit_hours")
    public BigDecimal creditHours;
    @Column(name = "credit_type")
    public String creditType;
    public String category;
    /** How the activity reached the platform: LMS, XAPI, FACILITATOR or EXTERNAL_APPROVED. */
    @Column(name = "activity_source")
    public String activitySource;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
