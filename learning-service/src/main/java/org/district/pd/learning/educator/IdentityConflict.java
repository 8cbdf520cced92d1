package org.district.pd.learning.educator;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.district.pd.learning.educator.LearnerIdentity.Kind;

/** A roster snapshot claimed an identity that another educator holds; the holder keeps it until its roster drops it. */
@Entity
@Table(name = "identity_conflict")
public class IdentityConflict {

    /** How a conflict ended. */
    public enum Resolution {
        /** The holder's own roster dropped the identity, and it moved to the claimant. */
        HOLDER_DROPPED,
        /** The claimant's roster no longer claims it. */
        CLAIM_WITHDRAWN
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String value;
    public UUID holderId;
    public UUID claimantId;
    public Instant detectedAt;
    public Instant resolvedAt;
    @Enumerated(EnumType.STRING)
    public Resolution resolution;
}
