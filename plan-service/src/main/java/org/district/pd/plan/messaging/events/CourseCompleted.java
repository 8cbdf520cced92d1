package org.district.pd.plan.messaging.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.district.pd.plan.renewal.RenewalProfile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's narrow reading of pd.learning.course.completed.v1: what the credit-hour ledger needs; {@code provider}
 * (optional) is who gave the course, for states that count approved providers only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseCompleted(@NotNull UUID completionId, @NotNull UUID educatorId, UUID offeringId, String externalRef,
        @NotNull Instant completedAt,
        @NotNull @PositiveOrZero @DecimalMax(value = "1000", inclusive = false) BigDecimal creditHours,
        @NotBlank @Pattern(regexp = RenewalProfile.CREDIT_TYPE) String creditType, @NotBlank String category, String source, List<String> competencyTags,
        String provider) {

    public static final String TYPE = "pd.learning.course.completed.v1";
}
