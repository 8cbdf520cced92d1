package org.district.pd.credentials.messaging.events;

import java.time.Instant;
import java.util.UUID;

/** pd.credentials.evidence.submitted.v1: a teacher submitted evidence for a credential. */
public record EvidenceSubmitted(UUID submissionId, UUID educatorId, UUID credentialDefinitionId,
        int definitionVersion, int attempt, boolean renewal, Instant submittedAt) {

    public static final String TYPE = "pd.credentials.evidence.submitted.v1";
}
