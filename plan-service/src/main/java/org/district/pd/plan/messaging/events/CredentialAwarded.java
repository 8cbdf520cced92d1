package org.district.pd.plan.messaging.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's narrow reading of pd.credentials.credential.awarded.v1: the credential for earn-credential milestones
 * and the hours for the ledger, in the category it names or {@value #DEFAULT_CATEGORY}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialAwarded(@NotNull UUID awardId, @NotNull UUID educatorId, @NotNull UUID credentialDefinitionId,
        @NotNull Instant awardedAt,
        @NotNull @PositiveOrZero @DecimalMax(value = "1000", inclusive = false) BigDecimal creditHours,
        String category) {

    public static final String TYPE = "pd.credentials.credential.awarded.v1";
    public static final String DEFAULT_CATEGORY = "MICRO_CREDENTIAL";

    public String ledgerCategory() {
        return category == null || category.isBlank() ? DEFAULT_CATEGORY : category;
    }
}
