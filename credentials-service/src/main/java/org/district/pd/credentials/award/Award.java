package org.district.pd.credentials.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A credential awarded to a teacher, with the signed Open Badges 3.0 credential that proves it. */
@Entity
public class Award {

    @Id
    public UUID id;
    public UUID educatorId;
    public UUID definitionId;
    public int definitionVersion;
    /** The passing submission; null for a stack, which is awarded for its members. */
    public UUID submissionId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant awardedAt;
    public Instant validFrom;
    public Instant validUntil;
    public BigDecimal creditHours;
    public String credentialJwt;
    public String keyId;
    public Instant revokedAt;
    public String revokeReason;
    /** When it stopped being ACTIVE: revoked, expired or renewed. */
    public Instant endedAt;

    /** ACTIVE until revoked, past its validUntil (EXPIRED), or replaced by its renewal (RENEWED). */
    public enum Status {
        ACTIVE, REVOKED, EXPIRED, RENEWED
    }
}
