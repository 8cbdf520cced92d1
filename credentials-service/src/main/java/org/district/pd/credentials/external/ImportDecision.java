package org.district.pd.credentials.external;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A principal's decision on an imported credential: approved with the hours it counts here, or denied with why. */
public record ImportDecision(@NotNull Verdict decision,
        @DecimalMin("0") @DecimalMax(value = "1000", inclusive = false) BigDecimal creditHours,
        @Size(max = 2000) String comment) {

    public enum Verdict {
        APPROVE, DENY
    }
}
