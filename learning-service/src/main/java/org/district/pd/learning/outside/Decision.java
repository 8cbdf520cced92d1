package org.district.pd.learning.outside;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A principal's decision on a request; a denial says why. */
public record Decision(@NotNull Verdict decision, @Size(max = 2000) String comment) {

    public enum Verdict {
        APPROVE, DENY
    }
}
