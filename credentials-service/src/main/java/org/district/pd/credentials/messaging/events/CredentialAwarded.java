package org.district.pd.credentials.messaging.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** pd.credentials.credential.awarded.v1: the credit hours go to the ledger, the credential to pathways. */
public record CredentialAwarded(UUID awardId, UUID educatorId, UUID credentialDefinitionId, int definitionVersion,
        String kind, Instant awardedAt, Instant expiresAt, BigDecimal creditHours, List<String> competencyTags,
        String category, UUID renews) {

    public static final String TYPE = "pd.credentials.credential.awarded.v1";
    public static final String CATEGORY = "MICRO_CREDENTIAL";
}
