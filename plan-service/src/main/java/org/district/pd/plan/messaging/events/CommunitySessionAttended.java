package org.district.pd.plan.messaging.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's narrow reading of pd.community.session.attended.v1: what the ledger and pathways need. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommunitySessionAttended(@NotNull UUID attendanceId, @NotNull UUID educatorId, @NotNull UUID communityId,
        @NotBlank String communityKind, @NotNull UUID meetingId, @NotNull Instant attendedAt,
        @NotNull @PositiveOrZero @DecimalMax(value = "1000", inclusive = false) BigDecimal creditHours,
        @NotBlank String category) {

    public static final String TYPE = "pd.community.session.attended.v1";
}
