package org.district.pd.plan.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

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
    public UUID educatorId;
    public UUID eventId;
    public String eventType;
    /** The producer's id of what was earned, e.g. the completion id. */
    public String sourceRef;
    public UUID offeringId;
    public Instant occurredAt;
    public BigDecimal creditHours;
    public String creditType;
    public String category;
    /** How the activity reached the platform: LMS, XAPI, FACILITATOR or EXTERNAL_APPROVED. */
    public String activitySource;
    public Instant recordedAt;
    /** Who gave the activity, when it was not the district; renewal profiles may count approved providers only. */
    public String provider;
    /** When what this entry counts was earned: its own time, or for a reversing entry that of the entry it reverses. */
    public Instant earnedAt;
}
