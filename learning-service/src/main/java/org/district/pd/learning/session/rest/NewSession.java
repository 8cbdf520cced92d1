package org.district.pd.learning.session.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A session to schedule: in-person sessions need a location, webinars a join link, blended ones either. Without
 * {@code creditHours} a session earns the offering's credit divided by the sessions that complete it.
 */
public record NewSession(
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Size(max = 300) String location,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) link") String joinUrl,
        @NotNull @Min(1) @Max(10000) Integer capacity,
        @NotNull UUID facilitatorId,
        @DecimalMin("0") @DecimalMax("999") BigDecimal creditHours) {
}
