package org.district.pd.plan.messaging.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.credentials.credential.revoked.v1: the award to take back, and when. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialRevoked(@NotNull UUID awardId, @NotNull UUID educatorId, @NotNull Instant at, String reason) {

    public static final String TYPE = "pd.credentials.credential.revoked.v1";
}
