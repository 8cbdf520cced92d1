package org.district.pd.learning.session.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An attendance to take back, and why (kept, and sent with attendance.voided). */
public record AttendanceCorrection(@NotNull UUID educatorId, @NotBlank @Size(max = 2000) String reason) {
}
