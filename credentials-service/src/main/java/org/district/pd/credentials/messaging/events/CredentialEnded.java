package org.district.pd.credentials.messaging.events;

import java.time.Instant;
import java.util.UUID;

/** pd.credentials.credential.revoked.v1 and ...expired.v1: an award no longer holds, and why. */
public record CredentialEnded(UUID awardId, UUID educatorId, UUID credentialDefinitionId, Instant at, String reason) {

    public static final String REVOKED = "pd.credentials.credential.revoked.v1";
    public static final String EXPIRED = "pd.credentials.credential.expired.v1";
}
