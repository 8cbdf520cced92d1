package org.district.pd.learning.session.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The code a teacher reads off the facilitator's screen. */
public record CheckIn(@NotNull @Pattern(regexp = "^[0-9]{6}$", message = "must be the six digits shown") String code) {
}
