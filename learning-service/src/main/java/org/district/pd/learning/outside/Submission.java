package org.district.pd.learning.outside;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The evidence for pre-approved PD once it took place; {@code hours} and {@code endsOn} correct the plan when what
 * happened differs from it.
 */
public record Submission(
        @NotNull @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) link")
        String evidenceUrl,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("999") BigDecimal hours,
        LocalDate endsOn,
        @Size(max = 2000) String comment) {
}
