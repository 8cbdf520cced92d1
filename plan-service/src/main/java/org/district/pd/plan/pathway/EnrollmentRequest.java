package org.district.pd.plan.pathway;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A teacher enrolls themselves in a template open for enrollment. */
public record EnrollmentRequest(@NotNull UUID templateId) {
}
