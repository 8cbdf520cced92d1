package org.district.pd.credentials.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An award as its holder, their principal or a district admin reads it; the credential itself is downloaded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AwardView(UUID id, UUID educatorId, UUID definitionId, int definitionVersion, String name,
        UUID submissionId, Award.Status status, Instant awardedAt, Instant validFrom, Instant validUntil,
        BigDecimal creditHours, Instant revokedAt, String revokeReason, String credentialId, String download) {

    public static AwardView of(Award award, String name) {
        return new AwardView(award.id, award.educatorId, award.definitionId, award.definitionVersion, name,
                award.submissionId, award.status, award.awardedAt, award.validFrom, award.validUntil,
                award.creditHours, award.revokedAt, award.revokeReason, "urn:uuid:" + award.id,
                "/api/v1/credentials/awards/" + award.id + "/credential");
    }
}
