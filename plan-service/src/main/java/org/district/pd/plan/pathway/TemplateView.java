package org.district.pd.plan.pathway;

import java.time.Instant;
import java.util.UUID;

/** A template version as the API shows it: its id, version and school (null: district-wide) with what it holds. */
public record TemplateView(UUID id, int version, UUID schoolId, Template template, String createdBy,
        Instant createdAt) {
}
