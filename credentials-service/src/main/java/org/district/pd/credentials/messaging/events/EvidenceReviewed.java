package org.district.pd.credentials.messaging.events;

import java.time.Instant;
import java.util.UUID;

/** pd.credentials.evidence.reviewed.v1: a submission's review decided, PASS or RESUBMIT. */
public record EvidenceReviewed(UUID submissionId, UUID educatorId, UUID credentialDefinitionId,
        int definitionVersion, int attempt, String outcome, int assessors, Instant reviewedAt) {

    public static final String TYPE = "pd.credentials.evidence.reviewed.v1";
}
