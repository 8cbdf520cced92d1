package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A principal or district admin applies a template to one teacher; the plan starts now unless {@code startsAt}. */
public record PlanRequest(@NotNull UUID educatorId, @NotNull UUID templateId, Instant startsAt) {
}
