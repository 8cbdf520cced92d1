package org.district.pd.credentials.external;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** An imported credential as the teacher, their principal or a district admin reads it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalCredentialView(UUID id, UUID educatorId, String credentialId, String issuerId,
        String issuerName, String achievementId, String achievementName, Instant validFrom, Instant validUntil,
        BigDecimal creditsEarned, ExternalCredential.Verification verification, JsonNode checks,
        boolean recipientMatched, ExternalCredential.Status status, BigDecimal creditHours, String decidedBy,
        Instant decidedAt, String decisionComment, UUID awardId, Instant uploadedAt) {

    static ExternalCredentialView of(ExternalCredential found, JsonNode checks) {
        return new ExternalCredentialView(found.id, found.educatorId, found.credentialId, found.issuerId,
                found.issuerName, found.achievementId, found.achievementName, found.validFrom, found.validUntil,
                found.creditsEarned, found.verification, checks, found.recipientMatched, found.status,
                found.creditHours, found.decidedBy, found.decidedAt, found.decisionComment, found.awardId,
                found.uploadedAt);
    }
}
