package org.district.pd.plan.messaging.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.district.pd.plan.renewal.RenewalProfile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.learning.session.attended.v1: what the ledger and pathways need. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionAttended(@NotNull UUID attendanceId, @NotNull UUID educatorId, UUID offeringId,
        @NotNull UUID sessionId, @NotBlank String sessionKind, @NotNull Instant attendedAt,
        @NotNull @PositiveOrZero @DecimalMax(value = "1000", inclusive = false) BigDecimal creditHours,
        @NotBlank @Pattern(regexp = RenewalProfile.CREDIT_TYPE) String creditType, @NotBlank String category, String provider) {

    public static final String TYPE = "pd.learning.session.attended.v1";
}
