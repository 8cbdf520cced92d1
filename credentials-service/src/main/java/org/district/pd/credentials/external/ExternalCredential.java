package org.district.pd.credentials.external;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** An Open Badges 3.0 credential a teacher earned elsewhere: what it says, how it verified, and the decision on it. */
@Entity
public class ExternalCredential {

    @Id
    public UUID id;
    public UUID educatorId;
    public String credentialId;
    public String issuerId;
    public String issuerName;
    public String achievementId;
    public String achievementName;
    public Instant validFrom;
    public Instant validUntil;
    public BigDecimal creditsEarned;
    @Enumerated(EnumType.STRING)
    public Verification verification;
    /** The verification checks, as JSON. */
    public String checks;
    public boolean recipientMatched;
    public String jwt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public BigDecimal creditHours;
    public String decidedBy;
    public Instant decidedAt;
    public String decisionComment;
    public UUID awardId;
    public Instant uploadedAt;

    /**
     * VERIFIED: the signature checks out with the key the issuer publishes at the header's kid. KEY_UNREACHABLE: that
     * key could not be fetched, so the signature is unchecked. EMBEDDED_KEY: signed by the key in its own header,
     * which shows the credential is intact but not who signed it.
     */
    public enum Verification {
        VERIFIED, KEY_UNREACHABLE, EMBEDDED_KEY
    }

    public enum Status {
        PENDING, APPROVED, DENIED
    }
}
