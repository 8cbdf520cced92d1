package org.district.pd.plan.messaging.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.credentials.evidence.submitted.v1: what submit-evidence milestones count. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceSubmitted(@NotNull UUID submissionId, @NotNull UUID educatorId,
        @NotNull UUID credentialDefinitionId, @NotNull Instant submittedAt) {

    public static final String TYPE = "pd.credentials.evidence.submitted.v1";
}
